package dev.infoprune.ui.network;

import dev.infoprune.model.Network;
import dev.infoprune.prune.DependencyGroup;
import dev.infoprune.prune.DependencyGroups;
import dev.infoprune.prune.GroupMember;
import dev.infoprune.prune.PlanFiles;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.TrainedModels;
import dev.infoprune.ui.TrainedWorkbenchTest;
import dev.infoprune.ui.workbench.Workbench;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A residual network (a small ResNet trained on the digits) opened, drawn, scored, linked and compared in the workbench. */
class GraphWorkbenchTest extends TrainedWorkbenchTest {
    /** Trained before the window starts: TestFX gives a start method only a few seconds. */
    @BeforeAll
    static void train() {
        TrainedModels.digitsResNet();
    }

    @Start
    void start(Stage stage) throws Exception {
        workbench = Workbench.open(stage, options(TrainedModels.digitsResNetFolder(tmp).toString()));
    }

    private NetworkView view() {
        return workbench.view().networkView();
    }

    private NetworkViewModel viewModel() {
        return workbench.model().networkView();
    }

    private PixelReader pixels() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> view().snapshot(null, null)).get(30, TimeUnit.SECONDS);
        return image.getPixelReader();
    }

    @Test
    void theResNetOpensWithItsSkipsDrawnAsArcsAndItsAddsAsColumns(FxRobot robot) throws Exception {
        awaitIdle();
        Network net = workbench.model().networkProperty().get();
        assertThat(net.isGraph()).isTrue();
        NetworkPicture picture = viewModel().pictureProperty().get();
        assertThat(picture.columns()).extracting(ColumnSpec::title).containsExactly("input", "stem", "block1.conv1",
                "block1.conv2", "block1.add", "block2.conv1", "block2.conv2", "block2.shortcut", "block2.add", "fc");
        assertThat(picture.columns()).filteredOn(c -> c.kind() == ColumnSpec.Kind.JOIN).extracting(ColumnSpec::subtitle)
                .containsExactly("add · 8", "add · 12");
        // the stem feeds block1's add around its two convs; block1's add feeds the shortcut around block2's convs;
        // block2.conv2 feeds its add around the shortcut conv
        assertThat(picture.skips()).containsExactlyInAnyOrder(new NetworkPicture.Skip(1, 4, 8),
                new NetworkPicture.Skip(4, 7, 8), new NetworkPicture.Skip(6, 8, 12));
        // edges follow the wiring: the shortcut does not read block2.conv2, its left neighbour
        assertThat(picture.edges(6).size()).isZero();
        assertThat(picture.edges(3).size()).as("block1.conv2 into its add, channel to channel").isEqualTo(8);

        NetworkLayout layout = view().currentLayout();
        assertThat(layout.arcs()).hasSize(3);
        PixelReader px = pixels();
        for (NetworkLayout.Arc arc : layout.arcs()) {
            double mid = (arc.fromX() + arc.toX()) / 2;
            assertThat(blueish(px.getColor((int) Math.round(mid), (int) Math.round(arc.laneY()))))
                    .as("arc %s drawn at its lane", arc.skip()).isTrue();
            for (int c = arc.skip().from() + 1; c < arc.skip().to(); c++) {
                NetworkLayout.Column between = layout.column(c);
                assertThat(arc.laneY()).as("arc passes above column %d's nodes", c).isLessThan(between.y()[0]);
            }
        }
        // compute scores works on the graph: every conv filter has its information score
        NodeScore mi = viewModel().scoreProperty().get();
        for (String layer : List.of("stem", "block1.conv2", "block2.shortcut")) {
            assertThat(mi.value(layer, 0)).as("score of %s", layer).isNotNaN();
        }
        Screenshots.save(workbench.stage().getScene(), "graph-resnet");
    }

    @Test
    void selectingAChannelRingsEveryMemberOfItsDependencyGroup(FxRobot robot) throws Exception {
        awaitIdle();
        Network net = workbench.model().networkProperty().get();
        NodeId chosen = new NodeId("block1.conv2", 3);
        Clicks.select(robot, view(), viewModel(), chosen);
        DependencyGroup group = DependencyGroups.of(net).groupsOf("block1.conv2").get(0);
        int[] own = group.member("block1.conv2", GroupMember.Role.OUTPUTS).channels();
        int j = java.util.stream.IntStream.range(0, own.length).filter(k -> own[k] == 3).findFirst().orElseThrow();
        List<NodeId> expected = new ArrayList<>();
        for (GroupMember m : group.producers()) {
            if (!m.layer().equals("block1.conv2")) {
                expected.add(new NodeId(m.layer(), m.channels()[j]));
            }
        }
        assertThat(expected).as("the add couples block1.conv2 with the stem").isNotEmpty();
        expected.add(new NodeId("block1.add", 3));
        NetworkPicture picture = viewModel().pictureProperty().get();
        assertThat(picture.linkedTo(chosen)).containsExactlyInAnyOrderElementsOf(expected);
        PixelReader px = pixels();
        for (NodeId linked : expected) {
            assertThat(ringed(px, view().currentLayout(), picture, linked)).as("%s ringed", linked).isTrue();
        }
        assertThat(ringed(px, view().currentLayout(), picture, new NodeId("block1.conv1", 3))).isFalse();
        Screenshots.save(workbench.stage().getScene(), "graph-resnet-group");

        // a pruned group: removing the channel in both producers shows the add's channel pruned too
        Map<String, BitSet> removed = Map.of("stem", bits(3), "block1.conv2", bits(3));
        WaitForAsyncUtils.asyncFx(() -> viewModel().removedProperty().set(removed)).get(10, TimeUnit.SECONDS);
        int add = picture.columnOf("block1.add");
        assertThat(picture.isRemoved(add, 3, removed)).isTrue();
        Clicks.select(robot, view(), viewModel(), new NodeId("block1.add", 3));
        assertThat(text(robot, "#inspectorHeading")).isEqualTo("Channel block1.add:3");
        assertThat(text(robot, "#inspectorWhere")).startsWith("Channel 3 of 8 of add block1.add, which sums block1.conv2 and stem.relu");
        assertThat(text(robot, "#inspectorState")).startsWith("Removed by the current pruning.")
                .contains("Pruned together with stem:3, block1.conv2:3.");
        assertThat(picture.isRemoved(add, 2, removed)).isFalse();
        assertThat(picture.isRemoved(add, 3, Map.of("stem", bits(3)))).as("one branch left").isFalse();
    }

    @Test
    void mippRunToTheEndOnTheResNetPrunesWhatTheCommandLinePrunes(FxRobot robot) throws Exception {
        awaitIdle();
        var mipp = workbench.model().mipp();
        java.util.function.BooleanSupplier starting = Clicks.startedTask(runner());
        Clicks.on(robot, "#mippStart", () -> starting.getAsBoolean() || mipp.track() != null || !errors.isEmpty());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !errors.isEmpty() || mipp.track() != null && !runner().isBusy());
        assertThat(errors).isEmpty();
        java.util.function.BooleanSupplier running = Clicks.startedTask(runner());
        Clicks.on(robot, "#mippRunToEnd", () -> running.getAsBoolean() || mipp.isFinished());
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || mipp.finishedProperty().get() != null && !runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        var outcome = mipp.finishedProperty().get();
        Screenshots.save(workbench.stage().getScene(), "graph-resnet-mipp");

        Path out = tmp.resolve("cli");
        int status = dev.infoprune.cli.InfoPruneCli.execute("prune", tmp.resolve("digits-resnet").toString(), "--data",
                "digits", "--method", "mipp", "--finetune-epochs", "0", "--out", out.toString());
        assertThat(status).isZero();
        Network opened = workbench.model().networkProperty().get();
        PruningPlan cliPlan = PlanFiles.readFor(out.resolve(PlanFiles.FILE_NAME), opened);
        int removedByCli = 0;
        for (String layer : opened.prunableLayerNames()) {
            int width = opened.layer(opened.indexOf(layer)).units();
            int[] cli = cliPlan.keptIn(layer) != null ? cliPlan.keptIn(layer) : java.util.stream.IntStream.range(0, width).toArray();
            assertThat(outcome.plan().keptIn(layer)).as("kept in %s", layer).containsExactly(cli);
            removedByCli += width - cli.length;
        }
        assertThat(removedByCli).as("MIPP removed some uncoupled filters").isPositive();
        assertThat(outcome.plan().keptIn("stem")).as("a coupled group is kept whole").hasSize(8);
        assertThat(outcome.plan().keptIn("block1.conv2")).hasSize(8);
        int drawnRemoved = workbench.model().networkView().removedProperty().get().values().stream()
                .mapToInt(BitSet::cardinality).sum();
        assertThat(drawnRemoved).as("units drawn as removed").isEqualTo(removedByCli);
    }

    @Test
    void theGraphMethodsCompareOnTheResNetAndKeepCoupledLayersEquallyWide(FxRobot robot) throws Exception {
        awaitIdle();
        Clicks.on(robot, "#compareButton", () -> Clicks.showing(robot, "#runCompare"));
        var compare = workbench.tools().compare().model();
        Clicks.on(robot, "#method-mipp", () -> !compare.chosenMethods().contains("mipp"));
        Clicks.on(robot, "#modeSweep", () -> compare.modeProperty().get() == dev.infoprune.study.ExperimentSpec.Mode.SWEEP);
        type(robot, "#sweepField", "0.5");
        type(robot, "#epochsField", "0");
        java.util.function.BooleanSupplier started = Clicks.startedTask(runner());
        Clicks.on(robot, "#runCompare", () -> started.getAsBoolean() || !errors.isEmpty());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || compare.resultProperty().get() != null && !runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        var result = compare.resultProperty().get();
        assertThat(result.methods()).containsExactlyInAnyOrder("global-topk", "local-magnitude");
        for (var m : result.results()) {
            Map<String, Integer> kept = new java.util.HashMap<>();
            m.widths().layers().forEach(l -> kept.put(l.layer(), l.after()));
            assertThat(kept.get("stem")).as(m.method() + ": stem and block1.conv2 are summed").isEqualTo(kept.get("block1.conv2"));
            assertThat(kept.get("block2.conv2")).as(m.method()).isEqualTo(kept.get("block2.shortcut"));
            assertThat(kept.get("block1.conv1")).as(m.method() + " pruned something").isLessThan(8);
        }
        Screenshots.save(workbench.stage().getScene(), "graph-resnet-compare");
        dev.infoprune.ui.NodeSnapshots.save(robot.lookup("#drawing-unpruned").query(), "graph-resnet-compare-unpruned");
        dev.infoprune.ui.NodeSnapshots.save(robot.lookup("#" + dev.infoprune.ui.compare.CompareView.drawingId(result.results().get(0)))
                .query(), "graph-resnet-compare-" + result.results().get(0).method());
    }

    private static String text(FxRobot robot, String id) {
        return Clicks.fx(() -> robot.lookup(id).queryAs(javafx.scene.control.Label.class).getText());
    }

    private static BitSet bits(int... set) {
        BitSet b = new BitSet();
        for (int i : set) {
            b.set(i);
        }
        return b;
    }

    private static boolean blueish(Color c) {
        return c.getBlue() > 0.6 && c.getRed() < 0.5;
    }

    /** True when some pixel on the ring around the node has the linked colour. */
    private static boolean ringed(PixelReader px, NetworkLayout layout, NetworkPicture picture, NodeId node) {
        NetworkLayout.Column col = layout.column(picture.columnOf(node.layer()));
        double r = col.size() / 2 + 3;
        for (int a = 0; a < 360; a += 10) {
            double x = col.nodeCenterX(node.index()) + r * Math.cos(Math.toRadians(a));
            double y = col.nodeCenterY(node.index()) + r * Math.sin(Math.toRadians(a));
            Color c = px.getColor((int) Math.round(x), (int) Math.round(y));
            if (c.getBlue() > 0.75 && c.getGreen() < 0.45 && c.getRed() > 0.3 && c.getRed() < 0.6) {
                return true;
            }
        }
        return false;
    }
}
