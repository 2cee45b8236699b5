package dev.infoprune.ui.task;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line of the window: what is running (or what last happened), its progress, and Cancel. */
public final class StatusBar extends HBox {
    public StatusBar(TaskRunner runner) {
        setId("statusBar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        setPadding(new Insets(3, 10, 3, 10));
        Label message = new Label();
        message.setId("statusMessage");
        ProgressBar bar = new ProgressBar();
        bar.setId("statusProgress");
        bar.setPrefWidth(180);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelTask");
        cancel.setOnAction(e -> runner.cancel());
        cancel.disableProperty().bind(runner.busyProperty().not());
        bar.visibleProperty().bind(runner.busyProperty());
        cancel.visibleProperty().bind(runner.busyProperty());
        runner.currentProperty().addListener((o, a, task) -> {
            message.textProperty().unbind();
            bar.progressProperty().unbind();
            if (task != null) {
                message.textProperty().bind(Bindings.when(runner.busyProperty()).then(task.messageProperty())
                        .otherwise(runner.lastOutcomeProperty()));
                bar.progressProperty().bind(task.progressProperty());
            }
        });
        message.textProperty().bind(runner.lastOutcomeProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(message, spacer, bar, cancel);
    }
}
