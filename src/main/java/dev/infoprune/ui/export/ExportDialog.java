package dev.infoprune.ui.export;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The export dialog: target folder and model name, one check box per artefact with its file name and what it
 * will hold (or why it cannot be written yet), and a warning naming what would be replaced. Export checks the
 * target first; a bad target is an error dialog and this dialog stays open with everything as typed.
 */
public final class ExportDialog extends Dialog<ButtonType> {
    public static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

    public ExportDialog(ExportController controller, Window owner, Function<Window, Optional<Path>> chooseFolder) {
        ExportModel model = controller.model();
        controller.refresh();
        initOwner(owner);
        setTitle("Export");
        setHeaderText("Export the network you are working on and what explains it");
        getDialogPane().setId("exportDialog");
        getDialogPane().getStylesheets().add(ExportDialog.class.getResource("/dev/infoprune/ui/tools.css").toExternalForm());

        TextField folder = new TextField();
        folder.setId("exportFolder");
        folder.setPromptText("folder to write into (created if missing)");
        folder.textProperty().bindBidirectional(model.folderProperty());
        folder.setPrefColumnCount(32);
        Button choose = new Button("Choose…");
        choose.setId("exportChoose");
        choose.setOnAction(e -> chooseFolder.apply(getDialogPane().getScene().getWindow())
                .ifPresent(p -> model.folderProperty().set(p.toString())));
        HBox folderRow = new HBox(6, folder, choose);
        HBox.setHgrow(folder, Priority.ALWAYS);
        TextField name = new TextField();
        name.setId("exportName");
        name.textProperty().bindBidirectional(model.nameProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.getColumnConstraints().addAll(new ColumnConstraints(), new ColumnConstraints(), new ColumnConstraints(260, 320, 420));
        grid.addRow(0, new Label("Folder"), folderRow);
        GridPane.setColumnSpan(folderRow, 2);
        grid.addRow(1, new Label("Model name"), name);
        int row = 2;
        for (Artefact a : Artefact.values()) {
            CheckBox box = new CheckBox(a.title());
            box.setId("export-" + a.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            boolean available = model.available(a).get();
            box.setSelected(available && model.wanted(a).get());
            box.setDisable(!available);
            box.selectedProperty().addListener((o, was, now) -> {
                if (model.available(a).get()) {
                    model.wanted(a).set(now);
                }
            });
            Label file = new Label();
            file.getStyleClass().add("export-file");
            file.textProperty().bind(model.nameProperty().map(n -> a.fileName(n.isBlank() ? "model" : n.trim())
                    + (a == Artefact.MODEL_FOLDER || a == Artefact.REPORT ? "/" : "")));
            Label source = new Label((available ? "" : "not available: ") + model.source(a).get());
            source.setId("export-source-" + a.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            source.setWrapText(true);
            source.getStyleClass().add(available ? "flow-hint" : "export-unavailable");
            grid.addRow(row++, box, file, source);
        }
        Label replaces = new Label();
        replaces.setId("exportReplaces");
        replaces.getStyleClass().add("export-warning");
        replaces.setWrapText(true);
        Runnable updateReplaces = () -> {
            var list = controller.wouldReplace();
            replaces.setText(list.isEmpty() ? "" : "Will replace: " + String.join(", ", list));
        };
        model.folderProperty().addListener((o, a, b) -> updateReplaces.run());
        model.nameProperty().addListener((o, a, b) -> updateReplaces.run());
        for (Artefact a : Artefact.values()) {
            model.wanted(a).addListener((o, x, y) -> updateReplaces.run());
        }
        updateReplaces.run();
        Label atomic = new Label("Every file is written to a temporary name first and then moved into place: "
                + "an export that fails leaves no half-written file.");
        atomic.setWrapText(true);
        atomic.getStyleClass().add("flow-hint");
        VBox content = new VBox(10, grid, replaces, atomic);
        content.setPadding(new Insets(4, 4, 0, 4));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CANCEL);
        Button export = (Button) getDialogPane().lookupButton(EXPORT);
        export.setId("exportConfirm");
        export.addEventFilter(ActionEvent.ACTION, e -> {
            if (controller.export() == null) {
                e.consume();
            }
        });
    }
}
