package dev.infoprune.workspace;

/** Where the main window was and how it was split, so the next start looks the same. */
public record WindowState(double x, double y, double width, double height, boolean maximized, double dividerPosition) {
    public static final WindowState DEFAULT = new WindowState(Double.NaN, Double.NaN, 1280, 800, false, 0.74);

    public boolean hasPosition() {
        return Double.isFinite(x) && Double.isFinite(y);
    }
}
