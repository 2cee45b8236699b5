package dev.infoprune.cli;

import dev.infoprune.core.Progress;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A progress bar on stderr, redrawn at most ten times a second. It remembers when it left a line unfinished, so
 * that a message printed after it (an error half-way) starts on a line of its own ({@link #endLine}).
 */
final class TerminalProgress implements Progress {
    private static final int WIDTH = 30;
    private static final Map<PrintWriter, Boolean> OPEN_LINES = Collections.synchronizedMap(new WeakHashMap<>());
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
            OPEN_LINES.remove(err);
        } else {
            OPEN_LINES.put(err, Boolean.TRUE);
        }
        err.flush();
    }

    /** Ends the line a progress bar left unfinished on {@code err}, if it did. */
    static void endLine(PrintWriter err) {
        if (OPEN_LINES.remove(err) != null) {
            err.println();
        }
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    void done() {
        err.println();
        OPEN_LINES.remove(err);
        err.flush();
    }
}
