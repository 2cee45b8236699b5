package dev.infoprune.ui.inspector;

import dev.infoprune.engine.Activations;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Join;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.ui.network.NetworkPicture;
import dev.infoprune.ui.network.NetworkViewModel;
import dev.infoprune.ui.network.NodeId;
import dev.infoprune.ui.network.NodeScore;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/** The side panel about the selected node: where it is, every score it has, and whether it was removed. */
public final class InspectorView extends VBox {
    private final NetworkViewModel view;
    private final ObservableValue<Network> network;
    private final Label heading = new Label();
    private final Label where = new Label();
    private final GridPane scores = new GridPane();
    private final Label state = new Label();
    private final ObservableValue<Activations> probe;
    private final ActivationHistogram histogram = new ActivationHistogram();
    private final Label histogramNote = new Label();
    private final Label weights = new Label();

    public InspectorView(NetworkViewModel view, ObservableValue<Network> network, ObservableValue<Activations> probe) {
        this.view = view;
        this.network = network;
        this.probe = probe;
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
        weights.setId("inspectorWeights");
        weights.setWrapText(true);
        histogramNote.setId("histogramNote");
        histogramNote.setWrapText(true);
        Label actSection = new Label("Activations on the probe samples");
        actSection.getStyleClass().add("inspector-section");
        Label weightSection = new Label("Incoming weights");
        weightSection.getStyleClass().add("inspector-section");
        getChildren().addAll(heading, where, state, section, scores, weightSection, weights, actSection, histogramNote, histogram);
        probe.addListener(o -> refresh());
        view.selectedProperty().addListener(o -> refresh());
        view.allScoresProperty().addListener(o -> refresh());
        view.removedProperty().addListener(o -> refresh());
        network.addListener(o -> refresh());
        refresh();
    }

    private static String weightText(Layer layer, int unit) {
        dev.infoprune.model.Tensor w = layer instanceof Conv2d c ? c.weight() : layer instanceof dev.infoprune.model.Dense d ? d.weight() : null;
        if (w == null) {
            return "";
        }
        return String.format(Locale.ROOT, "%d weights, ‖w‖₁ = %.4g, ‖w‖₂ = %.4g", w.sliceSize(), w.sliceL1(unit), w.sliceL2(unit));
    }

    private void refresh() {
        NodeId node = view.selectedProperty().get();
        Network n = network.getValue();
        scores.getChildren().clear();
        if (node == null || n == null || n.indexOf(node.layer()) < 0) {
            heading.setText("No node selected");
            where.setText("Click a node in the network to see its scores.");
            state.setText("");
            weights.setText("");
            histogramNote.setText("");
            histogram.setVisible(false);
            histogram.setManaged(false);
            return;
        }
        int index = n.indexOf(node.layer());
        Layer layer = n.layer(index);
        boolean output = index == n.outputLayerIndex();
        boolean join = layer instanceof Join;
        heading.setText((layer instanceof Conv2d ? "Filter " : join ? "Channel " : "Node ") + node);
        String role = output ? "output layer — never pruned" : "hidden layer";
        String klass = output && node.index() < n.classes().size() ? " (class \"" + n.classes().get(node.index()) + "\")" : "";
        where.setText(join ? "Channel " + node.index() + " of " + n.outputShapeOf(index)[0] + " of " + layer.type() + " "
                + layer.name() + ", which " + (layer instanceof dev.infoprune.model.Add ? "sums " : "joins ")
                + String.join(" and ", n.inputs().get(index)) + "; it is pruned with the channels feeding it."
                : "Unit " + node.index() + " of " + layer.units() + " in " + layer.type() + " layer " + layer.name()
                + klass + ", " + role + ".");
        int row = 0;
        for (NodeScore s : view.allScoresProperty().get()) {
            double v = s.value(node.layer(), node.index());
            Label name = new Label(s.title());
            name.setTooltip(new javafx.scene.control.Tooltip(s.estimator()));
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
        view.allScoresProperty().get().stream().filter(s -> !s.id().startsWith("weight-")).findFirst().ifPresent(s -> {
            Label how = new Label("estimated with " + s.estimator());
            how.setWrapText(true);
            how.getStyleClass().add("score-estimator");
            scores.add(how, 0, scores.getRowCount(), 2, 1);
        });
        state.setText((view.isDrawnRemoved(node) ? "Removed by the current pruning." : "Kept.") + group(node));
        weights.setText(weightText(layer, node.index()));
        Activations acts = probe.getValue();
        boolean hasActs = acts != null && (acts.hiddenLayers().contains(node.layer()) || acts.outputLayer().equals(node.layer()));
        histogram.setVisible(hasActs);
        histogram.setManaged(hasActs);
        if (hasActs) {
            double[] values = acts.of(node.layer()).columnValues(node.index());
            java.util.DoubleSummaryStatistics st = java.util.Arrays.stream(values).summaryStatistics();
            histogramNote.setText(String.format(Locale.ROOT, "%d samples, mean %.3g, min %.3g, max %.3g%s", values.length,
                    st.getAverage(), st.getMin(), st.getMax(), layer instanceof Conv2d ? " (filter map averaged over space)" : ""));
            histogram.show(node.toString(), values);
        } else {
            histogramNote.setText(join ? "" : "Choose a data set (Data menu) to see what this node does on it.");
        }
    }

    /** In a graph, the channels a pruning must remove together with this one (its dependency group). */
    private String group(NodeId node) {
        NetworkPicture picture = view.pictureProperty().get();
        List<NodeId> linked = picture == null ? List.of() : picture.linkedTo(node);
        if (linked.isEmpty()) {
            return "";
        }
        List<String> names = linked.stream().limit(6).map(NodeId::toString).toList();
        return " Pruned together with " + String.join(", ", names) + (linked.size() > names.size() ? ", …" : "") + ".";
    }
}
