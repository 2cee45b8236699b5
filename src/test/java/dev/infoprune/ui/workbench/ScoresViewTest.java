package dev.infoprune.ui.workbench;

import dev.infoprune.core.Progress;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.GaussianEstimator;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.network.NodeId;
import dev.infoprune.ui.network.NodeScore;
import javafx.scene.control.Label;
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
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Information scores: computed on a bundled data set, chosen in the toolbar, shown in legend and inspector. */
@ExtendWith(ApplicationExtension.class)
class ScoresViewTest {
    @TempDir
    Path tmp;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private Workbench workbench;
    private Network network;

    @Start
    void start(Stage stage) throws Exception {
        network = RandomNetworks.mlp(5, 64, 24, 12, 10).withName("digits-mlp")
                .withCard(new ModelCard("digits", 1L, 1, null, null, null, null));
        Path folder = tmp.resolve("digits-mlp");
        ModelFolder.write(network, folder);
        workbench = Workbench.open(stage, new WorkbenchOptions(tmp.resolve("home"), folder.toString(),
                (title, message, cause) -> errors.add(message), null));
    }

    private void awaitScores() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.model().probeProperty().get() != null
                && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theModelsDataSetIsScoredOnOpenAndTheUserCanSwitchTheScore(FxRobot robot) throws Exception {
        awaitScores();
        assertThat(errors).isEmpty();
        NodeScore shown = workbench.model().networkView().scoreProperty().get();
        var probe = dev.infoprune.data.DatasetLocator.resolve("digits", dev.infoprune.workspace.DataChoice.DEFAULT_SEED).probe();
        assertThat(shown.id()).isEqualTo(ScoreViews.id(dev.infoprune.info.ScoreKind.LABEL_MI));
        assertThat(robot.lookup("#legendTitle").queryAs(Label.class).getText()).isEqualTo("I(node; labels) [nats]");
        assertThat(robot.lookup("#legendEstimator").queryAs(Label.class).getText())
                .contains("gaussian").contains(probe.size() + " probe samples of digits");

        // the values shown are the estimator's on the model's own activations over the digits
        Activations acts = ActivationCapture.capture(network, probe, Progress.NONE);
        GaussianEstimator g = new GaussianEstimator();
        double single = g.mutualInformationWithLabels(acts.of("fc2").selectColumns(new int[] {3}), acts.labels()).nats();
        assertThat(shown.value("fc2", 3)).isCloseTo(single, org.assertj.core.data.Offset.offset(1e-9));

        Clicks.choose(robot, "#scoreChoice", "I(node; labels | rest of layer)");
        assertThat(workbench.model().networkView().scoreProperty().get().id()).isEqualTo(ScoreViews.id(dev.infoprune.info.ScoreKind.LABEL_CMI_GIVEN_LAYER));
        assertThat(robot.lookup("#legendTitle").queryAs(Label.class).getText()).startsWith("I(node; labels | rest of layer)");

        Clicks.select(robot, workbench.view().networkView(), workbench.model().networkView(), new NodeId("fc1", 7));
        double cmi = workbench.model().score(ScoreViews.id(dev.infoprune.info.ScoreKind.LABEL_CMI_GIVEN_LAYER)).value("fc1", 7);
        assertThat(robot.lookup("#score-" + ScoreViews.id(dev.infoprune.info.ScoreKind.LABEL_CMI_GIVEN_LAYER)).queryAs(Label.class).getText())
                .isEqualTo(String.format(Locale.ROOT, "%.4g nats", cmi));
        assertThat(robot.lookup("#histogramNote").queryAs(Label.class).getText()).startsWith(probe.size() + " samples");
        Screenshots.save(workbench.stage().getScene(), "scores-and-inspector");
    }

    @Test
    void cancellingLongWorkKeepsTheScoresAndTheWindowAnswers(FxRobot robot) throws Exception {
        awaitScores();
        NodeScore before = workbench.model().networkView().scoreProperty().get();
        CountDownLatch started = new CountDownLatch(1);
        robot.interact(() -> workbench.runner().run("Long work", progress -> {
            started.countDown();
            for (long i = 0; ; i++) {
                progress.checkCancelled();
                progress.update("step " + i, i % 100, 100);
                Thread.sleep(5);
            }
        }, x -> {
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        // the window still answers while the work runs
        Clicks.select(robot, workbench.view().networkView(), workbench.model().networkView(), new NodeId("fc2", 2));
        assertThat(workbench.runner().isBusy()).isTrue();
        Clicks.on(robot, "#cancelTask", () -> !workbench.runner().isBusy());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).contains("cancelled");
        assertThat(workbench.model().networkView().scoreProperty().get()).isSameAs(before);
        assertThat(errors).isEmpty();
    }

    @Test
    void aDataSetThatDoesNotFitTheModelIsRefusedAndTheScoresStay(FxRobot robot) throws Exception {
        awaitScores();
        NodeScore before = workbench.model().networkView().scoreProperty().get();
        robot.interact(() -> workbench.controller().computeScores("iris"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !errors.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).singleElement().asString().contains("iris").contains("expects");
        assertThat(workbench.model().networkView().scoreProperty().get()).isSameAs(before);
        assertThat(workbench.model().dataSpecProperty().get()).isEqualTo("digits");
    }
}
