package dev.infoprune.ui.workbench;

import dev.infoprune.ui.flows.OpenModel;
import dev.infoprune.ui.layout.Dividers;
import dev.infoprune.ui.task.ErrorReporter;
import dev.infoprune.ui.task.TaskRunner;
import dev.infoprune.ui.tools.NetworkSwitch;
import dev.infoprune.ui.tools.WorkbenchTools;
import dev.infoprune.workspace.SettingsStore;
import dev.infoprune.workspace.UserSettings;
import dev.infoprune.workspace.WindowState;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import dev.infoprune.workspace.Autosave;
import javafx.scene.control.TextArea;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.util.Objects;

/** Puts the workbench together in a stage: model, controller, view, settings; the composition root. */
public final class Workbench {
    private static final System.Logger LOG = System.getLogger(Workbench.class.getName());
    private final Stage stage;
    private final WorkbenchModel model = new WorkbenchModel();
    private final WorkbenchController controller;
    private final WorkbenchView view;
    private final TaskRunner runner;
    private final WorkbenchTools tools;
    private final SettingsStore settingsStore;
    private final SessionController sessions;
    private final ErrorReporter errors;
    private UserSettings settings;
    private boolean closed;

    private Workbench(Stage stage, WorkbenchOptions options) {
        this.stage = stage;
        this.settingsStore = new SettingsStore(options.settingsFolder());
        this.settings = settingsStore.load();
        this.errors = options.errors() != null ? options.errors() : this::showError;
        this.runner = new TaskRunner(errors);
        this.controller = new WorkbenchController(model, runner, this::remember);
        this.sessions = new SessionController(controller, errors, new Autosave(options.settingsFolder()), this::remember,
                javafx.util.Duration.seconds(options.autosaveSeconds()));
        this.tools = new WorkbenchTools(new OpenModel(model.networkProperty(), model.dataSpecProperty(), model.networkView()),
                model.comparisons(), runner, errors, () -> stage, this::shownView,
                new NetworkSwitch(c -> controller.workOn(c.named(), c.note()), controller::backToOriginal, controller.canGoBackProperty()));
        tools.followMipp(model.mipp());
        this.view = new WorkbenchView(controller, sessions, tools, options.dialogs(), () -> settings.recentFiles());
    }

    private javafx.scene.Node shownView() {
        return view.toolsView().shownContent();
    }

    private void remember(String path) {
        settings = settings.withRecent(path);
        saveSettings();
    }

    /** Builds the workbench in {@code stage}, shows it and starts opening the first model. */
    public static Workbench open(Stage stage, WorkbenchOptions options) {
        Workbench wb = new Workbench(stage, options);
        wb.show();
        // reading a model loads DJL's native PyTorch library: start it only once the window is on screen
        afterFirstFrame(stage.getScene(), () -> {
            var recoverable = wb.sessions.autosave().recoverable();
            if (recoverable.isPresent()) {
                wb.offerRecovery(recoverable.get(), () -> wb.openFirst(options));
            } else {
                wb.openFirst(options);
            }
        });
        return wb;
    }

    /** Runs {@code action} on the FX thread once the scene's first frame has been laid out and handed to the renderer. */
    static void afterFirstFrame(Scene scene, Runnable action) {
        int[] pulses = {0};
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            if (++pulses[0] == 1) {
                javafx.application.Platform.requestNextPulse();
            } else {
                scene.removePostLayoutPulseListener(listener[0]);
                javafx.application.Platform.runLater(action);
            }
        };
        scene.addPostLayoutPulseListener(listener[0]);
        javafx.application.Platform.requestNextPulse();
    }

    private void openFirst(WorkbenchOptions options) {
        String first = options.initialModel() == null ? DEFAULT_SAMPLE : options.initialModel();
        if (first.isEmpty()) {
            return;
        }
        if (options.initialModel() == null && !dev.infoprune.model.SampleModels.isSample(first)) {
            runner.announce("The sample " + first + " is not built yet: open a model (Ctrl+O)");
        } else {
            controller.open(first);
        }
    }

    /** The sample the window opens when nothing else is asked for. */
    public static final String DEFAULT_SAMPLE = "mlp-digits";

    /**
     * After a crash: asks whether to reopen the autosaved session (not modal, so the window stays usable);
     * declining marks it as seen and opens what would have opened otherwise.
     */
    private void offerRecovery(java.nio.file.Path file, Runnable otherwise) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(stage);
        ask.setTitle("Recover the last session?");
        ask.setHeaderText("InfoPrune did not close properly last time.");
        long saved = dev.infoprune.workspace.SessionFiles.savedAt(file);
        ask.setContentText("A session was autosaved at " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(java.time.Instant.ofEpochMilli(saved).atZone(java.time.ZoneId.systemDefault()))
                + ". Reopen it?");
        ButtonType recover = new ButtonType("Recover", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        ask.getButtonTypes().setAll(recover, discard);
        ask.getDialogPane().lookupButton(recover).setId("recoverSession");
        ask.getDialogPane().lookupButton(discard).setId("discardSession");
        ask.getDialogPane().setId("recoveryDialog");
        ask.setOnHidden(e -> {
            if (ask.getResult() == recover) {
                sessions.open(file, false);
            } else {
                try {
                    sessions.autosave().markCleanExit();
                } catch (IOException ex) {
                    LOG.log(System.Logger.Level.WARNING, "infoprune: " + ex.getMessage());
                }
                otherwise.run();
            }
        });
        ask.show();
    }

    private void show() {
        Scene scene = new Scene(view);
        scene.getStylesheets().add(Objects.requireNonNull(Workbench.class.getResource("/dev/infoprune/ui/workbench.css")).toExternalForm());
        stage.setScene(scene);
        stage.titleProperty().bind(sessions.fileProperty().map(f -> "InfoPrune — " + f.getFileName()).orElse("InfoPrune"));
        applyWindowState(settings.window());
        stage.setOnHidden(e -> close());
        stage.show();
    }

    private void applyWindowState(WindowState w) {
        var bounds = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(w.width(), bounds.getWidth()));
        stage.setHeight(Math.min(w.height(), bounds.getHeight()));
        if (w.hasPosition() && Screen.getScreensForRectangle(w.x(), w.y(), 100, 100).size() > 0) {
            stage.setX(w.x());
            stage.setY(w.y());
        }
        stage.setMaximized(w.maximized());
        Dividers.keep(view.split(), w.dividerPosition());
    }

    /** The window as it is now, for the next start. */
    public WindowState windowState() {
        double divider = view.split().getDividerPositions().length > 0 ? view.split().getDividerPositions()[0] : WindowState.DEFAULT.dividerPosition();
        return new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(), divider);
    }

    /** Remembers the window state and stops background work. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        settings = settings.withWindow(windowState());
        saveSettings();
        runner.shutdown();
        sessions.close();
    }

    private void saveSettings() {
        try {
            settingsStore.save(settings);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "infoprune: cannot save settings in " + settingsStore.folder() + ": " + e.getMessage());
        }
    }

    private void showError(String title, String message, Throwable cause) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(stage);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.setContentText(message);
        if (cause != null && !(cause instanceof dev.infoprune.core.BadInputException)) {
            var trace = new java.io.StringWriter();
            cause.printStackTrace(new java.io.PrintWriter(trace));
            TextArea details = new TextArea(trace.toString());
            details.setEditable(false);
            alert.getDialogPane().setExpandableContent(details);
        }
        alert.show();
    }

    public WorkbenchModel model() {
        return model;
    }

    public WorkbenchController controller() {
        return controller;
    }

    public WorkbenchView view() {
        return view;
    }

    public SessionController sessions() {
        return sessions;
    }

    public TaskRunner runner() {
        return runner;
    }

    public Stage stage() {
        return stage;
    }

    /** Compare, fine-tune, export and teach. */
    public WorkbenchTools tools() {
        return tools;
    }
}
