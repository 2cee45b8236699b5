package dev.infoprune.ui.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.infoprune.core.Progress;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.prune.mipp.MippRun;
import dev.infoprune.prune.mipp.MippSettings;
import dev.infoprune.prune.mipp.TraceFiles;
import dev.infoprune.study.Experiment;
import dev.infoprune.study.ExperimentSpec;
import dev.infoprune.study.FineTuner;
import dev.infoprune.study.ReportWriter;
import dev.infoprune.study.StudyMethods;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.network.NodeScore;
import dev.infoprune.workspace.Autosave;
import dev.infoprune.workspace.EstimatorChoice;
import dev.infoprune.workspace.MippState;
import dev.infoprune.workspace.SessionComparison;
import dev.infoprune.workspace.SessionFiles;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions as a user meets them: save, close the window, open a new one and the session file shows the same
 * model, data set, estimator, scores, MIPP position and comparison results; after a crash the autosave is offered.
 */
@ExtendWith(ApplicationExtension.class)
class SessionWorkbenchTest {
    @TempDir
    Path tmp;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final List<Stage> extraStages = new ArrayList<>();
    private Workbench workbench;
    private Network network;
    private Path sessionFile;
    private FileDialogs dialogs;

    @Start
    void start(Stage stage) throws Exception {
        network = RandomNetworks.mlp(17, 64, 20, 12, 10).withName("session-mlp")
                .withCard(new ModelCard("digits", 1L, 1, null, null, null, null));
        Path folder = tmp.resolve("session-mlp");
        ModelFolder.write(network, folder);
        sessionFile = tmp.resolve("sessions").resolve("my-work" + SessionFiles.EXTENSION);
        dialogs = new FileDialogs() {
            @Override
            public Optional<Path> chooseSessionToSave(Window owner, Path suggested) {
                return Optional.of(sessionFile.resolveSibling("my-work"));
            }

            @Override
            public Optional<Path> chooseSessionToOpen(Window owner) {
                return Optional.of(sessionFile);
            }
        };
        workbench = Workbench.open(stage, options(folder.toString()));
    }

    private WorkbenchOptions options(String initial) {
        return new WorkbenchOptions(tmp.resolve("home"), initial, (title, message, cause) -> errors.add(message), dialogs, 3600);
    }

    @AfterEach
    void closeExtraWindows(FxRobot robot) {
        robot.interact(() -> extraStages.forEach(Stage::hide));
    }

    private static void awaitIdle(Workbench wb) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> wb.model().probeProperty().get() != null && !wb.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A session being opened resumes its MIPP run in a second task. */
    private static void awaitRestored(Workbench wb) throws Exception {
        awaitIdle(wb);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> wb.model().mipp().track() != null && !wb.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** ksg scores, the CMI shown, a MIPP run stepped 12 forward and 4 back, and one comparison. */
    private void workOnTheModel(FxRobot robot) throws Exception {
        awaitIdle(workbench);
        robot.interact(() -> workbench.view().estimatorChooser().setValue(new EstimatorChoice("ksg", Map.of("k", "4"))));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> workbench.model().networkView().scoreProperty().get().estimator().contains("k=4")
                && !workbench.runner().isBusy());
        robot.interact(() -> workbench.controller().selectScore("label-cmi"));
        // choosing a score may start its computation: Start MIPP is disabled until that is done
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !workbench.runner().isBusy()
                && !robot.lookup("#mippStart").queryButton().isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        // MIPP in the stepper: 12 steps forward, 4 back
        Clicks.chooseMippEstimator(robot, "gaussian");
        BooleanSupplier starting = Clicks.startedTask(workbench.runner());
        Clicks.on(robot, "#mippStart", () -> starting.getAsBoolean() || !errors.isEmpty());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> workbench.model().mipp().track() != null && !workbench.runner().isBusy());
        for (int k = 1; k <= 12; k++) {
            step(robot, workbench, k);
        }
        for (int k = 11; k >= 8; k--) {
            int target = k;
            Clicks.on(robot, "#mippBack", () -> workbench.model().mipp().position() == target);
        }
        JsonNode comparison = ReportWriter.json(new Experiment(ExperimentSpec.at(network, DatasetLocator.resolve("digits", 1),
                List.of("local-magnitude"), 0.5, 1), new StudyMethods(), FineTuner.NONE).run(Progress.NONE));
        robot.interact(() -> workbench.model().comparisons().add(SessionComparison.read(comparison, "test")));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses Step until the stepper computes step {@code k}, and waits for it. */
    private static void step(FxRobot robot, Workbench wb, int k) throws Exception {
        BooleanSupplier started = Clicks.startedTask(wb.runner());
        Clicks.on(robot, "#mippStep", () -> wb.model().mipp().position() == k || started.getAsBoolean());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> wb.model().mipp().position() == k && !wb.runner().isBusy());
    }

    /** What the user sees and what the window holds, to compare before and after. */
    private record Seen(String name, String source, String data, String legendTitle, String legendEstimator,
                        EstimatorChoice chooser, String shownScore, Map<String, List<Double>> values, JsonNode mippTrace,
                        int mippPosition, String mippText, String mippPositionText, Map<String, java.util.BitSet> removed,
                        List<String> comparisons) {
    }

    private static Seen seen(FxRobot robot, Workbench wb) throws Exception {
        ObjectMapper json = new ObjectMapper();
        NodeScore shown = wb.model().networkView().scoreProperty().get();
        Map<String, List<Double>> values = new java.util.TreeMap<>();
        for (NodeScore s : wb.model().scores()) {
            for (String layer : wb.model().network().prunableLayerNames()) {
                values.put(s.id() + "/" + layer, java.util.Arrays.stream(s.byLayer().get(layer)).boxed().toList());
            }
        }
        MippState m = wb.controller().mipp().sessionState();
        return new Seen(text(robot, wb, "#modelName"), text(robot, wb, "#modelSource"), text(robot, wb, "#dataDescription"),
                text(robot, wb, "#legendTitle"), text(robot, wb, "#legendEstimator"), wb.view().estimatorChooser().getValue(),
                shown.id(), values, m == null ? null : json.readTree(TraceFiles.toJson(m.trace())),
                m == null ? -1 : m.position(), text(robot, wb, "#mippStepText"), text(robot, wb, "#mippPosition"),
                wb.model().networkView().removedProperty().get(), wb.model().comparisons().stream().map(c -> c.document().toString()).toList());
    }

    private static String text(FxRobot robot, Workbench wb, String id) {
        return ((Label) wb.stage().getScene().lookup(id)).getText();
    }

    @Test
    void aSavedSessionReopensInANewWindowAsItWas(FxRobot robot) throws Exception {
        workOnTheModel(robot);
        Seen before = seen(robot, workbench);
        String inUseBefore = text(robot, workbench, "#mippSettingsInUse");
        assertThat(inUseBefore).contains("gaussian");
        assertThat(before.legendEstimator()).contains("ksg(").contains("k=4");
        assertThat(before.shownScore()).isEqualTo("label-cmi");
        assertThat(before.mippPosition()).isEqualTo(8);

        Clicks.menu(robot, "File", "Save session", () -> !errors.isEmpty() || workbench.sessions().fileProperty().get() != null
                || workbench.runner().lastOutcomeProperty().get().startsWith("Saving session"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workbench.sessions().fileProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.sessions().fileProperty().get()).isEqualTo(sessionFile);
        assertThat(workbench.stage().getTitle()).isEqualTo("InfoPrune — my-work" + SessionFiles.EXTENSION);
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).contains("Session saved");
        assertThat(new dev.infoprune.workspace.SettingsStore(tmp.resolve("home")).load().recentFiles()).first()
                .isEqualTo(sessionFile.toString());
        Screenshots.save(workbench.stage().getScene(), "session-saved");

        robot.interact(() -> workbench.stage().hide());
        assertThat(new Autosave(tmp.resolve("home")).recoverable()).isEmpty();

        Workbench[] reopened = new Workbench[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            extraStages.add(stage);
            reopened[0] = Workbench.open(stage, options(""));
        });
        Workbench again = reopened[0];
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#recoveryDialog").tryQuery()).isEmpty();
        assertThat(again.model().network()).isNull();
        BooleanSupplier opening = Clicks.startedTask(again.runner());
        Clicks.menu(robot, "File", "Open session…", () -> opening.getAsBoolean() || !errors.isEmpty());
        awaitRestored(again);
        Seen after = seen(robot, again);
        assertThat(errors).isEmpty();
        assertThat(after).isEqualTo(before);
        assertThat(again.stage().getTitle()).isEqualTo("InfoPrune — my-work" + SessionFiles.EXTENSION);
        // the MIPP run resumes from the restored state where it stood
        assertThat(after.mippPositionText()).isEqualTo("step 8 of 32 · 12 computed");
        assertThat(text(robot, again, "#mippSettingsInUse")).isEqualTo(inUseBefore);
        // stepping on computes step 13 on the resumed run, exactly as the first window would have
        for (int k = 9; k <= 13; k++) {
            step(robot, again, k);
        }
        MippRun reference = MippRun.start(network, again.model().probeProperty().get(), MippSettings.gaussian());
        for (int i = 0; i < 13; i++) {
            var expected = reference.next();
            var actual = again.model().mipp().track().computed().get(i);
            assertThat(actual.sameOutcome(expected)).as("step %d", i).isTrue();
            assertThat(actual.miWith()).isEqualTo(expected.miWith());
        }
        Screenshots.save(again.stage().getScene(), "session-reopened");
    }

    @Test
    void afterACrashTheAutosaveIsOfferedAndRecovered(FxRobot robot) throws Exception {
        workOnTheModel(robot);
        Seen before = seen(robot, workbench);
        Path autosave = tmp.resolve("home").resolve(Autosave.FILE);
        // autosaved a moment after the last change, without saving by hand
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(autosave)
                && SessionFiles.read(autosave).mipp() != null && SessionFiles.read(autosave).mipp().position() == 8
                && !SessionFiles.read(autosave).comparisons().isEmpty());
        assertThat(workbench.sessions().fileProperty().get()).isNull();

        // the first window never closes (as in a crash); a new start finds the autosave newer than the last clean exit
        Workbench[] next = new Workbench[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            extraStages.add(stage);
            next[0] = Workbench.open(stage, options(""));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#recoverSession").tryQuery().isPresent());
        Screenshots.save(robot.lookup("#recoveryDialog").queryParent().getScene(), "session-recovery-offer");
        BooleanSupplier recovering = Clicks.startedTask(next[0].runner());
        Clicks.on(robot, "#recoverSession", () -> recovering.getAsBoolean() || robot.lookup("#recoveryDialog").tryQuery().isEmpty());
        awaitRestored(next[0]);
        assertThat(errors).isEmpty();
        assertThat(seen(robot, next[0])).isEqualTo(before);
        // recovered work is not yet saved anywhere but the autosave: Save asks where
        assertThat(next[0].sessions().fileProperty().get()).isNull();
    }

    @Test
    void declinedRecoveryIsNotOfferedAgain(FxRobot robot) throws Exception {
        awaitIdle(workbench);
        robot.interact(() -> workbench.sessions().autosaveNow());
        workbench.sessions().awaitAutosave();
        Workbench[] next = new Workbench[1];
        robot.interact(() -> {
            Stage stage = new Stage();
            extraStages.add(stage);
            next[0] = Workbench.open(stage, options(""));
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#discardSession").tryQuery().isPresent());
        Clicks.on(robot, "#discardSession", () -> robot.lookup("#recoveryDialog").tryQuery().isEmpty());
        assertThat(next[0].model().network()).isNull();
        assertThat(new Autosave(tmp.resolve("home")).recoverable()).isEmpty();
    }
}
