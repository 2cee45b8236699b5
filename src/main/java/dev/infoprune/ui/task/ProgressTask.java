package dev.infoprune.ui.task;

import dev.infoprune.core.Progress;
import javafx.concurrent.Task;

/** The one adapter from the core's {@link Progress} to a JavaFX {@link Task}: progress, message and cancel. */
public final class ProgressTask<T> extends Task<T> {
    private final Work<T> work;

    public ProgressTask(String title, Work<T> work) {
        this.work = work;
        updateTitle(title);
        updateMessage(title + "…");
    }

    @Override
    protected T call() throws Exception {
        return work.run(new Progress() {
            @Override
            public void update(String message, long done, long total) {
                updateMessage(message);
                if (total > 0) {
                    updateProgress(done, total);
                }
            }

            @Override
            public boolean isCancelled() {
                return ProgressTask.this.isCancelled();
            }
        });
    }
}
