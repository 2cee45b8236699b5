package dev.infoprune.ui.compare;

import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.ExperimentSpec;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.TrainedWorkbenchTest;
import javafx.scene.control.Label;
import org.jfree.chart.fx.ChartViewer;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Seeds field runs every method with several seeds; the table then reads mean ± sd, and the layer-collapse chart
 * appears (issue 14).
 */
class CompareSeedsViewTest extends TrainedWorkbenchTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    @Test
    void twoSeedsGiveEveryMethodTwiceAndTheTableTheirMeanAndSd(FxRobot robot) throws Exception {
        awaitIdle();
        Clicks.on(robot, "#compareButton", () -> Clicks.showing(robot, "#runCompare"));
        CompareModel model = workbench.tools().compare().model();
        robot.interact(() -> {
            model.methods().forEach((name, chosen) -> chosen.set(List.of("local-magnitude", "random").contains(name)));
            model.modeProperty().set(ExperimentSpec.Mode.FIXED);
            model.sparsityProperty().set(0.5);
        });
        type(robot, "#seedsField", "2");
        type(robot, "#epochsField", "0");
        type(robot, "#probeSamplesField", "300");
        BooleanSupplier started = Clicks.startedTask(runner());
        Clicks.on(robot, "#runCompare", () -> started.getAsBoolean() || !errors.isEmpty());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || model.resultProperty().get() != null && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();

        ExperimentResult r = model.resultProperty().get();
        assertThat(r.seeds()).isEqualTo(2);
        assertThat(r.results()).hasSize(4);
        @SuppressWarnings("unchecked")
        TableView<CompareRow> table = robot.lookup("#compareTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3);
        assertThat(table.getItems().get(1).accuracyBefore()).contains(" ± ");
        assertThat(robot.lookup("#compareSummary").queryAs(Label.class).getText()).contains("seeds " + r.seed() + " to " + (r.seed() + 1));

        ChartViewer collapse = robot.lookup("#collapseChart").queryAs(ChartViewer.class);
        assertThat(collapse.isVisible()).as("more than one run per method: the layer-collapse chart").isTrue();
        assertThat(collapse.getChart().getCategoryPlot().getDataset().getRowKeys())
                .containsExactly("local-magnitude", "random");
    }
}
