package dev.infoprune.ui.export;

import dev.infoprune.core.Progress;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.onnx.OnnxImport;
import dev.infoprune.prune.PlanFiles;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.mipp.MippTrace;
import dev.infoprune.prune.mipp.TraceFiles;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.TrainedWorkbenchTest;
import dev.infoprune.ui.flows.PrunedNetwork;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Export: every artefact written and read back; a bad target is a dialog and nothing is written. */
class ExportDialogTest extends TrainedWorkbenchTest {
    @Start
    void start(Stage stage) throws Exception {
        open(stage);
    }

    private void openExport(FxRobot robot) {
        Clicks.on(robot, "#exportButton", () -> robot.lookup("#exportDialog").tryQuery().isPresent());
    }

    /** Presses Export until it has started writing, closed the dialog, or reported a problem. */
    private void confirmExport(FxRobot robot) {
        BooleanSupplier started = Clicks.startedTask(runner());
        int problems = errors.size();
        Clicks.on(robot, "#exportConfirm", () -> started.getAsBoolean() || errors.size() > problems
                || robot.lookup("#exportDialog").tryQuery().isEmpty());
    }

    private String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void everyArtefactOfAMippResultIsWrittenAndReadsBack(FxRobot robot) throws Exception {
        awaitIdle();
        Network open = workbench.model().network();
        Clicks.on(robot, "#compareButton", () -> Clicks.showing(robot, "#runCompare"));
        type(robot, "#epochsField", "1");
        type(robot, "#probeSamplesField", "300");
        BooleanSupplier comparing = Clicks.startedTask(runner());
        Clicks.on(robot, "#runCompare", () -> comparing.getAsBoolean() || !errors.isEmpty());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || workbench.tools().compare().model().resultProperty().get() != null && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        ExperimentResult result = workbench.tools().compare().model().resultProperty().get();

        // pick MIPP's row (the first after the unpruned one) and work on it
        Node mippRow = robot.lookup(".table-row-cell").match(n -> n instanceof TableRow<?> r && r.getIndex() == 1).query();
        Clicks.on(robot, mippRow, () -> workbench.tools().compare().model().selectedProperty().get() == result.results().get(0),
                "MIPP's row");
        BooleanSupplier replaying = Clicks.startedTask(runner());
        Clicks.on(robot, "#useSelected", () -> replaying.getAsBoolean() || !errors.isEmpty()
                || workbench.tools().workingNetwork().candidateProperty().get() != null);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || workbench.tools().workingNetwork().candidateProperty().get() != null && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        PrunedNetwork candidate = workbench.tools().workingNetwork().candidateProperty().get();
        assertThat(candidate.label()).isEqualTo("mipp (own sparsity)");
        assertThat(candidate.plan()).isSameAs(result.results().get(0).plan());
        assertThat(candidate.trace()).as("MIPP replayed on the same probe split gives the same plan and its trace").isNotNull();
        int removed = candidate.unpruned().prunableLayerNames().stream().mapToInt(l ->
                open.layer(open.indexOf(l)).units() - candidate.plan().keptCount(l)).sum();
        assertThat(workbench.model().networkView().removedProperty().get().values().stream()
                .mapToInt(java.util.BitSet::cardinality).sum()).isEqualTo(removed);

        openExport(robot);
        Path out = tmp.resolve("exports/run 1");
        Clicks.write(robot, "#exportFolder", out.toString());
        assertThat(robot.lookup("#exportName").queryAs(TextField.class).getText()).isEqualTo("digits-mlp-mipp");
        assertThat(label(robot, "#export-source-trace")).isEqualTo(candidate.trace().steps().size() + " decisions of mipp (own sparsity)");
        Screenshots.save(robot.lookup("#exportDialog").query().getScene(), "export-dialog");
        Node view = workbench.view().toolsView().tabs().getSelectionModel().getSelectedItem().getContent();
        confirmExport(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || Files.exists(out.resolve("view.png")) && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        assertThat(robot.lookup("#exportDialog").tryQuery()).isEmpty();
        assertThat(label(robot, "#statusMessage")).isEqualTo("Exported 6 items to " + out.toAbsolutePath());

        Network pruned = candidate.network();
        Network folder = ModelFolder.read(out.resolve("digits-mlp-mipp"));
        assertThat(folder.name()).isEqualTo("digits-mlp-mipp");
        assertThat(folder.sameWeightsAs(pruned)).isTrue();
        assertThat(folder.unitLayerWidths()).containsExactly(pruned.unitLayerWidths());

        Network onnx = OnnxImport.read(out.resolve("digits-mlp-mipp.onnx"));
        var test = DatasetLocator.resolve("digits", 1).test();
        double[] a = Inference.outputs(onnx, test, Progress.NONE).data();
        double[] b = Inference.outputs(pruned, test, Progress.NONE).data();
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], org.assertj.core.data.Offset.offset(1e-4));
        }

        PruningPlan plan = PlanFiles.readFor(out.resolve("plan.json"), open);
        for (String layer : open.prunableLayerNames()) {
            assertThat(plan.keptIn(layer)).containsExactly(candidate.plan().keptIn(layer));
        }
        MippTrace trace = TraceFiles.read(out.resolve("trace.json"));
        assertThat(trace.steps()).hasSameSizeAs(candidate.trace().steps());
        for (int i = 0; i < trace.steps().size(); i++) {
            assertThat(trace.steps().get(i).sameOutcome(candidate.trace().steps().get(i))).isTrue();
        }

        List<String> csv = Files.readAllLines(out.resolve("report/results.csv"));
        assertThat(csv).hasSize(1 + result.results().size());
        assertThat(csv.get(1)).startsWith("own,mipp,");
        assertThat(Files.readString(out.resolve("report/report.html"))).contains("global-topk").contains("<img");

        BufferedImage png = ImageIO.read(out.resolve("view.png").toFile());
        assertThat(png.getWidth()).isEqualTo((int) Math.ceil(view.getLayoutBounds().getWidth()));
        assertThat(png.getHeight()).isEqualTo((int) Math.ceil(view.getLayoutBounds().getHeight()));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("digits-mlp-mipp", "digits-mlp-mipp.onnx", "plan.json", "report", "trace.json", "view.png");
        }
    }

    @Test
    void aBadTargetIsADialogTheExportDialogStaysAndNothingIsWritten(FxRobot robot) throws Exception {
        awaitIdle();
        Path file = tmp.resolve("not-a-folder.txt");
        Files.writeString(file, "keep me");
        List<String> before;
        try (Stream<Path> s = Files.list(tmp)) {
            before = s.map(Path::toString).sorted().toList();
        }
        openExport(robot);
        // without a comparison there is no plan, trace or report: the dialog says why
        assertThat(label(robot, "#export-source-plan")).startsWith("not available: no plan yet");
        assertThat(label(robot, "#export-source-trace")).startsWith("not available: no MIPP trace");
        assertThat(label(robot, "#export-source-report")).startsWith("not available: no comparison yet");
        assertThat(robot.lookup("#export-plan").queryAs(javafx.scene.control.CheckBox.class).isDisabled()).isTrue();

        type(robot, "#exportFolder", file.toString());
        confirmExport(robot);
        assertThat(errors).containsExactly("Cannot export: " + file + ": is a file, not a folder");
        assertThat(robot.lookup("#exportDialog").tryQuery()).isPresent();
        assertThat(robot.lookup("#exportFolder").queryAs(TextField.class).getText()).isEqualTo(file.toString());

        type(robot, "#exportFolder", file.resolve("inside").toString());
        confirmExport(robot);
        assertThat(errors.get(1)).isEqualTo("Cannot export: " + file.resolve("inside") + ": cannot be created: " + file + " is a file");
        type(robot, "#exportName", "a/b");
        type(robot, "#exportFolder", tmp.resolve("fine").toString());
        confirmExport(robot);
        assertThat(errors.get(2)).contains("model name").contains("not a plain file name");
        assertThat(Files.readString(file)).isEqualTo("keep me");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(Path::toString).sorted().toList()).isEqualTo(before);
        }

        // corrected, the same dialog exports what there is: the open network, its ONNX file and the view
        type(robot, "#exportName", "digits-mlp");
        confirmExport(robot);
        Path out = tmp.resolve("fine");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.exists(out.resolve("view.png")) && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("digits-mlp", "digits-mlp.onnx", "view.png");
        }
        assertThat(ModelFolder.read(out.resolve("digits-mlp")).sameWeightsAs(workbench.model().network())).isTrue();
        assertThat(errors).hasSize(3);
    }
}
