package dev.infoprune.ui.workbench;

import dev.infoprune.ui.flows.FlowContext;
import dev.infoprune.ui.task.ErrorReporter;
import dev.infoprune.ui.task.TaskRunner;
import dev.infoprune.ui.tools.WorkbenchTools;
import dev.infoprune.workspace.SettingsStore;
import dev.infoprune.workspace.UserSettings;
import dev.infoprune.workspace.WindowState;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.util.Objects;

/** Puts the workbench together in a stage: model, controller, view, settings; the composition root. */
public final class Workbench {
    private final Stage stage;
    private final WorkbenchModel model = new WorkbenchModel();
    private final WorkbenchController controller;
    private final WorkbenchView view;
    private final TaskRunner runner;
    private final WorkbenchTools tools;
    private final SettingsStore settingsStore;
    private UserSettings settings;
    private boolean closed;

    private Workbench(Stage stage, WorkbenchOptions options) {
        this.stage = stage;
        this.settingsStore = new SettingsStore(options.settingsFolder());
        this.settings = settingsStore.load();
        ErrorReporter errors = options.errors() != null ? options.errors() : this::showError;
        this.runner = new TaskRunner(errors);
        this.controller = new WorkbenchController(model, runner, path -> {
            settings = settings.withRecent(path);
            saveSettings();
        });
        this.view = new WorkbenchView(controller, options.dialogs(), () -> settings.recentFiles());
        this.tools = WorkbenchTools.install(new FlowContext(() -> stage, runner, errors, model.networkProperty(),
                model.dataSpecProperty(), model.networkView()), view, view.split());
        tools.followMipp(model.mipp());
    }

    /** Builds the workbench in {@code stage}, shows it and starts opening the first model. */
    public static Workbench open(Stage stage, WorkbenchOptions options) {
        Workbench wb = new Workbench(stage, options);
        wb.show();
        String first = options.initialModel() == null ? SampleModels.DEFAULT : options.initialModel();
        if (!first.isEmpty()) {
            if (options.initialModel() == null && SampleModels.find(first).isEmpty()) {
                wb.runner.announce("The sample " + first + " is not built yet: open a model folder (Ctrl+O)");
            } else {
                wb.controller.open(first);
            }
        }
        return wb;
    }

    private void show() {
        Scene scene = new Scene(view);
        scene.getStylesheets().add(Objects.requireNonNull(Workbench.class.getResource("/dev/infoprune/ui/workbench.css")).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("InfoPrune");
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
        double divider = w.dividerPosition();
        view.split().setDividerPositions(divider);
        javafx.application.Platform.runLater(() -> view.split().setDividerPositions(divider));
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
    }

    private void saveSettings() {
        try {
            settingsStore.save(settings);
        } catch (IOException e) {
            System.err.println("infoprune: cannot save settings in " + settingsStore.folder() + ": " + e.getMessage());
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
