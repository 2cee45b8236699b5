package dev.infoprune.ui.mipp;

import dev.infoprune.cli.InfoPruneCli;
import dev.infoprune.prune.PlanFiles;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.ui.Clicks;
import dev.infoprune.ui.Screenshots;
import dev.infoprune.ui.workbench.Workbench;
import dev.infoprune.ui.workbench.WorkbenchOptions;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * First start, Start MIPP, Run to end, as a new user would: the form's defaults run the paper's estimator on the
 * samples the command line takes, and the widths the stepper ends with are those of {@code infoprune prune}.
 */
@ExtendWith(ApplicationExtension.class)
class MippPaperDefaultTest {
    @TempDir
    Path tmp;
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private Workbench workbench;

    @Start
    void start(Stage stage) {
        workbench = Workbench.open(stage, new WorkbenchOptions(tmp.resolve("home"), "mlp-digits",
                (title, message, cause) -> errors.add(title + ": " + message), null));
    }

    @Test
    void runToEndAtTheDefaultsPrunesWhatTheCommandLinePrunes(FxRobot robot) throws Exception {
        javafx.scene.control.Button start = robot.lookup("#mippStart").queryButton();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> workbench.model().probeProperty().get() != null
                && !workbench.runner().isBusy() && !start.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        BooleanSupplier starting = Clicks.startedTask(workbench.runner());
        Clicks.on(robot, "#mippStart", () -> starting.getAsBoolean() || workbench.model().mipp().track() != null || !errors.isEmpty());
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> workbench.model().mipp().track() != null && !workbench.runner().isBusy());
        assertThat(errors).isEmpty();
        assertThat(robot.lookup("#mippSettingsInUse").queryAs(Label.class).getText())
                .contains("reconstruction").contains("1079 samples from the training split");
        BooleanSupplier running = Clicks.startedTask(workbench.runner());
        Clicks.on(robot, "#mippRunToEnd", () -> running.getAsBoolean() || workbench.model().mipp().isFinished());
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> workbench.model().mipp().finishedProperty().get() != null
                && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        MippOutcome outcome = workbench.model().mipp().finishedProperty().get();
        Screenshots.save(robot.window(0).getScene(), "mipp-paper-default-run-to-end");

        Path out = tmp.resolve("cli");
        int status = InfoPruneCli.execute("prune", "mlp-digits", "--data", "digits", "--method", "mipp", "--finetune-epochs", "0", "--out", out.toString());
        assertThat(status).isZero();
        PruningPlan cli = PlanFiles.read(out.resolve(PlanFiles.FILE_NAME));
        String cliWidths = cli.keptCount("fc1") + "/" + cli.keptCount("fc2");
        assertThat(outcome.widths()).isEqualTo(cliWidths);
        assertThat(outcome.plan().keptIn("fc2")).containsExactly(cli.keptIn("fc2"));
        int removed = workbench.model().networkView().removedProperty().get().values().stream().mapToInt(java.util.BitSet::cardinality).sum();
        assertThat(removed).as("units drawn as removed").isEqualTo(192 - cli.keptCount("fc1") - cli.keptCount("fc2")).isPositive();
    }

}
