package dev.infoprune.ui.task;

/** Where failures go: a dialog in the app, a list in tests. Called on the FX thread. */
@FunctionalInterface
public interface ErrorReporter {
    void report(String title, String message, Throwable cause);
}
