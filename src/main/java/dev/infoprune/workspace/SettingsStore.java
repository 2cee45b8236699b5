package dev.infoprune.workspace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.infoprune.core.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link UserSettings} as {@code settings.json} in the user's InfoPrune folder
 * ({@code ~/.config/infoprune}, or the folder in system property {@code infoprune.home}). A missing or
 * unreadable file gives the defaults: losing a window position must never stop the app from starting.
 */
public final class SettingsStore {
    public static final String FILE = "settings.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

    private final Path folder;

    public SettingsStore(Path folder) {
        this.folder = folder;
    }

    /** The user's InfoPrune folder: system property {@code infoprune.home}, else {@code ~/.config/infoprune}. */
    public static Path defaultFolder() {
        String home = System.getProperty("infoprune.home");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"), ".config", "infoprune");
    }

    public Path folder() {
        return folder;
    }

    public UserSettings load() {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return UserSettings.DEFAULT;
        }
        try {
            return JSON.readValue(file.toFile(), UserSettings.class);
        } catch (IOException | RuntimeException e) {
            return UserSettings.DEFAULT;
        }
    }

    public void save(UserSettings settings) throws IOException {
        AtomicFiles.writeString(folder.resolve(FILE), JSON.writeValueAsString(settings));
    }
}
