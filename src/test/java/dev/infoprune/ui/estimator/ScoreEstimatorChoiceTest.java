package dev.infoprune.ui.estimator;

import dev.infoprune.core.Progress;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.Estimators;
import dev.infoprune.info.NodeScorer;
import dev.infoprune.info.ScoreKind;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.network.NodeScore;
import dev.infoprune.ui.workbench.Workbench;
import dev.infoprune.ui.workbench.WorkbenchOptions;
import dev.infoprune.workspace.EstimatorChoice;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The score bar's estimator choice: the scores are recomputed with the estimator and options the user picks. */
@ExtendWith(ApplicationExtension.class)
class ScoreEstimatorChoiceTest {
    @TempDir
    Path tmp;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private Workbench workbench;
    private Network network;

    @Start
    void start(Stage stage) throws Exception {
        network = RandomNetworks.mlp(9, 64, 16, 8, 10).withName("tiny-digits")
                .withCard(new ModelCard("digits", 1L, 1, null, null, null, null));
        Path folder = tmp.resolve("tiny-digits");
        ModelFolder.write(network, folder);
        workbench = Workbench.open(stage, new WorkbenchOptions(tmp.resolve("home"), folder.toString(),
                (title, message, cause) -> errors.add(message), null));
    }

    private void awaitScoresWith(String estimatorText) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !workbench.runner().isBusy()
                && workbench.model().networkView().scoreProperty().get() != null
                && workbench.model().networkView().scoreProperty().get().estimator().startsWith(estimatorText));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void choosingAnEstimatorAndItsOptionsRecomputesTheScoresWithIt(FxRobot robot) throws Exception {
        awaitScoresWith("gaussian");
        Clicks.choose(robot, "#estimatorName", "ksg");
        awaitScoresWith("ksg");
        assertThat(workbench.model().estimatorProperty().get()).isEqualTo(new EstimatorChoice("ksg", Map.of()));
        var probe = DatasetLocator.resolve("digits", 1).probe();
        Activations acts = ActivationCapture.capture(network, probe, Progress.NONE);
        double[] expected = new NodeScorer(Estimators.create("ksg")).score(ScoreKind.LABEL_MI, network, acts, Progress.NONE).of("fc2");
        NodeScore shown = workbench.model().score("label-mi");
        for (int u = 0; u < expected.length; u++) {
            assertThat(shown.value("fc2", u)).isEqualTo(expected[u]);
        }
        assertThat(robot.lookup("#legendEstimator").queryAs(Label.class).getText()).contains("ksg(").contains("k=3");

        // an option: k = 7
        Clicks.write(robot, "#estimatorParam-k", "7");
        BooleanSupplier recomputing = Clicks.startedTask(workbench.runner());
        Clicks.key(robot, recomputing, "Enter in the field k", KeyCode.ENTER);
        awaitScoresWith("ksg");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.model().score("label-mi").estimator().contains("k=7")
                && !workbench.runner().isBusy());
        double[] k7 = new NodeScorer(Estimators.create("ksg", Map.of("k", "7"))).score(ScoreKind.LABEL_MI, network, acts, Progress.NONE).of("fc1");
        assertThat(workbench.model().score("label-mi").value("fc1", 3)).isEqualTo(k7[3]);

        // an option that does not parse is marked and changes nothing
        TextField k = robot.lookup("#estimatorParam-k").queryAs(TextField.class);
        robot.interact(() -> k.setText("many"));
        robot.interact(() -> k.getOnAction().handle(null));
        assertThat(k.getStyleClass()).contains("invalid");
        assertThat(workbench.model().estimatorProperty().get().options()).containsEntry("k", "7");
        assertThat(errors).isEmpty();
        Screenshots.save(workbench.stage().getScene(), "scores-ksg");
    }
}
