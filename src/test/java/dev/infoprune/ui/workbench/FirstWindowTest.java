package dev.infoprune.ui.workbench;

import dev.infoprune.model.ModelCard;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.network.NetworkLayout;
import dev.infoprune.ui.network.NodeId;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The first window: a model folder opened and drawn as layer columns with its name, size and accuracy. */
@ExtendWith(ApplicationExtension.class)
class FirstWindowTest {
    @TempDir
    Path tmp;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private Workbench workbench;
    private Network network;

    @Start
    void start(Stage stage) throws Exception {
        network = RandomNetworks.mlp(11, 64, 48, 24, 10).withName("small-mlp")
                .withCard(new ModelCard("digits", 1L, 5, 0.9612, 0.14, "64-48-24-10", null));
        Path folder = tmp.resolve("small-mlp");
        ModelFolder.write(network, folder);
        workbench = Workbench.open(stage, new WorkbenchOptions(tmp.resolve("home"), folder.toString(),
                (title, message, cause) -> errors.add(message), null));
    }

    private void awaitModel() throws Exception {
        // the card names a bundled data set, so opening also computes the information scores
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.model().probeProperty().get() != null && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void drawsTheLayerColumnsWithTheirNodeCountsAndTheModelFacts(FxRobot robot) throws Exception {
        awaitModel();
        NetworkLayout layout = workbench.view().networkView().currentLayout();
        assertThat(layout.columns()).extracting(NetworkLayout.Column::nodes).containsExactly(64, 48, 24, 10);
        assertThat(layout.columns()).extracting(c -> c.spec().title()).containsExactly("input", "fc1", "fc2", "out");
        double width = workbench.view().networkView().getWidth();
        double height = workbench.view().networkView().getHeight();
        for (int c = 0; c < layout.columns().size(); c++) {
            NetworkLayout.Column col = layout.column(c);
            assertThat(col.left()).isGreaterThanOrEqualTo(0);
            assertThat(col.right()).isLessThanOrEqualTo(width);
            for (int i = 0; i < col.nodes(); i++) {
                assertThat(col.y()[i]).isGreaterThanOrEqualTo(0);
                assertThat(col.y()[i] + col.size()).isLessThanOrEqualTo(height);
            }
            if (c > 0) {
                assertThat(col.left()).isGreaterThan(layout.column(c - 1).right());
            }
        }
        assertThat(robot.lookup("#modelName").queryAs(Label.class).getText()).isEqualTo("small-mlp");
        assertThat(robot.lookup("#modelSize").queryAs(Label.class).getText())
                .contains(String.format(java.util.Locale.ROOT, "%,d parameters", network.parameterCount()))
                .contains(String.format(java.util.Locale.ROOT, "%,d MACs", network.macs()));
        assertThat(robot.lookup("#modelAccuracy").queryAs(Label.class).getText()).contains("96.1%").contains("digits");
        assertThat(robot.lookup("#legendTitle").queryAs(Label.class).getText()).isEqualTo("I(node; labels) [nats]");
        assertThat(errors).isEmpty();
        Path shot = Screenshots.save(workbench.stage().getScene(), "first-window");
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void hoveringShowsTheNodesScoresAndClickingSelectsIt(FxRobot robot) throws Exception {
        awaitModel();
        var view = workbench.view().networkView();
        NodeId node = new NodeId("fc2", 5);
        Point2D p = Clicks.onScreen(view, node);
        Label tip = robot.lookup("#nodeTooltip").queryAs(Label.class);
        // From off the node, so that the move onto it is a real pointer event whatever an earlier test left.
        Clicks.until(robot, () -> robot.moveTo(view.localToScreen(2, 2)).moveTo(p),
                () -> tip.isVisible() && tip.getText().startsWith("fc2:5"), "hovering over fc2:5");
        double l1 = network.layer(network.indexOf("fc2")) instanceof dev.infoprune.model.Dense d ? d.weight().sliceL1(5) : 0;
        assertThat(tip.getText()).startsWith("fc2:5").contains(String.format(java.util.Locale.ROOT, "%.4g", l1));
        Clicks.select(robot, view, workbench.model().networkView(), node);
        assertThat(robot.lookup("#inspectorHeading").queryAs(Label.class).getText()).isEqualTo("Node fc2:5");
        assertThat(robot.lookup("#score-weight-l1").queryAs(Label.class).getText())
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.4g", l1));
        Screenshots.save(workbench.stage().getScene(), "node-selected");
    }

    @Test
    void aBrokenModelFolderGivesOneMessageAndKeepsTheOpenModel(FxRobot robot) throws Exception {
        awaitModel();
        Path broken = tmp.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("model.json"), "{ not json");
        robot.interact(() -> workbench.controller().openModel(broken));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !errors.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).singleElement().asString().contains("model.json").contains("not valid JSON");
        assertThat(workbench.model().network().name()).isEqualTo("small-mlp");
        assertThat(workbench.view().networkView().currentLayout().columns()).hasSize(4);
    }
}
