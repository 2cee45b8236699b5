package dev.infoprune.ui.workbench;

import dev.infoprune.model.Network;
import dev.infoprune.ui.network.NetworkViewModel;
import dev.infoprune.ui.network.NodeScore;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The workbench's state that views bind to: the open model, its scores and the network view's state. */
public final class WorkbenchModel {
    private final ObjectProperty<Network> network = new SimpleObjectProperty<>(this, "network");
    private final StringProperty source = new SimpleStringProperty(this, "source", "");
    private final ObservableList<NodeScore> scores = FXCollections.observableArrayList();
    private final NetworkViewModel networkView = new NetworkViewModel();

    public WorkbenchModel() {
        scores.addListener((javafx.collections.ListChangeListener<NodeScore>) c -> networkView.allScoresProperty().set(java.util.List.copyOf(scores)));
    }

    public ObjectProperty<Network> networkProperty() {
        return network;
    }

    public Network network() {
        return network.get();
    }

    /** Where the open model came from (a folder, a file, or "sample NAME"). */
    public StringProperty sourceProperty() {
        return source;
    }

    public ObservableList<NodeScore> scores() {
        return scores;
    }

    public NetworkViewModel networkView() {
        return networkView;
    }

    /** Shows a freshly loaded model: everything about the previous one is replaced at once. */
    void show(LoadedModel loaded) {
        networkView.selectedProperty().set(null);
        networkView.underTestProperty().set(null);
        networkView.hoveredProperty().set(null);
        networkView.removedProperty().set(java.util.Map.of());
        networkView.resetView();
        scores.setAll(loaded.scores());
        networkView.scoreProperty().set(loaded.scores().isEmpty() ? null : loaded.scores().get(0));
        network.set(loaded.network());
        source.set(loaded.source());
        networkView.pictureProperty().set(loaded.picture());
    }

    public NodeScore score(String id) {
        return scores.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }
}
