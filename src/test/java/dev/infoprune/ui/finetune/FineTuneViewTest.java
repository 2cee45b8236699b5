package dev.infoprune.ui.finetune;

import dev.infoprune.core.Progress;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.Network;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.TrainedWorkbenchTest;
import dev.infoprune.ui.flows.PrunedNetwork;
import dev.infoprune.ui.network.NodeId;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Fine-tune: live loss and accuracy curves, the fine-tuned network kept, and a cancel that keeps the network. */
class FineTuneViewTest extends TrainedWorkbenchTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private void openFineTune(FxRobot robot) {
        Clicks.on(robot, "#fineTuneButton", () -> Clicks.showing(robot, "#startFineTune"));
    }

    private void startFineTune(FxRobot robot) {
        BooleanSupplier started = Clicks.startedTask(runner());
        Clicks.on(robot, "#startFineTune", () -> started.getAsBoolean() || !errors.isEmpty());
    }

    private FineTuneModel model() {
        return workbench.tools().fineTune().model();
    }

    @Test
    void fineTuningDrawsLiveCurvesAndTheFineTunedNetworkBecomesTheOneWorkedOn(FxRobot robot) throws Exception {
        awaitIdle();
        Network open = workbench.model().network();
        openFineTune(robot);
        assertThat(robot.lookup("#fineTuneStart").queryAs(Label.class).getText())
                .isEqualTo("the open network, digits-mlp (not pruned)");
        type(robot, "#fineTuneEpochs", "3");
        type(robot, "#fineTuneLearningRate", "0.002");
        startFineTune(robot);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || model().afterProperty().get() != null && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();

        // digits: 1078 training samples, batches of 64 -> 17 batches an epoch, one loss point each
        assertThat(model().losses()).hasSize(3 * 17);
        assertThat(model().losses().get(model().losses().size() - 1).epoch()).isEqualTo(3.0);
        assertThat(model().history()).extracting(e -> e.epoch()).containsExactly(1, 2, 3);
        XYDataset acc = robot.lookup("#fineTuneAccuracyChart").queryAs(ChartViewer.class).getChart().getXYPlot().getDataset();
        assertThat(acc.getItemCount(1)).isEqualTo(4); // before (epoch 0) and after each epoch
        XYDataset loss = robot.lookup("#lossChart").queryAs(ChartViewer.class).getChart().getXYPlot().getDataset();
        assertThat(loss.getItemCount(0)).isEqualTo(3 * 17);

        PrunedNetwork tuned = workbench.tools().workingNetwork().candidateProperty().get();
        assertThat(tuned.label()).isEqualTo("digits-mlp, fine-tuned 3 epochs");
        assertThat(tuned.unpruned()).isSameAs(open);
        assertThat(tuned.network().sameWeightsAs(open)).isFalse();
        assertThat(workbench.model().network()).isSameAs(open);
        // the numbers shown are the fine-tuned network's on the test split, measured independently here
        var test = DatasetLocator.resolve("digits", 1).test();
        double before = Inference.evaluate(open, test, Progress.NONE).accuracy();
        double after = Inference.evaluate(tuned.network(), test, Progress.NONE).accuracy();
        assertThat(model().afterProperty().get().accuracy()).isCloseTo(after, within(1e-12));
        assertThat(acc.getYValue(1, 3)).isCloseTo(100 * after, within(1e-9));
        assertThat(robot.lookup("#fineTuneStatus").queryAs(Label.class).getText())
                .startsWith(String.format(Locale.ROOT, "Test accuracy %.1f%% → %.1f%% after 3 epochs", 100 * before, 100 * after));
        assertThat(robot.lookup("#fineTuneStart").queryAs(Label.class).getText()).startsWith("digits-mlp, fine-tuned 3 epochs");
        Screenshots.save(workbench.stage().getScene(), "finetune-curves");
    }

    @Test
    void cancellingKeepsTheNetworkAndTheWindowAnswers(FxRobot robot) throws Exception {
        awaitIdle();
        Network open = workbench.model().network();
        openFineTune(robot);
        // far more than the test's clicks take on a fast, quiet machine: the training must still run at Cancel
        type(robot, "#fineTuneEpochs", "100000");
        startFineTune(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model().losses().size() > 20);
        assertThat(workbench.runner().isBusy()).isTrue();
        // the window answers while training runs: switch tabs and select a node
        Clicks.on(robot, "#networkButton", () -> Clicks.showing(robot, "#mippStart"));
        Clicks.select(robot, workbench.view().networkView(), workbench.model().networkView(), new NodeId("fc2", 4));
        openFineTune(robot);
        Clicks.on(robot, "#cancelFineTune", () -> !workbench.runner().isBusy());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        assertThat(workbench.tools().workingNetwork().candidateProperty().get()).isNull();
        assertThat(workbench.tools().workingNetwork().network()).isSameAs(open);
        assertThat(model().afterProperty().get()).isNull();
        assertThat(model().runningProperty().get()).isFalse();
        assertThat(robot.lookup("#fineTuneStatus").queryAs(Label.class).getText())
                .startsWith("Cancelled after ").endsWith("; digits-mlp is unchanged.");
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).contains("cancelled");
        Screenshots.save(workbench.stage().getScene(), "finetune-cancelled");
    }
}
