package dev.infoprune.ui.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.ExperimentResultJson;
import dev.infoprune.study.ExperimentSpec;
import dev.infoprune.study.MethodResult;
import dev.infoprune.study.SplitOrigin;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.TrainedWorkbenchTest;
import dev.infoprune.ui.workbench.Workbench;
import dev.infoprune.workspace.SessionComparison;
import dev.infoprune.workspace.SessionFiles;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A comparison run in the compare view is kept in the session: saved, the window closed, the session opened in a
 * new window, the compare view shows the same table, drawings (pixel for pixel), bars, curves and red flags, and
 * its rows can be worked on as before.
 */
class ComparisonSessionTest extends TrainedWorkbenchTest {
    private final List<Stage> extraStages = new ArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    /** No periodic autosave while the test saves and reopens the session itself. */
    @Override
    protected double autosaveSeconds() {
        return 3600;
    }

    @AfterEach
    void closeExtraWindows(FxRobot robot) {
        robot.interact(() -> extraStages.forEach(Stage::hide));
    }

    /** Everything the compare view shows of a result, as values. */
    private record Shown(List<String> rows, String summary, List<String> groups, List<String> drawings,
                         List<int[]> drawingPixels, List<String> bars, List<String> curves, List<String> subtitles) {
    }

    private static Shown shown(FxRobot robot, Workbench wb) throws Exception {
        Node root = wb.stage().getScene().getRoot();
        CompareView view = wb.tools().compareView();
        TableView<CompareRow> table = view.table();
        List<String> rows = table.getItems().stream().map(r -> String.join(" | ", r.method(), r.setting(), r.sparsity(),
                r.kept(), r.parameters(), r.macs(), r.flops(), r.accuracyBefore(), r.accuracyAfter(), r.information(),
                r.collapsed())).toList();
        @SuppressWarnings("unchecked")
        ComboBox<String> group = (ComboBox<String>) root.lookup("#compareGroup");
        List<String> drawings = new ArrayList<>();
        List<int[]> pixels = new ArrayList<>();
        for (Node d : ((HBox) root.lookup("#methodDrawings")).getChildren()) {
            drawings.add(d.getId() + ": " + d.lookupAll(".label").stream().map(l -> ((Label) l).getText()).toList());
            MethodDrawing drawing = (MethodDrawing) d;
            WritableImage image = WaitForAsyncUtils.asyncFx(() -> drawing.canvas().snapshot(null, null)).get(30, TimeUnit.SECONDS);
            pixels.add(argb(image));
        }
        JFreeChart widths = ((ChartViewer) root.lookup("#widthsChart")).getChart();
        CategoryDataset bars = widths.getCategoryPlot().getDataset();
        List<String> barValues = new ArrayList<>();
        for (Object row : bars.getRowKeys()) {
            for (Object col : bars.getColumnKeys()) {
                barValues.add(row + "/" + col + "=" + bars.getValue((Comparable<?>) row, (Comparable<?>) col));
            }
        }
        XYDataset curves = ((XYPlot) ((ChartViewer) root.lookup("#accuracyChart")).getChart().getPlot()).getDataset();
        List<String> points = new ArrayList<>();
        for (int s = 0; s < curves.getSeriesCount(); s++) {
            for (int i = 0; i < curves.getItemCount(s); i++) {
                points.add(curves.getSeriesKey(s) + ": " + curves.getXValue(s, i) + " → " + curves.getYValue(s, i));
            }
        }
        List<String> subtitles = new ArrayList<>();
        for (int i = 0; i < widths.getSubtitleCount(); i++) {
            Title t = widths.getSubtitle(i);
            if (t instanceof TextTitle text) {
                subtitles.add(text.getText() + " in " + text.getPaint());
            }
        }
        return new Shown(rows, ((Label) root.lookup("#compareSummary")).getText(), List.copyOf(group.getItems()), drawings,
                pixels, barValues, points, subtitles);
    }

    private static int[] argb(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] out = new int[w * h];
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = r.getArgb(x, y);
            }
        }
        return out;
    }

    @Test
    void aComparisonRunInTheWindowReopensFromTheSessionAsItWas(FxRobot robot) throws Exception {
        awaitIdle();
        CompareModel compare = workbench.tools().compare().model();
        Clicks.on(robot, "#compareButton", () -> workbench.view().toolsView().tabs().getSelectionModel().getSelectedIndex() == 1
                && Clicks.showing(robot, "#runCompare"));
        Clicks.on(robot, "#method-global-topk", () -> !compare.method("global-topk").get());
        Clicks.on(robot, "#modeSweep", () -> compare.modeProperty().get() == ExperimentSpec.Mode.SWEEP);
        type(robot, "#sweepField", "0.5, 0.95");
        type(robot, "#epochsField", "1");
        type(robot, "#probeSamplesField", "300");
        type(robot, "#trainSamplesField", "400");
        assertThat(compare.chosenMethods()).containsExactly("mipp", "local-magnitude");
        BooleanSupplier started = Clicks.startedTask(runner());
        Clicks.on(robot, "#runCompare", () -> started.getAsBoolean() || compare.resultProperty().get() != null || !errors.isEmpty());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || compare.resultProperty().get() != null && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        ExperimentResult result = compare.resultProperty().get();
        // the finished run is what the session keeps, with the data set and split seed it ran on
        assertThat(workbench.model().comparisons()).singleElement()
                .satisfies(kept -> assertThat(ExperimentResultJson.read(kept.document(), "kept")).isEqualTo(result));
        assertThat(result.origin()).isEqualTo(new SplitOrigin("digits", 1));
        MethodResult collapsed = result.find("local-magnitude", "0.9500").orElseThrow();
        assertThat(collapsed.collapsedLayers()).containsExactly("fc1", "fc2");
        Shown before = shown(robot, workbench);
        assertThat(before.rows()).hasSize(1 + result.results().size());
        assertThat(before.rows().get(0)).startsWith("unpruned | — | 0% | 24/12");

        Path file = tmp.resolve("compared" + SessionFiles.EXTENSION);
        robot.interact(() -> workbench.sessions().saveTo(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> file.equals(workbench.sessions().fileProperty().get()));
        assertThat(SessionFiles.read(file).comparisons()).singleElement()
                .satisfies(kept -> assertThat(kept.document().path("data").path("splitSeed").asLong()).isEqualTo(1));
        robot.interact(() -> workbench.stage().hide());

        Workbench[] opened = new Workbench[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            extraStages.add(stage);
            opened[0] = Workbench.open(stage, options(""));
        });
        Workbench again = opened[0];
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> again.sessions().open(file, true));
        CompareModel restored = again.tools().compare().model();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> restored.resultProperty().get() != null
                && again.model().probeProperty().get() != null && !again.runner().isBusy());
        robot.interact(() -> again.tools().showCompare());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        assertThat(restored.resultProperty().get()).isEqualTo(result);
        assertThat(shown(robot, again)).usingRecursiveComparison().isEqualTo(before);
        // the 95% group too, with its collapsed flags in red
        @SuppressWarnings("unchecked")
        ComboBox<String> groupAgain = (ComboBox<String>) again.stage().getScene().getRoot().lookup("#compareGroup");
        robot.interact(() -> groupAgain.setValue("target sparsity 0.9500"));
        WaitForAsyncUtils.waitForFxEvents();
        Node flagged = again.stage().getScene().getRoot().lookup("#" + CompareView.drawingId(collapsed));
        assertThat(((Label) flagged.lookup(".collapsed-flag")).getText()).isEqualTo("Collapsed: fc1, fc2");
        Node redRow = again.stage().getScene().getRoot().lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> tr && tr.getItem() instanceof CompareRow r
                        && r.result() != null && r.result().equals(collapsed)).findFirst().orElseThrow();
        assertThat(redRow.getStyleClass()).contains("collapsed-row");
        // the form shows what it ran with
        assertThat(restored.chosenMethods()).containsExactly("mipp", "local-magnitude");
        assertThat(restored.modeProperty().get()).isEqualTo(ExperimentSpec.Mode.SWEEP);
        assertThat(((TextField) again.stage().getScene().getRoot().lookup("#sweepField")).getText()).isEqualTo("0.5, 0.95");
        assertThat(((TextField) again.stage().getScene().getRoot().lookup("#epochsField")).getText()).isEqualTo("1");
        Screenshots.save(again.stage().getScene(), "compare-restored-from-session");

        // a restored MIPP row can be worked on: MIPP replays on the same probe samples and finds the same plan
        MethodResult mipp = restored.resultProperty().get().find("mipp", "own").orElseThrow();
        robot.interact(() -> restored.selectedProperty().set(mipp));
        robot.interact(() -> again.tools().compare().useSelected());
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || again.tools().workingNetwork().candidateProperty().get() != null && !again.runner().isBusy());
        assertThat(errors).isEmpty();
        assertThat(again.tools().workingNetwork().candidateProperty().get().plan()).isEqualTo(mipp.plan());
        assertThat(again.tools().workingNetwork().candidateProperty().get().trace()).as("replayed trace").isNotNull();
    }

    @Test
    void aDamagedComparisonInASessionIsOneMessageAndTheRestOpens(FxRobot robot) throws Exception {
        awaitIdle();
        JsonNode bad = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"format\": \"infoprune-comparison\", \"version\": 1, \"mode\": \"fixed\"}");
        robot.interact(() -> workbench.model().comparisons().setAll(SessionComparison.read(bad, "the session's comparison")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).singleElement().asString()
                .isEqualTo("Cannot show the saved comparison: the session's comparison: \"unpruned\" must be an object");
        assertThat(workbench.tools().compare().model().resultProperty().get()).isNull();
        assertThat(workbench.model().network()).isNotNull();
    }
}
