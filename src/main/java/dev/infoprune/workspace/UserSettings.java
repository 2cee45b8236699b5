package dev.infoprune.workspace;

import java.util.ArrayList;
import java.util.List;

/** What the workbench remembers between runs: the window and the recently opened files. */
public record UserSettings(WindowState window, List<String> recentFiles) {
    public static final int MAX_RECENT = 8;
    public static final UserSettings DEFAULT = new UserSettings(WindowState.DEFAULT, List.of());

    public UserSettings {
        window = window == null ? WindowState.DEFAULT : window;
        recentFiles = recentFiles == null ? List.of() : List.copyOf(recentFiles);
    }

    public UserSettings withWindow(WindowState newWindow) {
        return new UserSettings(newWindow, recentFiles);
    }

    /** {@code path} first, without duplicates, at most {@link #MAX_RECENT}. */
    public UserSettings withRecent(String path) {
        List<String> list = new ArrayList<>();
        list.add(path);
        recentFiles.stream().filter(p -> !p.equals(path)).limit(MAX_RECENT - 1).forEach(list::add);
        return new UserSettings(window, list);
    }
}
