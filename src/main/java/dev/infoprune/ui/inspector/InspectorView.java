package dev.infoprune.ui.inspector;

import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.ui.network.NetworkViewModel;
import dev.infoprune.ui.network.NodeId;
import dev.infoprune.ui.network.NodeScore;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The side panel about the selected node: where it is, every score it has, and whether it was removed. */
public final class InspectorView extends VBox {
    private final NetworkViewModel view;
    private final ObservableValue<Network> network;
    private final Label heading = new Label();
    private final Label where = new Label();
    private final GridPane scores = new GridPane();
    private final Label state = new Label();

    public InspectorView(NetworkViewModel view, ObservableValue<Network> network) {
        this.view = view;
        this.network = network;
        setId("inspector");
        getStyleClass().add("inspector");
        setSpacing(8);
        setPadding(new Insets(10));
        setMinWidth(260);
        heading.setId("inspectorHeading");
        heading.getStyleClass().add("inspector-heading");
        where.setId("inspectorWhere");
        where.setWrapText(true);
        scores.setId("inspectorScores");
        scores.setHgap(8);
        scores.setVgap(4);
        var nameColumn = new javafx.scene.layout.ColumnConstraints();
        nameColumn.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        var valueColumn = new javafx.scene.layout.ColumnConstraints();
        valueColumn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        scores.getColumnConstraints().setAll(nameColumn, valueColumn);
        state.setId("inspectorState");
        state.setWrapText(true);
        Label section = new Label("Scores");
        section.getStyleClass().add("inspector-section");
        getChildren().addAll(heading, where, section, scores, state);
        view.selectedProperty().addListener(o -> refresh());
        view.allScoresProperty().addListener(o -> refresh());
        view.removedProperty().addListener(o -> refresh());
        network.addListener(o -> refresh());
        refresh();
    }

    private void refresh() {
        NodeId node = view.selectedProperty().get();
        Network n = network.getValue();
        scores.getChildren().clear();
        if (node == null || n == null || n.indexOf(node.layer()) < 0) {
            heading.setText("No node selected");
            where.setText("Click a node in the network to see its scores.");
            state.setText("");
            return;
        }
        Layer layer = n.layer(n.indexOf(node.layer()));
        boolean output = n.indexOf(node.layer()) == n.outputLayerIndex();
        heading.setText((layer instanceof Conv2d ? "Filter " : "Node ") + node);
        String role = output ? "output layer — never pruned" : "hidden layer";
        String klass = output && node.index() < n.classes().size() ? " (class \"" + n.classes().get(node.index()) + "\")" : "";
        where.setText("Unit " + node.index() + " of " + layer.units() + " in " + layer.type() + " layer " + layer.name()
                + klass + ", " + role + ".");
        int row = 0;
        for (NodeScore s : view.allScoresProperty().get()) {
            double v = s.value(node.layer(), node.index());
            Label name = new Label(s.title());
            name.setWrapText(true);
            name.setMinWidth(60);
            Label value = new Label(Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.4g", v) + (s.unit().isEmpty() ? "" : " " + s.unit()));
            value.setId("score-" + s.id());
            value.getStyleClass().add("score-value");
            scores.addRow(row++, name, value);
        }
        if (row == 0) {
            scores.addRow(0, new Label("No scores computed yet."));
        }
        state.setText(view.isRemoved(node.layer(), node.index()) ? "Removed by the current pruning." : "Kept.");
    }
}
