package dev.infoprune.ui;

import dev.infoprune.ui.task.TaskRunner;
import dev.infoprune.ui.workbench.Workbench;
import dev.infoprune.ui.workbench.WorkbenchOptions;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up the tool views' tests share: a workbench opened on {@link TrainedModels#digitsMlp()} (trained once,
 * off the FX thread), error dialogs collected as {@code title: message}, and the scores awaited. TestFX only
 * finds a {@code @Start} method declared in the test class itself, so each subclass has one that calls
 * {@link #open(Stage)}.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class TrainedWorkbenchTest {
    @TempDir
    protected Path tmp;
    protected final List<String> errors = new CopyOnWriteArrayList<>();
    protected Workbench workbench;

    @BeforeAll
    static void trainOffTheFxThread() {
        TrainedModels.digitsMlp();
    }

    protected void open(Stage stage) throws Exception {
        workbench = Workbench.open(stage, options(TrainedModels.digitsMlpFolder(tmp).toString()));
    }

    /** How the workbench is opened on {@code initialModel}: settings under {@code tmp}, errors collected. */
    protected WorkbenchOptions options(String initialModel) {
        return new WorkbenchOptions(tmp.resolve("home"), initialModel, (title, message, cause) -> errors.add(title + ": " + message),
                null, autosaveSeconds());
    }

    /** How often the workbench autosaves while there are unsaved changes. */
    protected double autosaveSeconds() {
        return WorkbenchOptions.DEFAULT_AUTOSAVE_SECONDS;
    }

    /** A test that failed half-way leaves no work running into the next test. */
    @AfterEach
    void cancelRunningWork(FxRobot robot) {
        if (workbench != null) {
            robot.interact(() -> workbench.runner().cancel());
        }
    }

    protected TaskRunner runner() {
        return workbench.runner();
    }

    /** Waits until the opened model's scores are in and nothing runs; no error may have been reported. */
    protected void awaitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !errors.isEmpty()
                || workbench.model().probeProperty().get() != null && !workbench.runner().isBusy());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(errors).isEmpty();
    }

    /** Sets a settings field's text and commits it, as typing and leaving the field does. */
    protected static void type(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> {
            f.setText(text);
            f.commitValue();
        });
    }
}
