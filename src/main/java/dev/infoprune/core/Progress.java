package dev.infoprune.core;

/**
 * How long work reports progress and learns that it was cancelled. The UI adapts it to a JavaFX Task,
 * the CLI to a progress bar on stderr; the core never knows which.
 */
public interface Progress {
    /** Work is at {@code done} of {@code total} units; {@code message} says what it is doing. */
    void update(String message, long done, long total);

    boolean isCancelled();

    /** Throws {@link CancelledException} when cancelled; long loops call this between units of work. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** A part of this progress covering the fraction [from, to] of its range, e.g. one stage of several. */
    default Progress slice(double from, double to) {
        Progress parent = this;
        return new Progress() {
            @Override
            public void update(String message, long done, long total) {
                double inner = total <= 0 ? 0 : (double) done / total;
                parent.update(message, Math.round((from + (to - from) * inner) * 1_000_000), 1_000_000);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }

    Progress NONE = new Progress() {
        @Override
        public void update(String message, long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
