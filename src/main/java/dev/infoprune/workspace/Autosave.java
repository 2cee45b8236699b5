package dev.infoprune.workspace;

import dev.infoprune.core.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The autosaved session in the user's InfoPrune folder and the mark of the last clean exit. An autosave newer
 * than the last clean exit means the app ended without closing (a crash, a kill): {@link #recoverable()} then
 * offers it. Times are the ones written inside the files, so file-system time stamps do not matter.
 */
public final class Autosave {
    public static final String FILE = "autosave" + SessionFiles.EXTENSION;
    public static final String CLEAN_EXIT = "clean-exit";

    private final Path folder;

    public Autosave(Path folder) {
        this.folder = folder;
    }

    public Path file() {
        return folder.resolve(FILE);
    }

    /** Writes the session as the autosave (atomically). */
    public Session save(Session session) throws IOException {
        return SessionFiles.write(session, file());
    }

    /** The autosave to offer after a crash: one that is readable and newer than the last clean exit. */
    public Optional<Path> recoverable() {
        if (!Files.isRegularFile(file())) {
            return Optional.empty();
        }
        long saved = SessionFiles.savedAt(file());
        return saved > lastCleanExit() ? Optional.of(file()) : Optional.empty();
    }

    /** Records that the app ended normally (or that the user declined to recover): the autosave is not offered. */
    public void markCleanExit() throws IOException {
        AtomicFiles.writeString(folder.resolve(CLEAN_EXIT), Long.toString(System.currentTimeMillis()));
    }

    long lastCleanExit() {
        try {
            return Long.parseLong(Files.readString(folder.resolve(CLEAN_EXIT)).strip());
        } catch (IOException | NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }
}
