package dev.infoprune.ui.task;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.CancelledException;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Worker;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs long work off the JavaFX thread, one task at a time, and tells the status bar about it. Results are
 * handed back on the FX thread; a failure goes to the {@link ErrorReporter} and leaves the caller's state
 * alone; a cancelled task just says so.
 */
public final class TaskRunner {
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "infoprune-work");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<ProgressTask<?>> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper lastOutcome = new ReadOnlyStringWrapper(this, "lastOutcome", "Ready");
    private final ErrorReporter errors;

    public TaskRunner(ErrorReporter errors) {
        this.errors = errors;
    }

    /** Starts {@code work}; must be called on the FX thread. Returns the task (e.g. to cancel it). */
    public <T> ProgressTask<T> run(String title, Work<T> work, Consumer<T> onSuccess) {
        return run(title, work, onSuccess, () -> {
        });
    }

    /** As {@link #run(String, Work, Consumer)}, with {@code onEnd} called after success, failure or cancel. */
    public <T> ProgressTask<T> run(String title, Work<T> work, Consumer<T> onSuccess, Runnable onEnd) {
        if (busy.get()) {
            throw new IllegalStateException("another task is running: " + current.get().getTitle());
        }
        ProgressTask<T> task = new ProgressTask<>(title, work);
        current.set(task);
        busy.set(true);
        task.stateProperty().addListener((o, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                finish(title + " — done");
                onSuccess.accept(task.getValue());
                onEnd.run();
            } else if (state == Worker.State.CANCELLED) {
                finish(title + " — cancelled; earlier results kept");
                onEnd.run();
            } else if (state == Worker.State.FAILED) {
                Throwable t = task.getException();
                if (rootCancel(t)) {
                    finish(title + " — cancelled; earlier results kept");
                } else {
                    finish(title + " — failed");
                    errors.report(title + " failed", messageOf(t), t);
                }
                onEnd.run();
            }
        });
        executor.execute(task);
        return task;
    }

    private void finish(String outcome) {
        lastOutcome.set(outcome);
        busy.set(false);
    }

    private static boolean rootCancel(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CancelledException) {
                return true;
            }
        }
        return false;
    }

    /** The message to show: a bad-input message as is, anything else with its type. */
    public static String messageOf(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BadInputException) {
                return c.getMessage();
            }
        }
        return t == null ? "unknown error" : t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Shows a message in the status bar while nothing runs. */
    public void announce(String message) {
        lastOutcome.set(message);
    }

    public void cancel() {
        ProgressTask<?> task = current.get();
        if (task != null && busy.get()) {
            task.cancel();
        }
    }

    public ReadOnlyObjectProperty<ProgressTask<?>> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyStringProperty lastOutcomeProperty() {
        return lastOutcome.getReadOnlyProperty();
    }

    public void shutdown() {
        cancel();
        executor.shutdownNow();
    }

    static void requireFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("not on the JavaFX thread");
        }
    }
}
