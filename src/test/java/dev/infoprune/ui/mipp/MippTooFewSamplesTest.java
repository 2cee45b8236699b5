package dev.infoprune.ui.mipp;

import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.workbench.Workbench;
import dev.infoprune.ui.workbench.WorkbenchOptions;
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
import java.util.concurrent.TimeoutException;
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

    /** Waits (up to a minute) until the node is there and enabled: a task that just started disables buttons. */
    static void awaitEnabled(FxRobot robot, String query) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(query).tryQuery().map(n -> !n.isDisabled()).orElse(false));
        } catch (TimeoutException e) {
            // click anyway: the assertion after the clicks names what was wrong
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks until {@code took} holds (Monocle on a loaded machine can drop a click), at most 4 times. */
    private static void clickUntil(FxRobot robot, String query, BooleanSupplier took) {
        for (int attempt = 0; attempt < 4 && !took.getAsBoolean(); attempt++) {
            awaitEnabled(robot, query);
            robot.clickOn(query);
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, took::getAsBoolean);
            } catch (TimeoutException e) {
                // dropped: click again
            }
        }
        assertThat(took.getAsBoolean()).as("clicking %s took; windows showing: %s; node at %s", query,
                Window.getWindows().stream().filter(Window::isShowing).map(w -> w.getClass().getSimpleName() + "@" + w.getX()
                        + "," + w.getY() + " " + w.getWidth() + "x" + w.getHeight() + " " + w.getScene().getRoot()).toList(),
                robot.lookup(query).tryQuery().map(n -> n.localToScreen(n.getBoundsInLocal()) + " disabled=" + n.isDisabled())
                        .orElse("none")).isTrue();
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
        clickUntil(robot, "#mippStart", () -> mipp().track() != null);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !workbench.runner().isBusy());
        for (int k = 1; k <= 2; k++) {
            int target = k;
            clickUntil(robot, "#mippStep", () -> mipp().position() == target);
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !workbench.runner().isBusy());
        }
        MippTrack before = mipp().track();
        String settingsInUse = robot.lookup("#mippSettingsInUse").queryLabeled().getText();

        // mlp-digits: fc2 (64 units) is tested first against the 10 outputs: 74 variables need 94 probe samples
        TextField samples = robot.lookup("#mippSamples").queryAs(TextField.class);
        robot.interact(() -> samples.setText("40"));
        clickUntil(robot, "#mippStart", () -> errorDialog().isPresent());
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
        clickUntil(robot, "#mippStep", () -> mipp().position() == 3);
    }
}
