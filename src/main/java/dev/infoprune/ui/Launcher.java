package dev.infoprune.ui;

/**
 * Plain main class for class-path launches (a JavaFX Application subclass as main class needs the module path).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        WorkbenchApp.main(args);
    }
}
