package dev.infoprune.ui;

import dev.infoprune.ui.workbench.Workbench;
import dev.infoprune.ui.workbench.WorkbenchOptions;
import dev.infoprune.workspace.SettingsStore;
import javafx.application.Application;
import javafx.stage.Stage;

import java.util.List;

/**
 * The workbench application ({@code mvn javafx:run}). An optional argument names what to open first: a model
 * folder or a bundled sample; without one the {@code mlp-digits} sample opens.
 */
public final class WorkbenchApp extends Application {
    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getUnnamed();
        workbench = Workbench.open(stage, new WorkbenchOptions(SettingsStore.defaultFolder(),
                args.isEmpty() ? null : args.get(0), null, null));
    }

    public static void main(String[] args) {
        launch(WorkbenchApp.class, args);
    }
}
