package dev.infoprune.ui.network;

import dev.infoprune.cli.InfoPruneCli;
import dev.infoprune.model.Network;
import dev.infoprune.prune.DependencyGroups;
import dev.infoprune.prune.PlanFiles;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.TrainedWorkbenchTest;
import dev.infoprune.ui.workbench.Workbench;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled ResNet sample as a new user meets it: opened, its skips drawn, MIPP at its defaults (the paper's
 * reconstruction estimator) run to the end. */
class ResNetSampleTest extends TrainedWorkbenchTest {
    @Start
    void start(Stage stage) {
        workbench = Workbench.open(stage, options("resnet8-fashion"));
    }

    @Test
    void theResNetSampleShowsItsSkipsAndMippRunToTheEndKeepsWhatTheCorePlanKeeps(FxRobot robot) throws Exception {
        javafx.scene.control.Button start = robot.lookup("#mippStart").queryButton();
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !errors.isEmpty() || workbench.model().probeProperty().get() != null
                && !workbench.runner().isBusy() && !start.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        Network net = workbench.model().networkProperty().get();
        NetworkLayout layout = workbench.view().networkView().currentLayout();
        assertThat(layout.arcs()).as("a skip connection per residual block at least").hasSizeGreaterThanOrEqualTo(3);
        assertThat(layout.columns()).filteredOn(c -> c.spec().kind() == ColumnSpec.Kind.JOIN).hasSize(3);

        var mipp = workbench.model().mipp();
        BooleanSupplier starting = Clicks.startedTask(workbench.runner());
        Clicks.on(robot, "#mippStart", () -> starting.getAsBoolean() || mipp.track() != null || !errors.isEmpty());
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> !errors.isEmpty() || mipp.track() != null && !workbench.runner().isBusy());
        assertThat(errors).isEmpty();
        BooleanSupplier running = Clicks.startedTask(workbench.runner());
        Clicks.on(robot, "#mippRunToEnd", () -> running.getAsBoolean() || mipp.isFinished());
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || mipp.finishedProperty().get() != null && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        NodeId projection = new NodeId("res2_proj", 3);
        Clicks.select(robot, workbench.view().networkView(), workbench.model().networkView(), projection);
        assertThat(workbench.model().networkView().pictureProperty().get().linkedTo(projection))
                .as("the projection shortcut and the block's second conv are summed by the add")
                .contains(new NodeId("res2_conv2", 3), new NodeId("res2_add", 3));
        Screenshots.save(workbench.stage().getScene(), "resnet8-fashion-mipp");

        Path out = tmp.resolve("cli");
        int status = InfoPruneCli.execute("prune", "resnet8-fashion", "--data", "fashion-mnist", "--method", "mipp",
                "--finetune-epochs", "0", "--out", out.toString());
        assertThat(status).isZero();
        PruningPlan cli = PlanFiles.readFor(out.resolve(PlanFiles.FILE_NAME), net);
        PruningPlan shown = mipp.finishedProperty().get().plan();
        DependencyGroups.check(net, shown);
        int removed = 0;
        for (String layer : net.prunableLayerNames()) {
            int width = net.layer(net.indexOf(layer)).units();
            int[] expected = cli.keptIn(layer) != null ? cli.keptIn(layer) : IntStream.range(0, width).toArray();
            assertThat(shown.keptIn(layer)).as("kept in %s", layer).containsExactly(expected);
            removed += width - expected.length;
        }
        // MIPP tests the uncoupled layers only (each block's first conv), one step per filter
        assertThat(mipp.track().totalSteps()).isEqualTo(8 + 16 + 32);
        int drawn = workbench.model().networkView().removedProperty().get().values().stream().mapToInt(BitSet::cardinality).sum();
        assertThat(drawn).as("units drawn as removed").isEqualTo(removed);
        assertThat(removed).as("the default prunes some of the tested filters").isPositive();
    }

}
