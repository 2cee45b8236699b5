package dev.infoprune.ui.compare;

import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.ExperimentSpec;
import dev.infoprune.study.MethodResult;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.TrainedWorkbenchTest;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Compare view runs what compare --methods random@mipp,local-magnitude@mipp, --mipp-confidences and --at-init run,
 * through the same experiment, and shows every seed's run and how often each method collapsed a layer (issue 14).
 */
class CompareControlsViewTest extends TrainedWorkbenchTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private CompareModel model() {
        return workbench.tools().compare().model();
    }

    private void openCompare(FxRobot robot) {
        Clicks.on(robot, "#compareButton", () -> Clicks.showing(robot, "#runCompare"));
    }

    /** Ticks or unticks a method's (or a control's) box by clicking it. */
    private void toggle(FxRobot robot, String method) {
        boolean chosen = Clicks.fx(() -> model().chosenMethods().contains(method));
        Clicks.on(robot, "#" + CompareView.checkBoxId(method), () -> model().chosenMethods().contains(method) != chosen);
    }

    private void runAndAwait(FxRobot robot) throws Exception {
        ExperimentResult before = Clicks.fx(() -> model().resultProperty().get());
        BooleanSupplier started = Clicks.startedTask(runner());
        int refusals = errors.size();
        Clicks.on(robot, "#runCompare", () -> started.getAsBoolean() || errors.size() > refusals);
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || model().resultProperty().get() != before && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> tableOf(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    @Test
    void theControlsAtInitialisationOverTwoSeedsShowEverySeedAndTheCollapseChart(FxRobot robot) throws Exception {
        awaitIdle();
        openCompare(robot);
        toggle(robot, "global-topk");
        toggle(robot, "random@mipp");
        toggle(robot, "local-magnitude@mipp");
        assertThat(model().chosenMethods()).containsExactly("mipp", "local-magnitude", "random@mipp", "local-magnitude@mipp");
        Integer trained = dev.infoprune.ui.TrainedModels.digitsMlp().card().epochs();
        assertThat(trained).as("the test model's card records its training epochs").isNotNull().isPositive();
        Clicks.on(robot, "#atInitCheck", () -> model().atInitProperty().get());
        assertThat(model().training().epochsProperty().get()).as("at init: the model's whole training run").isEqualTo(trained);
        type(robot, "#epochsField", "1");
        type(robot, "#seedsField", "2");
        type(robot, "#probeSamplesField", "300");
        runAndAwait(robot);

        ExperimentResult r = model().resultProperty().get();
        assertThat(r.atInit()).isTrue();
        assertThat(r.seeds()).isEqualTo(2);
        assertThat(r.methods()).containsExactly("mipp", "local-magnitude", "random@mipp", "local-magnitude@mipp");
        for (long seed : new long[] {r.seed(), r.seed() + 1}) {
            List<MethodResult> runs = r.results().stream().filter(m -> m.seed() == seed).toList();
            MethodResult mipp = runs.stream().filter(m -> m.method().equals("mipp")).findFirst().orElseThrow();
            for (String control : List.of("random@mipp", "local-magnitude@mipp")) {
                MethodResult c = runs.stream().filter(m -> m.method().equals(control)).findFirst().orElseThrow();
                assertThat(c.widths().layers()).as(control + ", seed " + seed).isEqualTo(mipp.widths().layers());
            }
        }

        TableView<MethodResult> seeds = tableOf(robot, "#seedTable");
        assertThat(robot.lookup("#seedRuns").query().isVisible()).isTrue();
        assertThat(seeds.getItems()).hasSize(8).containsExactlyElementsOf(r.results());
        assertThat(seeds.getItems()).extracting(MethodResult::seed).containsOnly(r.seed(), r.seed() + 1);
        TableView<CompareRow> summary = tableOf(robot, "#compareTable");
        assertThat(summary.getItems()).extracting(CompareRow::method)
                .containsExactly("unpruned", "mipp", "local-magnitude", "random@mipp", "local-magnitude@mipp");
        assertThat(summary.getItems().get(3).accuracyAfter()).contains(" ± ");
        assertThat(robot.lookup("#compareSummary").queryAs(Label.class).getText()).contains("Pruned at initialisation");

        ChartViewer collapse = robot.lookup("#collapseChart").queryAs(ChartViewer.class);
        assertThat(collapse.isVisible()).isTrue();
        assertThat(collapse.getChart().getCategoryPlot().getDataset().getRowKeys())
                .containsExactly("mipp", "local-magnitude", "random@mipp", "local-magnitude@mipp");
    }

    @Test
    void mippConfidencesGiveOneMippRowPerXBesideTheSweepAndBadCombinationsAreDialogs(FxRobot robot) throws Exception {
        awaitIdle();
        openCompare(robot);
        toggle(robot, "global-topk");
        toggle(robot, "random@mipp");
        type(robot, "#mippConfidencesField", "0.99, 0.5");
        type(robot, "#seedsField", "2");
        type(robot, "#epochsField", "0");
        type(robot, "#probeSamplesField", "300");
        Clicks.on(robot, "#runCompare", () -> errors.size() > 0);
        assertThat(errors.get(0)).contains("give one confidence, or choose At sparsity or Sweep");
        errors.clear();
        Clicks.on(robot, "#modeSweep", () -> model().modeProperty().get() == ExperimentSpec.Mode.SWEEP);
        type(robot, "#sweepField", "0.3, 0.6, 0.95");
        Clicks.on(robot, "#runCompare", () -> errors.size() > 0);
        assertThat(errors.get(0)).contains("the controls keep the widths of one MIPP run");
        errors.clear();

        toggle(robot, "random@mipp");
        toggle(robot, "global-topk");
        runAndAwait(robot);
        ExperimentResult r = model().resultProperty().get();
        assertThat(r.firstSeed()).extracting(m -> m.method() + " " + m.setting()).containsExactly("mipp x=0.5", "mipp x=0.99",
                "global-topk 0.3000", "local-magnitude 0.3000", "global-topk 0.6000", "local-magnitude 0.6000",
                "global-topk 0.9500", "local-magnitude 0.9500");
        TableView<CompareRow> table = tableOf(robot, "#compareTable");
        assertThat(table.getItems()).extracting(CompareRow::setting).contains("x=0.5", "x=0.99", "30.0%", "60.0%", "95.0%");
        TableView<MethodResult> seeds = tableOf(robot, "#seedTable");
        assertThat(seeds.getItems()).hasSize(16);
        ChartViewer collapse = robot.lookup("#collapseChart").queryAs(ChartViewer.class);
        assertThat(collapse.isVisible()).isTrue();
        var bars = collapse.getChart().getCategoryPlot().getDataset();
        assertThat(bars.getRowKeys()).containsExactly("mipp", "global-topk", "local-magnitude");
        // global top-k empties the 12-unit layer first at 95 %: that bin reads 100 % for it in both seeds
        assertThat(r.results().stream().filter(m -> m.method().equals("global-topk") && m.targetSparsity() == 0.95))
                .allMatch(m -> !m.collapsedLayers().isEmpty());
        assertThat(bars.getColumnKeys()).hasSizeGreaterThan(1);
        // with two seeds the accuracy chart draws each method's mean with an error bar of one sd
        var curves = (org.jfree.data.xy.YIntervalSeriesCollection) robot.lookup("#accuracyChart").queryAs(ChartViewer.class)
                .getChart().getXYPlot().getDataset();
        var lm = r.summaries().stream().filter(s -> s.method().equals("local-magnitude") && s.setting().equals("0.3000"))
                .findFirst().orElseThrow();
        int series = curves.indexOf("local-magnitude");
        assertThat(curves.getItemCount(series)).isEqualTo(3);
        assertThat(curves.getYValue(series, 0)).isCloseTo(100 * lm.accuracyAfter().mean(), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(curves.getEndYValue(series, 0) - curves.getStartYValue(series, 0))
                .isCloseTo(200 * lm.accuracyAfter().sd(), org.assertj.core.api.Assertions.within(1e-9));

        // the per-seed table and the collapse chart in one picture (README)
        robot.interact(() -> {
            javafx.scene.control.ScrollPane scroll = robot.lookup("#compareResultsScroll").queryAs(javafx.scene.control.ScrollPane.class);
            javafx.scene.Node seedRuns = robot.lookup("#seedRuns").query();
            double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            scroll.setVvalue(Math.min(1, (seedRuns.getBoundsInParent().getMinY() - 8) / (contentHeight - viewport)));
        });
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(workbench.stage().getScene(), "compare-seeds-collapse");
        dev.infoprune.ui.NodeSnapshots.save(robot.lookup("#accuracyChart").query(), "compare-seeds-accuracy-error-bars");
    }

    @Test
    void aControlWithoutMippIsRefusedWithAMessage(FxRobot robot) throws Exception {
        awaitIdle();
        openCompare(robot);
        toggle(robot, "mipp");
        toggle(robot, "random@mipp");
        Clicks.on(robot, "#runCompare", () -> errors.size() > 0);
        assertThat(errors.get(0)).contains("random@mipp keep MIPP's per-layer widths: choose mipp too");
        assertThat(model().resultProperty().get()).isNull();
    }
}
