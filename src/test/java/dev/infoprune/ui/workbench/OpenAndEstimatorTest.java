package dev.infoprune.ui.workbench;

import dev.infoprune.core.Progress;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.info.Estimators;
import dev.infoprune.info.NodeScorer;
import dev.infoprune.info.ScoreKind;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.onnx.OnnxExport;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.workspace.DataChoice;
import dev.infoprune.workspace.ProbeScores;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
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
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** File › Open model… takes an ONNX file (a bad one is one message); the estimator chooser recomputes the scores. */
@ExtendWith(ApplicationExtension.class)
class OpenAndEstimatorTest {
    @TempDir
    Path tmp;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final AtomicReference<Path> chosenModel = new AtomicReference<>();
    private Workbench workbench;
    private Network network;

    @Start
    void start(Stage stage) throws Exception {
        network = RandomNetworks.mlp(5, 64, 24, 12, 10).withName("digits-mlp")
                .withCard(new ModelCard("digits", 1L, 1, null, null, null, null));
        Path folder = tmp.resolve("digits-mlp");
        ModelFolder.write(network, folder);
        FileDialogs dialogs = new FileDialogs() {
            @Override
            public Optional<Path> chooseModelFile(Window owner) {
                return Optional.ofNullable(chosenModel.get());
            }
        };
        workbench = Workbench.open(stage, new WorkbenchOptions(tmp.resolve("home"), folder.toString(),
                (title, message, cause) -> errors.add(message), dialogs));
        busyWhenShown = workbench.runner().isBusy();
    }

    private boolean busyWhenShown;

    @Test
    void theModelIsReadOnlyAfterTheWindowIsOnScreen() throws Exception {
        // reading a model loads DJL's native library; the window must not wait for it
        assertThat(busyWhenShown).isFalse();
        awaitIdle();
        assertThat(workbench.model().network().name()).isEqualTo("digits-mlp");
    }

    private void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> workbench.model().probeProperty().get() != null
                && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** File › Open model…, until the model is being read (or was refused). */
    private void openModelFromTheMenu(FxRobot robot) {
        BooleanSupplier reading = Clicks.startedTask(workbench.runner());
        int refusals = errors.size();
        Clicks.menu(robot, "File", "Open model…", () -> reading.getAsBoolean() || errors.size() > refusals);
    }

    /** Presses Enter in the estimator's field {@code k} until the scores are being recomputed (or it was refused). */
    private void enterInK(FxRobot robot, BooleanSupplier refused) {
        BooleanSupplier recomputing = Clicks.startedTask(workbench.runner());
        Clicks.key(robot, () -> recomputing.getAsBoolean() || refused.getAsBoolean(), "Enter in the field k", KeyCode.ENTER);
    }

    private String legendEstimator(FxRobot robot) {
        return robot.lookup("#legendEstimator").queryAs(Label.class).getText();
    }

    @Test
    void anOnnxFileOpensFromTheFileMenuAndABadOneKeepsTheOpenModel(FxRobot robot) throws Exception {
        awaitIdle();
        Network other = RandomNetworks.mlp(8, 64, 20, 10, 10).withName("onnx-mlp");
        Path onnx = tmp.resolve("other.onnx");
        OnnxExport.write(other, onnx);
        chosenModel.set(onnx);
        openModelFromTheMenu(robot);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.model().network() != network
                && workbench.model().probeProperty().get() != null && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        Network shown = workbench.model().network();
        assertThat(shown.unitLayerWidths()).containsExactly(20, 10, 10);
        assertThat(shown.sameWeightsAs(other.withName(shown.name()))).isTrue();
        assertThat(robot.lookup("#modelArchitecture").queryAs(Label.class).getText()).isEqualTo("input 64 → 20 → 10 → 10");
        assertThat(robot.lookup("#modelSource").queryAs(Label.class).getText()).endsWith("other.onnx");
        assertThat(workbench.view().networkView().currentLayout().columns()).hasSize(4);
        Screenshots.save(workbench.stage().getScene(), "onnx-opened");

        Path bad = tmp.resolve("bad.onnx");
        Files.write(bad, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        chosenModel.set(bad);
        openModelFromTheMenu(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !errors.isEmpty() && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).singleElement().asString().contains("bad.onnx");
        assertThat(workbench.model().network()).isSameAs(shown);
        assertThat(workbench.model().probeProperty().get()).isNotNull();
        assertThat(robot.lookup("#modelSource").queryAs(Label.class).getText()).endsWith("other.onnx");
    }

    @Test
    void choosingAnEstimatorAndItsParametersRecomputesTheScoresAndTheLegendSaysSo(FxRobot robot) throws Exception {
        awaitIdle();
        assertThat(legendEstimator(robot)).startsWith("estimator: gaussian(");
        var gaussianScore = workbench.model().networkView().scoreProperty().get();

        Clicks.choose(robot, "#estimatorName", "ksg");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> legendEstimator(robot).contains("ksg(") && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(legendEstimator(robot)).contains("k=3");
        assertThat(robot.lookup("#estimatorParam-k").queryAs(TextField.class).getPromptText()).isEqualTo("3");
        var ksgScore = workbench.model().networkView().scoreProperty().get();
        assertThat(ksgScore.id()).isEqualTo(gaussianScore.id());
        assertThat(ksgScore.value("fc1", 4)).isNotEqualTo(gaussianScore.value("fc1", 4));

        Clicks.write(robot, "#estimatorParam-k", "5");
        enterInK(robot, () -> false);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> legendEstimator(robot).contains("k=5") && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        // the values shown are ksg(k=5)'s on the same probe sample, computed independently here
        var probe = ProbeScores.probeSample(DataChoice.of("digits"), Progress.NONE);
        var acts = ActivationCapture.capture(network, probe, Progress.NONE);
        double[] expected = new NodeScorer(Estimators.create("ksg", java.util.Map.of("k", "5")))
                .score(ScoreKind.LABEL_MI, network, acts, Progress.NONE).of("fc2");
        var shown = workbench.model().networkView().scoreProperty().get();
        for (int u = 0; u < expected.length; u++) {
            assertThat(shown.value("fc2", u)).isEqualTo(expected[u]);
        }
        Screenshots.save(workbench.stage().getScene(), "estimator-ksg-k5");

        // a value the estimator refuses is marked, explained, and changes nothing
        TextField k = robot.lookup("#estimatorParam-k").queryAs(TextField.class);
        Clicks.write(robot, "#estimatorParam-k", "zero");
        enterInK(robot, () -> k.getStyleClass().contains("invalid"));
        assertThat(robot.lookup("#estimatorProblem").queryAs(Label.class).getText()).contains("k").contains("zero");
        assertThat(k.getStyleClass()).contains("invalid");
        assertThat(workbench.runner().isBusy()).isFalse();
        assertThat(workbench.model().networkView().scoreProperty().get()).isSameAs(shown);
        assertThat(workbench.model().estimatorProperty().get().options()).containsEntry("k", "5");
    }
}
