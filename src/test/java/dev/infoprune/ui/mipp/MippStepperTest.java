package dev.infoprune.ui.mipp;

import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;
import dev.infoprune.prune.mipp.MippRun;
import dev.infoprune.prune.mipp.MippSettings;
import dev.infoprune.prune.mipp.Step;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.network.NetworkView;
import dev.infoprune.ui.network.NodeId;
import dev.infoprune.ui.workbench.Workbench;
import dev.infoprune.ui.workbench.WorkbenchOptions;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The MIPP stepper driven as a user would, on the bundled mlp-digits sample scored on the digits probe split. */
@ExtendWith(ApplicationExtension.class)
class MippStepperTest {
    @TempDir
    Path tmp;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = Workbench.open(stage, new WorkbenchOptions(tmp.resolve("home"), "mlp-digits",
                (title, message, cause) -> errors.add(title + ": " + message), null));
    }

    private MippModel mipp() {
        return workbench.model().mipp();
    }

    private NetworkView networkView() {
        return workbench.view().networkView();
    }

    private void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until the scores are in and no task runs, also after the events queued meanwhile (one task may start the next). */
    private void awaitScoresAndQuiet(FxRobot robot) throws Exception {
        javafx.scene.control.Button start = robot.lookup("#mippStart").queryButton();
        for (int i = 0; i < 50; i++) {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> workbench.model().probeProperty().get() != null
                    && !workbench.runner().isBusy());
            WaitForAsyncUtils.waitForFxEvents();
            if (!workbench.runner().isBusy() && !start.isDisabled()) {
                return;
            }
        }
        throw new AssertionError("the workbench never became idle");
    }

    private void startMipp(FxRobot robot) throws Exception {
        awaitScoresAndQuiet(robot);
        // the tests here step the gaussian path (the reference runs use it) unless they chose another estimator
        if ("reconstruction".equals(robot.lookup("#mippEstimator").<javafx.scene.control.ComboBox<String>>query().getValue())) {
            Clicks.chooseMippEstimator(robot, "gaussian");
        }
        BooleanSupplier started = Clicks.startedTask(workbench.runner());
        Clicks.on(robot, "#mippStart", () -> started.getAsBoolean() || mipp().track() != null || !errors.isEmpty());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> mipp().track() != null && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
    }

    /** Presses {@code button} until the stepper has reached step {@code k} or has started computing towards it. */
    private void press(FxRobot robot, String button, int k) throws Exception {
        BooleanSupplier started = Clicks.startedTask(workbench.runner());
        Clicks.on(robot, button, () -> mipp().position() == k || started.getAsBoolean());
        awaitPosition(k);
    }

    /** Types {@code key} until the stepper has reached step {@code k} or has started computing towards it. */
    private void key(FxRobot robot, KeyCode key, int k) throws Exception {
        BooleanSupplier started = Clicks.startedTask(workbench.runner());
        Clicks.key(robot, () -> mipp().position() == k || started.getAsBoolean(), key + " to step " + k, key);
        awaitPosition(k);
    }

    private void select(FxRobot robot, NodeId node) {
        Clicks.select(robot, networkView(), workbench.model().networkView(), node);
    }

    private void awaitPosition(int k) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> mipp().position() == k && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the user sees of one state: the removed units, the unit under test and the network's pixels. */
    private record Drawing(Map<String, BitSet> removed, NodeId underTest, int[] pixels, String text) {
        boolean sameAs(Drawing o) {
            return removed.equals(o.removed) && java.util.Objects.equals(underTest, o.underTest)
                    && java.util.Arrays.equals(pixels, o.pixels) && text.equals(o.text);
        }
    }

    private Drawing drawing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> networkView().snapshot(null, null)).get(30, TimeUnit.SECONDS);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] px = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, w);
        var view = workbench.model().networkView();
        return new Drawing(view.removedProperty().get(), view.underTestProperty().get(), px,
                robot.lookup("#mippStepText").queryAs(Label.class).getText());
    }

    private static MippRun independentRun(Network network, Activations probe) {
        return MippRun.start(network, probe, MippSettings.gaussian());
    }

    private static void assertSameTrace(List<Step> shown, List<Step> expected) {
        assertThat(shown).hasSameSizeAs(expected);
        for (int i = 0; i < shown.size(); i++) {
            assertThat(shown.get(i).sameOutcome(expected.get(i))).as("step %d: %s vs %s", i, shown.get(i), expected.get(i)).isTrue();
        }
    }

    @Test
    void steppingBackAndForwardAgainGivesTheIdenticalTraceAndDrawing(FxRobot robot) throws Exception {
        startMipp(robot);
        assertThat(robot.lookup("#mippStepText").queryAs(Label.class).getText()).startsWith("Start — 192 units to test, layer fc2 first");
        int n = 8;
        List<Drawing> forward = new ArrayList<>();
        forward.add(drawing(robot));
        for (int i = 1; i <= n; i++) {
            press(robot, "#mippStep", i);
            forward.add(drawing(robot));
        }
        List<Step> firstPass = mipp().track().computed();
        Step last = firstPass.get(n - 1);
        assertThat(forward.get(n).underTest()).isEqualTo(new NodeId(last.layer(), last.unit()));
        assertThat(forward.get(n).text()).contains(last.describe(0.95)).contains("Step " + n + " of 192");
        assertThat(forward.get(n).removed().getOrDefault("fc2", new BitSet()).cardinality())
                .isEqualTo((int) firstPass.stream().filter(s -> s.decision() == dev.infoprune.prune.mipp.Decision.PRUNE).count());

        // the trace is the one the core computes on the same probe activations
        MippRun reference = independentRun(workbench.model().network(), workbench.model().probeProperty().get());
        for (int i = 0; i < n; i++) {
            reference.next();
        }
        assertSameTrace(firstPass, reference.steps());

        // back k steps: each earlier state is drawn exactly as it was
        int k = 5;
        for (int i = 1; i <= k; i++) {
            press(robot, "#mippBack", n - i);
            assertThat(drawing(robot).sameAs(forward.get(n - i))).as("state after step %d, reached going back", n - i).isTrue();
        }
        // and forward again: identical
        for (int i = n - k + 1; i <= n; i++) {
            press(robot, "#mippStep", i);
            assertThat(drawing(robot).sameAs(forward.get(i))).as("state after step %d, reached again", i).isTrue();
        }

        // a fresh run with the same settings recomputes every step: the same trace and drawing again
        var firstTrack = mipp().track();
        BooleanSupplier restarted = Clicks.startedTask(workbench.runner());
        Clicks.on(robot, "#mippStart", () -> restarted.getAsBoolean() || mipp().track() != firstTrack);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> mipp().track() != firstTrack && mipp().track().computedSteps() == 0
                && !workbench.runner().isBusy());
        assertThat(drawing(robot).sameAs(forward.get(0))).isTrue();
        for (int i = 1; i <= n; i++) {
            press(robot, "#mippStep", i);
        }
        assertSameTrace(mipp().track().computed(), firstPass);
        assertThat(drawing(robot).sameAs(forward.get(n))).isTrue();

        // the inspector explains the decision about the node under test with its numbers
        select(robot, new NodeId(last.layer(), last.unit()));
        assertThat(robot.lookup("#mippDecisionSummary").queryAs(Label.class).getText())
                .startsWith("Tested at step " + n + " of 192");
        assertThat(robot.lookup("#mipp-4").queryAs(Label.class).getText())
                .isEqualTo(String.format(Locale.ROOT, "%.4g ± %.2g", last.delta(), last.deltaStd()));
        assertThat(robot.lookup("#mipp-5").queryAs(Label.class).getText()).isEqualTo(String.format(Locale.ROOT, "%.4g", last.deltaLower()));
        MippCharts charts = (MippCharts) workbench.view().mippView().lookup("#mippCharts");
        assertThat(charts.shownSteps()).isEqualTo(n);
        assertThat(charts.keptSeries("fc2").getY(charts.keptSeries("fc2").getItemCount() - 1).intValue())
                .isEqualTo(mipp().track().keptAt("fc2", n));
        robot.moveTo("#mippStepText");
        assertThat(errors).isEmpty();
        Screenshots.save(workbench.stage().getScene(), "mipp-stepper");
    }

    @Test
    void runningToTheEndKeepsWhatTheCorePlanKeeps(FxRobot robot) throws Exception {
        startMipp(robot);
        press(robot, "#mippStep", 1);
        press(robot, "#mippFinishLayer", 64);
        assertThat(mipp().track().layerOfStep(64)).isEqualTo("fc1");
        press(robot, "#mippRunToEnd", 192);
        assertThat(mipp().isFinished()).isTrue();

        MippRun reference = independentRun(workbench.model().network(), workbench.model().probeProperty().get());
        reference.runToEnd(dev.infoprune.core.Progress.NONE);
        assertSameTrace(mipp().track().computed(), reference.steps());
        Map<String, int[]> plan = reference.plan().kept();
        var removed = workbench.model().networkView().removedProperty().get();
        for (var e : plan.entrySet()) {
            int width = workbench.model().network().layer(workbench.model().network().indexOf(e.getKey())).units();
            BitSet gone = removed.getOrDefault(e.getKey(), new BitSet());
            assertThat(width - gone.cardinality()).as("kept in %s", e.getKey()).isEqualTo(e.getValue().length);
            for (int u : e.getValue()) {
                assertThat(gone.get(u)).as("%s:%d is kept", e.getKey(), u).isFalse();
            }
            assertThat(mipp().track().keptAt(e.getKey(), 192)).isEqualTo(e.getValue().length);
        }
        assertThat(robot.lookup("#mippPosition").queryAs(Label.class).getText()).isEqualTo("step 192 of 192 · 192 computed");
        assertThat(robot.lookup("#mippStep").queryButton().isDisabled()).isTrue();
        assertThat(errors).isEmpty();
        Screenshots.save(workbench.stage().getScene(), "mipp-finished");

        // the timeline slider goes back to any computed step
        robot.interact(() -> ((javafx.scene.control.Slider) robot.lookup("#mippTimeline").query()).setValue(64));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mipp().position()).isEqualTo(64);
        assertThat(workbench.model().networkView().removedProperty().get().get("fc1")).isNull();
        robot.interact(() -> workbench.controller().mipp().goTo(100));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(((javafx.scene.control.Slider) robot.lookup("#mippTimeline").query()).getValue()).isEqualTo(100);
        assertThat(workbench.model().networkView().removedProperty().get()).isEqualTo(mipp().track().removedAt(100));
        Step shown = mipp().track().stepAt(100);
        select(robot, new NodeId(shown.layer(), shown.unit()));
        robot.moveTo("#mippStepText");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#mippDecisionSummary").queryAs(Label.class).getText()).startsWith("Tested at step 100 of 192");
        Screenshots.save(workbench.stage().getScene(), "mipp-stepper-midway");
    }

    @Test
    void cancellingARunToTheEndKeepsTheEarlierStepsAndTheWindowAnswers(FxRobot robot) throws Exception {
        awaitScoresAndQuiet(robot);
        // a slow estimator on many samples and repeats makes the run long enough (a minute or more) to cancel
        Clicks.choose(robot, "#mippEstimator", "ksg");
        Clicks.write(robot, "#mippSamples", "300");
        Clicks.write(robot, "#mippRepeats", "60");
        startMipp(robot);
        assertThat(robot.lookup("#mippSettingsInUse").queryAs(Label.class).getText()).contains("ksg").contains("300 probe samples");
        press(robot, "#mippStep", 1);
        List<Step> before = mipp().track().computed();
        BooleanSupplier running = Clicks.startedTask(workbench.runner());
        Clicks.on(robot, "#mippRunToEnd", running);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> mipp().position() >= 3);
        assertThat(workbench.runner().isBusy()).isTrue();
        // the window answers while MIPP runs
        select(robot, new NodeId("fc1", 5));
        Clicks.on(robot, "#cancelTask", () -> !workbench.runner().isBusy());
        awaitIdle();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).contains("cancelled");
        int reached = mipp().position();
        assertThat(reached).isGreaterThanOrEqualTo(3).isLessThan(192);
        assertThat(mipp().track().computed().get(0).sameOutcome(before.get(0))).isTrue();
        assertThat(mipp().track().computedSteps()).isEqualTo(reached);
        // the steps are intact: back, and forward again over them
        press(robot, "#mippBack", reached - 1);
        press(robot, "#mippStep", reached);
        assertThat(errors).isEmpty();
    }

    @Test
    void keyboardShortcutsDriveTheStepper(FxRobot robot) throws Exception {
        startMipp(robot);
        robot.clickOn("#modelName"); // focus away from any field
        key(robot, KeyCode.RIGHT, 1);
        key(robot, KeyCode.RIGHT, 2);
        key(robot, KeyCode.RIGHT, 3);
        key(robot, KeyCode.LEFT, 2);
        key(robot, KeyCode.HOME, 0);
        key(robot, KeyCode.PAGE_DOWN, 64);
        key(robot, KeyCode.HOME, 0);
        Clicks.key(robot, () -> mipp().playingProperty().get(), "Space to play", KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> mipp().position() >= 3);
        assertThat(mipp().playingProperty().get()).isTrue();
        Clicks.key(robot, () -> !mipp().playingProperty().get(), "Space to pause", KeyCode.SPACE);
        key(robot, KeyCode.END, 192);

        // keys typed into a settings field stay in the field: Home and Left move its caret, not the stepper
        TextField confidence = robot.lookup("#mippConfidence").queryAs(TextField.class);
        Clicks.focus(robot, "#mippConfidence");
        Clicks.key(robot, () -> confidence.getCaretPosition() == 1, "Home, Right in the confidence field", KeyCode.HOME, KeyCode.RIGHT);
        Clicks.key(robot, () -> confidence.getCaretPosition() == 0, "Left in the confidence field", KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(mipp().position()).isEqualTo(192);
        assertThat(robot.lookup("#mippConfidence").queryAs(TextField.class).getText()).isEqualTo("0.95");
        assertThat(robot.lookup("#mippHelp").queryAs(Label.class).getTooltip().getText())
                .contains("→  step").contains("Space  play / pause");
        assertThat(errors).isEmpty();
    }
}
