package dev.infoprune.ui.mipp;

import dev.infoprune.core.Progress;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.prune.mipp.MippRun;
import dev.infoprune.prune.mipp.MippSettings;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.workbench.Workbench;
import dev.infoprune.ui.workbench.WorkbenchOptions;
import dev.infoprune.workspace.DataChoice;
import dev.infoprune.workspace.EstimatorChoice;
import dev.infoprune.workspace.MippState;
import dev.infoprune.workspace.ModelSource;
import dev.infoprune.workspace.ProbeScores;
import dev.infoprune.workspace.Session;
import dev.infoprune.workspace.SessionFiles;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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

/**
 * The MIPP form shows the settings a restored session's run was made with (not the defaults), and a new run
 * started after the restore uses them.
 */
@ExtendWith(ApplicationExtension.class)
class MippFormSessionTest {
    @TempDir
    Path tmp;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = Workbench.open(stage, new WorkbenchOptions(tmp.resolve("home"), "",
                (title, message, cause) -> errors.add(message), null, 3600));
    }

    /** A session whose MIPP run (3 steps done) was made at x = 0.8, R = 4, seed 7 with the Gaussian estimator. */
    private Path sessionWithNonDefaultMipp() throws Exception {
        Network network = RandomNetworks.mlp(23, 64, 16, 8, 10).withName("form-mlp")
                .withCard(new ModelCard("digits", 1L, 1, null, null, null, null));
        Path folder = tmp.resolve("form-mlp");
        ModelFolder.write(network, folder);
        DataChoice data = new DataChoice("digits", 2, 300);
        EstimatorChoice scores = EstimatorChoice.DEFAULT;
        ProbeScores.Result scored = ProbeScores.compute(network, data, scores, Progress.NONE);
        MippRun run = MippRun.start(network, scored.probe(),
                MippSettings.gaussian().withConfidence(0.8).withRepeats(4).withSeed(7));
        for (int i = 0; i < 3; i++) {
            run.next();
        }
        MippState mipp = MippState.of(run, new EstimatorChoice("gaussian", Map.of()));
        Path file = tmp.resolve("non-default-mipp" + SessionFiles.EXTENSION);
        SessionFiles.write(new Session(ModelSource.of(folder.toString()), null, data, scores, scored.scores(), null,
                mipp, List.of(), 0), file);
        return file;
    }

    @Test
    void aRestoredSessionShowsItsMippSettingsInTheFormAndTheNextRunUsesThem(FxRobot robot) throws Exception {
        Path file = sessionWithNonDefaultMipp();
        robot.interact(() -> workbench.sessions().open(file, true));
        MippModel mipp = workbench.model().mipp();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || mipp.track() != null && mipp.position() == 3 && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();

        assertThat(text(robot, "#mippConfidence")).isEqualTo("0.8");
        assertThat(text(robot, "#mippRepeats")).isEqualTo("4");
        assertThat(text(robot, "#mippSeed")).isEqualTo("7");
        assertThat(robot.lookup("#mippEstimator").<ComboBox<String>>query().getValue()).isEqualTo("gaussian");
        assertThat(robot.lookup("#mippSettingsInUse").queryAs(Label.class).getText()).startsWith("run: x = 0.8, R = 4, gaussian");
        Screenshots.save(workbench.stage().getScene(), "mipp-form-restored-from-session");

        // text that does not read as a number leaves the settings as they were, and Start waits for a number
        TextField confidence = robot.lookup("#mippConfidence").queryAs(TextField.class);
        javafx.scene.control.Button start = robot.lookup("#mippStart").queryButton();
        robot.interact(() -> confidence.setText("0.8x"));
        assertThat(confidence.getStyleClass()).contains("invalid");
        assertThat(start.isDisabled()).isTrue();
        assertThat(mipp.form().confidenceProperty().get()).isEqualTo(0.8);
        robot.interact(() -> confidence.setText("0.8"));
        assertThat(confidence.getStyleClass()).doesNotContain("invalid");
        assertThat(start.isDisabled()).isFalse();

        // a fresh run from the form runs with what the form shows
        BooleanSupplier starting = Clicks.startedTask(workbench.runner());
        Clicks.on(robot, "#mippStart", () -> starting.getAsBoolean() || !errors.isEmpty());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || mipp.track() != null && mipp.position() == 0 && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
        MippState started = Clicks.fx(() -> workbench.controller().mipp().sessionState());
        assertThat(started.position()).isZero();
        assertThat(started.trace().steps()).isEmpty();
        assertThat(started.settings().confidence()).isEqualTo(0.8);
        assertThat(started.settings().repeats()).isEqualTo(4);
        assertThat(started.settings().seed()).isEqualTo(7);
        assertThat(started.estimator().name()).isEqualTo("gaussian");
        assertThat(mipp.track().confidence()).isEqualTo(0.8);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }
}
