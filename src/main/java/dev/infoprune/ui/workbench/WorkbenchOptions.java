package dev.infoprune.ui.workbench;

import dev.infoprune.ui.task.ErrorReporter;

import java.nio.file.Path;

/**
 * How to start the workbench: where settings live, what to open first (a sample name or a path; null opens
 * the default sample, "" nothing), where errors go (null: dialogs) and the file choosers.
 */
public record WorkbenchOptions(Path settingsFolder, String initialModel, ErrorReporter errors, FileDialogs dialogs) {
    public WorkbenchOptions {
        dialogs = dialogs == null ? FileDialogs.NATIVE : dialogs;
    }
}
