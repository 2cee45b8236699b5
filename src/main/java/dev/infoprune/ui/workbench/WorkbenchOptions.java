package dev.infoprune.ui.workbench;

import dev.infoprune.ui.task.ErrorReporter;

import java.nio.file.Path;

/**
 * How to start the workbench: where settings (and the autosaved session) live, what to open first (a sample
 * name or a path; null opens the default sample, "" nothing), where errors go (null: dialogs), the file
 * choosers, and how often to autosave while there are unsaved changes.
 */
public record WorkbenchOptions(Path settingsFolder, String initialModel, ErrorReporter errors, FileDialogs dialogs,
                               double autosaveSeconds) {
    public static final double DEFAULT_AUTOSAVE_SECONDS = 60;

    public WorkbenchOptions {
        dialogs = dialogs == null ? FileDialogs.NATIVE : dialogs;
        if (!(autosaveSeconds > 0)) {
            throw new IllegalArgumentException("the autosave interval must be positive, got " + autosaveSeconds);
        }
    }

    public WorkbenchOptions(Path settingsFolder, String initialModel, ErrorReporter errors, FileDialogs dialogs) {
        this(settingsFolder, initialModel, errors, dialogs, DEFAULT_AUTOSAVE_SECONDS);
    }
}
