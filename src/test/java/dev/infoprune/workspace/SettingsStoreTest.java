package dev.infoprune.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsStoreTest {
    @TempDir
    Path tmp;

    @Test
    void settingsComeBackAsSavedIncludingAnUnknownPosition() throws Exception {
        SettingsStore store = new SettingsStore(tmp.resolve("home"));
        assertThat(store.load()).isEqualTo(UserSettings.DEFAULT);
        UserSettings s = UserSettings.DEFAULT.withWindow(new WindowState(10, 20, 900, 700, true, 0.6))
                .withRecent("/a").withRecent("/b").withRecent("/a");
        store.save(s);
        assertThat(store.load()).isEqualTo(s);
        assertThat(store.load().recentFiles()).containsExactly("/a", "/b");
        store.save(UserSettings.DEFAULT);
        assertThat(store.load().window().hasPosition()).isFalse();
    }

    @Test
    void aDamagedFileGivesTheDefaultsInsteadOfStoppingTheApp() throws Exception {
        Files.createDirectories(tmp);
        Files.writeString(tmp.resolve(SettingsStore.FILE), "{\"window\": [");
        assertThat(new SettingsStore(tmp).load()).isEqualTo(UserSettings.DEFAULT);
    }

    @Test
    void recentFilesAreCapped() {
        UserSettings s = UserSettings.DEFAULT;
        for (int i = 0; i < 20; i++) {
            s = s.withRecent("/f" + i);
        }
        assertThat(s.recentFiles()).hasSize(UserSettings.MAX_RECENT).startsWith("/f19");
    }
}
