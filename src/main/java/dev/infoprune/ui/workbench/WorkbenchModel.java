package dev.infoprune.ui.workbench;

import dev.infoprune.model.Network;
import dev.infoprune.ui.mipp.MippModel;
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
    private final MippModel mipp = new MippModel(networkView);
    private final StringProperty dataSpec = new SimpleStringProperty(this, "dataSpec", "");
    private final StringProperty dataDescription = new SimpleStringProperty(this, "dataDescription", "no data set");
    private final ObjectProperty<dev.infoprune.engine.Activations> probe = new SimpleObjectProperty<>(this, "probe");

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

    /** The MIPP stepper's state (it drives the network view's removed and under-test nodes). */
    public MippModel mipp() {
        return mipp;
    }

    /** Shows a freshly loaded model: everything about the previous one is replaced at once. */
    void show(LoadedModel loaded) {
        networkView.selectedProperty().set(null);
        networkView.underTestProperty().set(null);
        networkView.hoveredProperty().set(null);
        networkView.removedProperty().set(java.util.Map.of());
        networkView.resetView();
        probe.set(null);
        scores.setAll(loaded.scores());
        networkView.scoreProperty().set(loaded.scores().isEmpty() ? null : loaded.scores().get(0));
        network.set(loaded.network());
        source.set(loaded.source());
        networkView.pictureProperty().set(loaded.picture());
    }

    /** What the user picked as data set (a bundled name or a path); "" when none. */
    public StringProperty dataSpecProperty() {
        return dataSpec;
    }

    public StringProperty dataDescriptionProperty() {
        return dataDescription;
    }

    /** The probe activations the information scores were computed on (null before any). */
    public ObjectProperty<dev.infoprune.engine.Activations> probeProperty() {
        return probe;
    }

    /** Shows freshly computed information scores; the weight scores stay, older information scores go. */
    void showScores(String spec, ScoreComputation.Result result) {
        java.util.List<NodeScore> keep = scores.stream().filter(s -> s.id().startsWith("weight-")).toList();
        java.util.List<NodeScore> all = new java.util.ArrayList<>(keep);
        all.addAll(result.scores());
        String shown = networkView.scoreProperty().get() == null ? null : networkView.scoreProperty().get().id();
        scores.setAll(all);
        NodeScore again = shown == null || shown.startsWith("weight-") ? result.scores().get(0) : score(shown);
        networkView.scoreProperty().set(again == null ? result.scores().get(0) : again);
        probe.set(result.probe());
        dataSpec.set(spec);
        dataDescription.set(result.data().name() + " · " + result.probe().samples() + " probe samples");
    }

    public NodeScore score(String id) {
        return scores.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }
}
