package dev.infoprune.ui;

import dev.infoprune.ui.workbench.Workbench;
import dev.infoprune.ui.workbench.WorkbenchOptions;
import dev.infoprune.workspace.SettingsStore;
import javafx.application.Application;
import javafx.stage.Stage;

import java.util.List;

/**
 * The workbench application ({@code mvn javafx:run}). An optional argument names what to open first: a model
 * folder or a bundled sample; without one the {@code mlp-digits} sample opens.
 */
public final class WorkbenchApp extends Application {
    private static final System.Logger LOG = System.getLogger(WorkbenchApp.class.getName());

    private Workbench workbench;
    private long startMillis;

    @Override
    public void start(Stage stage) {
        startMillis = System.currentTimeMillis();
        List<String> args = getParameters().getUnnamed();
        workbench = Workbench.open(stage, new WorkbenchOptions(SettingsStore.defaultFolder(),
                args.isEmpty() ? null : args.get(0), null, null));
        reportStartup();
    }

    /**
     * With system property {@code infoprune.startupTimes} (or {@code infoprune.exitWhenReady}), logs (on stderr)
     * how long after the JVM started the toolkit called {@code start}, the window showed its first frame (laid
     * out, with menus, toolbars and status bar), the model was drawn and its scores were shown; with
     * {@code infoprune.exitWhenReady} the app then quits (for measuring start-up).
     */
    private void reportStartup() {
        boolean exit = Boolean.getBoolean("infoprune.exitWhenReady");
        if (!exit && !Boolean.getBoolean("infoprune.startupTimes")) {
            return;
        }
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        logTime("toolkit started", startMillis - jvmStart);
        javafx.scene.Scene scene = workbench.stage().getScene();
        Runnable[] firstFrame = new Runnable[1];
        firstFrame[0] = () -> {
            scene.removePostLayoutPulseListener(firstFrame[0]);
            logTime("window shown (first frame)", System.currentTimeMillis() - jvmStart);
        };
        scene.addPostLayoutPulseListener(firstFrame[0]);
        workbench.model().networkProperty().addListener((o, a, n) -> {
            if (a == null && n != null) {
                javafx.application.Platform.runLater(() -> logTime("model drawn", System.currentTimeMillis() - jvmStart));
            }
        });
        workbench.model().probeProperty().addListener((o, a, n) -> {
            if (a == null && n != null) {
                javafx.application.Platform.runLater(() -> {
                    logTime("scores shown", System.currentTimeMillis() - jvmStart);
                    if (exit) {
                        javafx.application.Platform.exit();
                    }
                });
            }
        });
    }

    private static void logTime(String what, long millisAfterJvmStart) {
        LOG.log(System.Logger.Level.INFO, "infoprune: " + what + " " + millisAfterJvmStart + " ms after JVM start");
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }

    public static void main(String[] args) {
        launch(WorkbenchApp.class, args);
    }
}
