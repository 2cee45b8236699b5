package dev.infoprune.ui.workbench;

import dev.infoprune.model.Network;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.Surgery;
import dev.infoprune.prune.mipp.MippRun;
import dev.infoprune.prune.mipp.MippSettings;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.TrainedWorkbenchTest;
import dev.infoprune.ui.flows.PrunedNetwork;
import dev.infoprune.ui.network.NodeScore;
import dev.infoprune.workspace.ModelSource;
import dev.infoprune.workspace.Session;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The MIPP stepper run to its end publishes its pruned network; "Work on pruned" makes it the open model (drawn,
 * scored, embedded in the session) and "Back to the original network" returns to the model opened.
 */
class WorkOnPrunedTest extends TrainedWorkbenchTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    /** No periodic autosave while the open model is switched back and forth. */
    @Override
    protected double autosaveSeconds() {
        return 3600;
    }

    private void awaitScored() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !errors.isEmpty() || workbench.model().probeProperty().get() != null
                && !workbench.model().informationScoresProperty().get().isEmpty() && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
    }

    private String text(String id) {
        return ((Label) workbench.stage().getScene().lookup(id)).getText();
    }

    private double[] labelMi(String layer) {
        NodeScore s = workbench.model().score("label-mi");
        assertThat(s).as("label-mi score").isNotNull();
        return s.byLayer().get(layer);
    }

    @Test
    void theFinishedMippRunBecomesTheOpenModelAndBack(FxRobot robot) throws Exception {
        awaitScored();
        var model = workbench.model();
        var context = workbench.tools().workingNetwork();
        Network original = model.network();
        double[] originalFc1 = labelMi("fc1");
        // a comparison of the original network is on show
        var comparison = dev.infoprune.study.ReportWriter.json(new dev.infoprune.study.Experiment(
                dev.infoprune.study.ExperimentSpec.at(original, dev.infoprune.data.DatasetLocator.resolve("digits", 1),
                        List.of("local-magnitude"), 0.5, 1), new dev.infoprune.study.StudyMethods(),
                dev.infoprune.study.FineTuner.NONE).run(dev.infoprune.core.Progress.NONE));
        var keptComparison = dev.infoprune.workspace.SessionComparison.read(comparison, "test");
        robot.interact(() -> model.comparisons().setAll(keptComparison));
        var compared = workbench.tools().compare().model().resultProperty().get();
        assertThat(compared).isEqualTo(dev.infoprune.study.ExperimentResultJson.read(comparison, "test"));
        javafx.scene.control.Button start = robot.lookup("#mippStart").queryButton();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !start.isDisabled());
        assertThat(robot.lookup("#workOnPruned").queryButton().isDisabled()).isTrue();

        // a strict test (99.99%, 3 repeats) prunes units of this well-trained MLP, which keeps all of them at 95%
        for (String[] field : new String[][] {{"#mippConfidence", "0.9999"}, {"#mippRepeats", "3"}}) {
            javafx.scene.control.TextField f = robot.lookup(field[0]).queryAs(javafx.scene.control.TextField.class);
            robot.interact(() -> f.setText(field[1]));
        }
        Clicks.chooseMippEstimator(robot, "gaussian");
        BooleanSupplier starting = Clicks.startedTask(runner());
        Clicks.on(robot, "#mippStart", () -> starting.getAsBoolean() || model.mipp().track() != null || !errors.isEmpty());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || model.mipp().track() != null && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        BooleanSupplier running = Clicks.startedTask(runner());
        Clicks.on(robot, "#mippRunToEnd", () -> running.getAsBoolean() || model.mipp().finishedProperty().get() != null
                || !errors.isEmpty());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || model.mipp().finishedProperty().get() != null && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();

        // the stepper's finished run is the network worked on: the plan MIPP makes on these probe samples, cut down
        MippRun reference = MippRun.start(original, model.probeProperty().get(), MippSettings.gaussian().withConfidence(0.9999)
                .withRepeats(3));
        reference.runToEnd(dev.infoprune.core.Progress.NONE);
        PruningPlan plan = reference.plan();
        PrunedNetwork candidate = context.candidateProperty().get();
        assertThat(candidate).isNotNull();
        assertThat(candidate.plan()).isEqualTo(plan);
        assertThat(candidate.trace().steps()).hasSize(reference.totalSteps());
        assertThat(candidate.network().sameWeightsAs(Surgery.apply(original, plan))).isTrue();
        assertThat(candidate.unpruned()).isSameAs(original);
        int[] kept = {plan.keptCount("fc1"), plan.keptCount("fc2")};
        // a fully kept network would make the check below say nothing: this model loses units
        assertThat(kept[0] + kept[1]).isLessThan(36);
        // stepping back leaves the finished run's network in place
        robot.interact(() -> workbench.controller().mipp().back());
        assertThat(context.candidateProperty().get()).isSameAs(candidate);

        javafx.scene.control.Button workOn = robot.lookup("#workOnPruned").queryButton();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !workOn.isDisabled());
        BooleanSupplier preparing = Clicks.startedTask(runner());
        Clicks.on(robot, "#workOnPruned", () -> preparing.getAsBoolean() || model.network() != original || !errors.isEmpty());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !errors.isEmpty() || model.network() != original);
        awaitScored();
        Network pruned = model.network();
        assertThat(pruned.name()).isEqualTo(original.name() + "-mipp");
        assertThat(pruned.sameWeightsAs(candidate.network())).isTrue();
        assertThat(pruned.prunableLayerNames().stream().mapToInt(l -> pruned.layer(pruned.indexOf(l)).units()).toArray())
                .containsExactly(kept);
        assertThat(text("#modelName")).contains(original.name() + "-mipp");
        assertThat(text("#modelAccuracy")).isEqualTo("test accuracy: not recorded");
        assertThat(text("#modelSource")).contains("mipp in the stepper", "from " + original.name(), "in this session only");
        assertThat(model.networkView().pictureProperty().get().network()).isSameAs(pruned);
        // its scores are its own, computed on the same probe samples: a kept first-layer unit computes what it
        // computed in the original network (up to float rounding of a narrower layer), so it says as much about the labels
        double[] fc1 = labelMi("fc1");
        assertThat(fc1).hasSize(kept[0]);
        int[] keptFc1 = plan.keptIn("fc1");
        for (int i = 0; i < keptFc1.length; i++) {
            assertThat(fc1[i]).as("fc1 unit %d", keptFc1[i]).isCloseTo(originalFc1[keptFc1[i]], within(1e-6));
        }
        assertThat(labelMi("fc2")).hasSize(kept[1]);
        assertThat(model.mipp().track()).isNull();
        assertThat(context.candidateProperty().get()).isNull();
        // the comparison was the original's: not shown for the pruned network
        assertThat(model.comparisons()).isEmpty();
        assertThat(workbench.tools().compare().model().resultProperty().get()).isNull();
        // a session embeds it
        Session[] session = new Session[1];
        robot.interact(() -> session[0] = workbench.sessions().snapshot());
        assertThat(session[0].model().kind()).isEqualTo(ModelSource.Kind.EMBEDDED);
        assertThat(session[0].embedded().sameWeightsAs(pruned)).isTrue();
        Screenshots.save(workbench.stage().getScene(), "work-on-pruned");

        Clicks.menu(robot, "Tools", "Back to the original network", () -> model.network() == original);
        awaitScored();
        assertThat(labelMi("fc1")).containsExactly(originalFc1);
        assertThat(text("#modelName")).doesNotContain("-mipp");
        assertThat(Arrays.stream(model.network().unitLayerWidths()).sum()).isEqualTo(24 + 12 + 10);
        assertThat(workbench.controller().canGoBackProperty().get()).isFalse();
        assertThat(model.comparisons()).containsExactly(keptComparison);
        assertThat(workbench.tools().compare().model().resultProperty().get()).isEqualTo(compared);
    }
}
