package dev.infoprune.ui.mipp;

import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.workbench.Workbench;
import dev.infoprune.ui.workbench.WorkbenchOptions;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MIPP in the stepper on fewer probe samples than its estimator needs: the real error dialog shows one line saying
 * how many it needs (no stack trace), and the run shown before stays as it was.
 */
@ExtendWith(ApplicationExtension.class)
class MippTooFewSamplesTest {
    @TempDir
    Path tmp;
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        // errors go to the workbench's own dialogs
        workbench = Workbench.open(stage, new WorkbenchOptions(tmp.resolve("home"), "mlp-digits", null, null));
    }

    private MippModel mipp() {
        return workbench.model().mipp();
    }

    /** Waits until no task runs and {@code query} takes clicks again (a running task disables the stepper's buttons). */
    private void awaitQuiet(FxRobot robot, String query) throws Exception {
        Node button = robot.lookup(query).query();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !workbench.runner().isBusy() && !button.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses Step until the stepper has reached step {@code k} or has started computing towards it, then awaits it. */
    private void step(FxRobot robot, int k) throws Exception {
        awaitQuiet(robot, "#mippStep");
        BooleanSupplier started = Clicks.startedTask(workbench.runner());
        Clicks.on(robot, "#mippStep", () -> mipp().position() == k || started.getAsBoolean());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> mipp().position() == k && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Optional<DialogPane> errorDialog() {
        return Window.getWindows().stream().filter(Window::isShowing).map(w -> w.getScene().getRoot())
                .filter(DialogPane.class::isInstance).map(DialogPane.class::cast).findFirst();
    }

    @Test
    void tooFewProbeSamplesIsOneClearMessageAndTheRunShownStays(FxRobot robot) throws Exception {
        javafx.scene.control.Button start = robot.lookup("#mippStart").queryButton();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> workbench.model().probeProperty().get() != null
                && !workbench.runner().isBusy() && !start.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        Clicks.chooseMippEstimator(robot, "gaussian");
        BooleanSupplier starting = Clicks.startedTask(workbench.runner());
        Clicks.on(robot, "#mippStart", () -> starting.getAsBoolean() || mipp().track() != null || errorDialog().isPresent());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> errorDialog().isPresent()
                || mipp().track() != null && !workbench.runner().isBusy());
        assertThat(errorDialog()).as("error dialog").isEmpty();
        step(robot, 1);
        step(robot, 2);
        MippTrack before = mipp().track();
        String settingsInUse = robot.lookup("#mippSettingsInUse").queryLabeled().getText();

        // mlp-digits: fc2 (64 units) is tested first against the 10 outputs: 74 variables need 94 probe samples
        TextField samples = robot.lookup("#mippSamples").queryAs(TextField.class);
        robot.interact(() -> samples.setText("40"));
        awaitQuiet(robot, "#mippStart");
        BooleanSupplier restarting = Clicks.startedTask(workbench.runner());
        Clicks.on(robot, "#mippStart", () -> restarting.getAsBoolean() || errorDialog().isPresent());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> errorDialog().isPresent());
        DialogPane dialog = errorDialog().orElseThrow();
        assertThat(dialog.getHeaderText()).isEqualTo("Starting MIPP failed");
        assertThat(dialog.getContentText()).isEqualTo("probe samples: MIPP needs at least 94 probe samples, got 40: the "
                + "bias-corrected gaussian estimate of layer fc2 (64 units against the 10 outputs) needs more samples in "
                + "each subsample (80% of the probe samples) than variables (74). Use more probe samples or a larger "
                + "subsample share.");
        assertThat(dialog.getExpandableContent()).as("no stack trace").isNull();
        Screenshots.save(dialog.getScene(), "mipp-too-few-probe-samples");

        // the run shown before, its position and what was typed stay
        assertThat(mipp().track()).isSameAs(before);
        assertThat(mipp().position()).isEqualTo(2);
        assertThat(robot.lookup("#mippSettingsInUse").queryLabeled().getText()).isEqualTo(settingsInUse);
        assertThat(samples.getText()).isEqualTo("40");
        robot.interact(() -> dialog.getScene().getWindow().hide());
        // and it steps on
        step(robot, 3);
    }
}
