package dev.infoprune.ui.compare;

import dev.infoprune.prune.MethodType;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.prune.Setting;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.MethodResult;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.TrainedWorkbenchTest;
import dev.infoprune.study.ExperimentSpec;
import dev.infoprune.ui.network.NodeId;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Compare: the user picks methods and a sparsity, runs, and reads drawings, table and charts. */
class CompareViewTest extends TrainedWorkbenchTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private ExperimentResult result() {
        return workbench.tools().compare().model().resultProperty().get();
    }

    private void awaitResult(ExperimentResult before) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !errors.isEmpty()
                    || result() != before && !workbench.runner().isBusy());
        } catch (java.util.concurrent.TimeoutException e) {
            String running = WaitForAsyncUtils.asyncFx(() -> {
                var task = workbench.runner().currentProperty().get();
                return "status: " + workbench.runner().lastOutcomeProperty().get() + "; running: "
                        + (task == null || !workbench.runner().isBusy() ? "nothing" : task.getTitle() + " — " + task.getMessage());
            }).get(30, TimeUnit.SECONDS);
            throw new AssertionError("no result after 180 s; " + running, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
    }

    /** Opens the compare view with its toolbar toggle. */
    private void openCompare(FxRobot robot) {
        Clicks.on(robot, "#compareButton", () -> Clicks.showing(robot, "#runCompare"));
    }

    /** Ticks or unticks a method's box. */
    private void toggleMethod(FxRobot robot, String method) {
        boolean chosen = Clicks.fx(() -> workbench.tools().compare().model().chosenMethods().contains(method));
        Clicks.on(robot, "#method-" + method, () -> workbench.tools().compare().model().chosenMethods().contains(method) != chosen);
    }

    /** Presses Run comparison until the comparison has started (or was refused with a dialog). */
    private void runCompare(FxRobot robot) {
        BooleanSupplier started = Clicks.startedTask(runner());
        int refusals = errors.size();
        Clicks.on(robot, "#runCompare", () -> started.getAsBoolean() || errors.size() > refusals);
    }

    private void chooseSweep(FxRobot robot) {
        Clicks.on(robot, "#modeSweep", () -> workbench.tools().compare().model().modeProperty().get() == ExperimentSpec.Mode.SWEEP);
    }

    @SuppressWarnings("unchecked")
    private TableView<CompareRow> table(FxRobot robot) {
        return robot.lookup("#compareTable").queryAs(TableView.class);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    @Test
    void comparingAtMippsSparsityShowsADrawingARowAndBarsPerMethod(FxRobot robot) throws Exception {
        awaitIdle();
        openCompare(robot);
        assertThat(robot.lookup("#compareEmpty").queryAs(Label.class).isVisible()).isTrue();
        toggleMethod(robot, "random");
        type(robot, "#epochsField", "1");
        type(robot, "#probeSamplesField", "300");
        runCompare(robot);
        awaitResult(null);
        assertThat(errors).isEmpty();

        ExperimentResult r = result();
        assertThat(r.methods()).containsExactly("mipp", "global-topk", "local-magnitude", "random");
        assertThat(r.fineTuneEpochs()).isEqualTo(1);
        assertThat(r.probeSamples()).isEqualTo(300);
        MethodResult mipp = r.results().get(0);
        for (MethodResult m : r.results().subList(1, r.results().size())) {
            assertThat(m.targetSparsity()).isEqualTo(mipp.sparsity());
        }

        TableView<CompareRow> table = table(robot);
        assertThat(table.getItems()).extracting(CompareRow::method)
                .containsExactly("unpruned", "mipp", "global-topk", "local-magnitude", "random");
        CompareRow first = table.getItems().get(1);
        assertThat(first.kept()).isEqualTo(mipp.widths().layers().get(0).after() + "/" + mipp.widths().layers().get(1).after());
        assertThat(first.accuracyAfter()).isEqualTo(pct(mipp.afterFineTuning().accuracy()));
        assertThat(first.parameters()).isEqualTo(String.format(Locale.ROOT, "%,d", mipp.parameters()));
        assertThat(first.macs()).isEqualTo(String.format(Locale.ROOT, "%,d", mipp.macs()));
        assertThat(first.information()).startsWith("fc1 ").contains(" · fc2 ");
        assertThat(table.getItems().get(0).accuracyBefore()).isEqualTo(pct(r.baseline().accuracy()));

        for (String id : List.of("#drawing-unpruned", "#drawing-mipp-own", "#" + CompareView.drawingId(r.results().get(1)))) {
            Node d = robot.lookup(id).query();
            assertThat(d.isVisible()).as(id).isTrue();
        }
        CategoryDataset bars = robot.lookup("#widthsChart").queryAs(ChartViewer.class).getChart().getCategoryPlot().getDataset();
        assertThat(bars.getRowKeys()).containsExactly("unpruned", "mipp", "global-topk", "local-magnitude", "random");
        assertThat(bars.getValue("mipp", "fc1").intValue()).isEqualTo(mipp.widths().layers().get(0).after());
        assertThat(bars.getValue("unpruned", "fc2").intValue()).isEqualTo(12);
        XYDataset curves = ((XYPlot) robot.lookup("#accuracyChart").queryAs(ChartViewer.class).getChart().getPlot()).getDataset();
        assertThat(curves.getSeriesKey(0)).isEqualTo("unpruned");
        assertThat(curves.getYValue(1, 0)).isCloseTo(100 * mipp.afterFineTuning().accuracy(), within(1e-9));
        assertThat(robot.lookup("#compareSummary").queryAs(Label.class).getText()).contains("digits-mlp on digits")
                .contains("fine-tuned 1 epoch ");
        Screenshots.save(workbench.stage().getScene(), "compare-matched");
    }

    @Test
    void everyMethodsSettingsAreInTheFormAndTheComparisonRunsWithThem(FxRobot robot) throws Exception {
        awaitIdle();
        openCompare(robot);
        for (MethodType type : PruningMethods.all()) {
            for (Setting<?> setting : MethodSettingsForm.formSettings(type)) {
                assertThat(robot.lookup("#" + type.name() + "-" + setting.key()).tryQuery()).as(type.name() + " " + setting.key())
                        .isPresent();
            }
        }
        toggleMethod(robot, "global-topk");
        toggleMethod(robot, "local-magnitude");
        Clicks.on(robot, "#settings-mipp", () -> robot.lookup("#settings-mipp").queryAs(TitledPane.class).isExpanded());
        CompareModel model = workbench.tools().compare().model();
        type(robot, "#mipp-confidence", "1.5");
        assertThat(Clicks.fx(() -> robot.lookup("#mipp-confidence").query().getStyleClass().contains("invalid"))).isTrue();
        assertThat(Clicks.fx(() -> robot.lookup("#mipp-settings-problem").queryAs(Label.class).getText()))
                .contains("confidence must be in (0, 1), got 1.5");
        assertThat(Clicks.fx(() -> model.settings("mipp").get())).isEqualTo(PruningMethods.MIPP.defaults());
        type(robot, "#mipp-confidence", "0.8");
        Clicks.choose(robot, "#mipp-estimator", "ridge-cv");
        type(robot, "#mipp-estimator-options", "lambda=2");
        type(robot, "#epochsField", "0");
        type(robot, "#probeSamplesField", "300");
        Screenshots.save(workbench.stage().getScene(), "compare-method-settings");
        runCompare(robot);
        awaitResult(null);

        MethodResult mipp = result().results().get(0);
        assertThat(mipp.method()).isEqualTo("mipp");
        assertThat(mipp.plan().settings()).containsEntry("confidence", 0.8);
        assertThat(String.valueOf(mipp.plan().settings().get("estimator"))).startsWith("ridge-cv(lambda=2");
    }

    @Test
    void aSweepFlagsCollapsedLayersInRedAndACancelledRunKeepsTheShownResult(FxRobot robot) throws Exception {
        awaitIdle();
        openCompare(robot);
        toggleMethod(robot, "mipp");
        toggleMethod(robot, "global-topk");
        toggleMethod(robot, "random");
        chooseSweep(robot);
        type(robot, "#sweepField", "0.95, 0.5");
        type(robot, "#epochsField", "1");
        type(robot, "#probeSamplesField", "300");
        runCompare(robot);
        awaitResult(null);
        assertThat(errors).isEmpty();
        ExperimentResult r = result();
        assertThat(r.settings()).containsExactly("0.5000", "0.9500");
        assertThat(r.methods()).containsExactly("local-magnitude", "random");

        // at 95% local magnitude keeps 1 of 24 and 1 of 12 units: both layers collapse
        MethodResult topk = r.find("local-magnitude", "0.9500").orElseThrow();
        assertThat(topk.collapsedLayers()).containsExactly("fc1", "fc2");
        assertThat(topk.collapsedLayers()).isNotEmpty();
        TableView<CompareRow> table = table(robot);
        CompareRow collapsedRow = table.getItems().stream().filter(row -> row.result() == topk).findFirst().orElseThrow();
        assertThat(collapsedRow.collapsed()).isEqualTo("fc1, fc2");
        int index = table.getItems().indexOf(collapsedRow);
        Node rowNode = robot.lookup(".table-row-cell").match(n -> n instanceof javafx.scene.control.TableRow<?> tr
                && tr.getIndex() == index).query();
        assertThat(rowNode.getStyleClass()).contains("collapsed-row");

        ComboBox<String> group = robot.lookup("#compareGroup").queryComboBox();
        assertThat(group.getItems()).containsExactly("target sparsity 0.5000", "target sparsity 0.9500");
        Clicks.choose(robot, "#compareGroup", "target sparsity 0.9500");
        Label flag = robot.from(robot.lookup("#" + CompareView.drawingId(topk)).queryAs(Node.class))
                .lookup(".collapsed-flag").queryAs(Label.class);
        assertThat(flag.getText()).isEqualTo("Collapsed: " + String.join(", ", topk.collapsedLayers()));
        var subtitle = (TextTitle) robot.lookup("#widthsChart").queryAs(ChartViewer.class).getChart().getSubtitle(1);
        assertThat(subtitle.getText()).contains("local-magnitude: " + topk.collapsedLayers().get(0));
        assertThat(subtitle.getPaint()).isEqualTo(CompareCharts.COLLAPSED);
        // two points per method on the accuracy curve, sorted by sparsity
        XYDataset curves = ((XYPlot) robot.lookup("#accuracyChart").queryAs(ChartViewer.class).getChart().getPlot()).getDataset();
        assertThat(curves.getItemCount(1)).isEqualTo(2);
        assertThat(curves.getXValue(1, 1)).isCloseTo(100 * topk.sparsity(), within(1e-9));
        Screenshots.save(workbench.stage().getScene(), "compare-sweep-collapsed");

        // a second, longer run cancelled half-way leaves the result above in place and the window answering
        toggleMethod(robot, "cmi");
        toggleMethod(robot, "itpruner");
        type(robot, "#epochsField", "30");
        runCompare(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !errors.isEmpty() || workbench.runner().isBusy());
        assertThat(errors).isEmpty();
        Thread.sleep(1500);
        Clicks.on(robot, "#cancelCompare", () -> !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(result()).isSameAs(r);
        assertThat(table(robot).getItems()).hasSize(1 + r.results().size());
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).contains("cancelled");
        assertThat(errors).isEmpty();
        Clicks.on(robot, "#networkButton", () -> Clicks.showing(robot, "#mippStart"));
        Clicks.select(robot, workbench.view().networkView(), workbench.model().networkView(), new NodeId("fc1", 3));
    }

    @Test
    void matchingWithoutASelfSizingMethodIsADialogAndNothingRuns(FxRobot robot) throws Exception {
        awaitIdle();
        openCompare(robot);
        toggleMethod(robot, "mipp");
        assertThat(workbench.tools().compare().model().chosenMethods()).containsExactly("global-topk", "local-magnitude");
        runCompare(robot);
        assertThat(errors).singleElement().asString().startsWith("Cannot compare: sparsity: matching MIPP's sparsity needs mipp");
        assertThat(workbench.runner().isBusy()).isFalse();
        assertThat(result()).isNull();
        chooseSweep(robot);
        type(robot, "#sweepField", "0.5, 1.5");
        runCompare(robot);
        assertThat(errors).hasSize(2);
        assertThat(errors.get(1)).contains("sweep sparsities: 1.5 is not a share of hidden units in [0, 1)");
        assertThat(robot.lookup("#sweepField").queryAs(TextField.class).getText()).isEqualTo("0.5, 1.5");
    }
}
