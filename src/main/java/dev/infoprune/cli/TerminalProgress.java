package dev.infoprune.cli;

import dev.infoprune.core.Progress;

import java.io.PrintWriter;

/** A progress bar on stderr, redrawn at most ten times a second. */
final class TerminalProgress implements Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private long lastDraw;
    private String lastMessage = "";

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void update(String message, long done, long total) {
        long now = System.nanoTime();
        boolean finished = total > 0 && done >= total;
        if (!finished && message.equals(lastMessage) && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        lastMessage = message;
        double f = total <= 0 ? 0 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        err.printf("\r[%s%s] %3d%% %-50.50s", "#".repeat(filled), ".".repeat(WIDTH - filled), Math.round(f * 100), message);
        if (finished) {
            err.println();
        }
        err.flush();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    void done() {
        err.println();
        err.flush();
    }
}
