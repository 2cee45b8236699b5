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
import dev.infoprune.info.NodeScores;
import dev.infoprune.workspace.DataChoice;
import dev.infoprune.workspace.EstimatorChoice;
import dev.infoprune.workspace.ModelSource;
import dev.infoprune.workspace.ProbeScores;

import java.util.List;

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
    private final ObjectProperty<ModelSource> modelSource = new SimpleObjectProperty<>(this, "modelSource");
    private final ObjectProperty<EstimatorChoice> estimator = new SimpleObjectProperty<>(this, "estimator", EstimatorChoice.DEFAULT);
    private final ObjectProperty<DataChoice> dataChoice = new SimpleObjectProperty<>(this, "dataChoice");
    private final ObservableList<dev.infoprune.workspace.SessionComparison> comparisons = FXCollections.observableArrayList();
    private final ObjectProperty<List<NodeScores>> informationScores = new SimpleObjectProperty<>(this, "informationScores", List.of());

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
        informationScores.set(List.of());
        comparisons.clear();
        network.set(loaded.network());
        modelSource.set(loaded.source());
        source.set(loaded.source().describe());
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
    void showScores(DataChoice data, ProbeScores.Result result) {
        showScores(data, result.scores(), result.probe(), result.data().name());
    }

    /** As above, for scores computed earlier (a session) on the probe activations given (null: not captured yet). */
    void showScores(DataChoice data, List<NodeScores> computed,
                    dev.infoprune.engine.Activations probeActs, String dataName) {
        int samples = probeActs != null ? probeActs.samples() : samplesOf(computed);
        List<NodeScore> shownScores = ScoreViews.information(computed, dataName, samples, data);
        List<NodeScore> all = new java.util.ArrayList<>(scores.stream().filter(ScoreViews::isWeightScore).toList());
        all.addAll(shownScores);
        String shown = networkView.scoreProperty().get() == null ? null : networkView.scoreProperty().get().id();
        scores.setAll(all);
        NodeScore again = shown == null || shown.startsWith("weight-") || shownScores.isEmpty() ? null : score(shown);
        networkView.scoreProperty().set(again != null ? again : shownScores.isEmpty() ? all.get(0) : shownScores.get(0));
        informationScores.set(List.copyOf(computed));
        probe.set(probeActs);
        dataChoice.set(data);
        dataSpec.set(data.spec());
        dataDescription.set(dataName + " · " + samples + " probe samples");
    }

    private static int samplesOf(List<NodeScores> computed) {
        return computed.stream().map(s -> s.settings().get("samples")).filter(v -> v instanceof Number)
                .mapToInt(v -> ((Number) v).intValue()).findFirst().orElse(0);
    }

    /** Comparison results for the open model (each the study engine's {@code results.json} document), oldest first. */
    public ObservableList<dev.infoprune.workspace.SessionComparison> comparisons() {
        return comparisons;
    }

    /** Where the open model came from (null before one is open). */
    public ObjectProperty<ModelSource> modelSourceProperty() {
        return modelSource;
    }

    /** The estimator information scores are computed with; changing it recomputes them (the controller listens). */
    public ObjectProperty<EstimatorChoice> estimatorProperty() {
        return estimator;
    }

    /** The data set, seed and probe size of the scores shown (null before any). */
    public ObjectProperty<DataChoice> dataChoiceProperty() {
        return dataChoice;
    }

    /** The information scores shown, as the core computed them (empty before any). */
    public ObjectProperty<List<NodeScores>> informationScoresProperty() {
        return informationScores;
    }

    public NodeScore score(String id) {
        return scores.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }
}
