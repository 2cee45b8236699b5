package dev.infoprune.ui.compare;

import dev.infoprune.model.Network;
import dev.infoprune.prune.MethodSettings;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.ExperimentSpec;
import dev.infoprune.study.MethodResult;
import dev.infoprune.study.StudyMethods;
import dev.infoprune.study.WidthControl;
import dev.infoprune.ui.flows.TrainingSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compare view's state: which methods, at which sparsity (MIPP's, one given, or a sweep), the shared
 * fine-tuning budget, and the last comparison's result with the network it was run on. A new result replaces the
 * old one only when a run succeeds.
 */
public final class CompareModel {
    static final Set<String> CHOSEN_AT_FIRST = Set.of("mipp", "global-topk", "local-magnitude");

    private final Map<String, BooleanProperty> methods = new LinkedHashMap<>();
    private final Map<String, ObjectProperty<MethodSettings>> settings = new LinkedHashMap<>();
    private final ObjectProperty<ExperimentSpec.Mode> mode = new SimpleObjectProperty<>(this, "mode", ExperimentSpec.Mode.MATCH);
    private final DoubleProperty sparsity = new SimpleDoubleProperty(this, "sparsity", 0.7);
    private final StringProperty sweep = new SimpleStringProperty(this, "sweep", "0.3, 0.5, 0.7, 0.9");
    private final TrainingSettings training = new TrainingSettings(5000);
    private final IntegerProperty probeSamples = new SimpleIntegerProperty(this, "probeSamples", 1000);
    private final IntegerProperty seeds = new SimpleIntegerProperty(this, "seeds", 1);
    private final StringProperty mippConfidences = new SimpleStringProperty(this, "mippConfidences", "");
    private final BooleanProperty atInit = new SimpleBooleanProperty(this, "atInit", false);
    private final ObjectProperty<ExperimentResult> result = new SimpleObjectProperty<>(this, "result");
    private final ObjectProperty<CompareRun> run = new SimpleObjectProperty<>(this, "run");
    private final ObjectProperty<MethodResult> selected = new SimpleObjectProperty<>(this, "selected");

    public CompareModel() {
        for (String m : StudyMethods.names()) {
            methods.put(m, new SimpleBooleanProperty(this, m, CHOSEN_AT_FIRST.contains(m)));
            settings.put(m, new SimpleObjectProperty<>(this, m + "Settings", PruningMethods.type(m).defaults()));
        }
        for (String control : WidthControl.names()) {
            methods.put(control, new SimpleBooleanProperty(this, control, false));
        }
    }

    /** One check box per method, in the catalogue's order, then the controls ({@code random@mipp}, …). */
    public Map<String, BooleanProperty> methods() {
        return methods;
    }

    public BooleanProperty method(String name) {
        return methods.get(name);
    }

    /** The settings {@code name} runs with in the next comparison (null for a control, which has none). */
    public ObjectProperty<MethodSettings> settings(String name) {
        return settings.get(name);
    }

    /** Every method's settings, by name, as the next comparison takes them. */
    public Map<String, MethodSettings> methodSettings() {
        Map<String, MethodSettings> out = new LinkedHashMap<>();
        settings.forEach((name, s) -> out.put(name, s.get()));
        return out;
    }

    public List<String> chosenMethods() {
        return methods.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
    }

    public ObjectProperty<ExperimentSpec.Mode> modeProperty() {
        return mode;
    }

    public DoubleProperty sparsityProperty() {
        return sparsity;
    }

    /** Sparsities of a sweep as typed, e.g. "0.5, 0.8, 0.9". */
    public StringProperty sweepProperty() {
        return sweep;
    }

    /** The fine-tuning budget (shared type with the other view; each view has its own values). */
    public TrainingSettings training() {
        return training;
    }

    public IntegerProperty probeSamplesProperty() {
        return probeSamples;
    }

    /** How many seeds every method runs with (seed, seed + 1, …). */
    public IntegerProperty seedsProperty() {
        return seeds;
    }

    /** MIPP's confidences x as typed, e.g. "0.5, 0.9, 0.99": one MIPP run per x; empty: once, at its setting. */
    public StringProperty mippConfidencesProperty() {
        return mippConfidences;
    }

    /** Whether every method prunes the re-initialised, untrained network, trained from scratch after. */
    public BooleanProperty atInitProperty() {
        return atInit;
    }

    public ObjectProperty<ExperimentResult> resultProperty() {
        return result;
    }

    /** What the result was computed on (the drawings need the unpruned network's structure). */
    public ObjectProperty<CompareRun> runProperty() {
        return run;
    }

    /** The unpruned network of the shown result, or null. */
    public Network resultNetwork() {
        return run.get() == null ? null : run.get().network();
    }

    /** The row picked in the table. */
    public ObjectProperty<MethodResult> selectedProperty() {
        return selected;
    }

    void show(CompareRun on, ExperimentResult r) {
        selected.set(null);
        run.set(on);
        result.set(r);
    }

    /** Puts the settings a shown comparison ran with back into the form (a comparison restored from a session). */
    void takeSettingsOf(ExperimentResult r) {
        List<String> ran = r.methods();
        methods.forEach((name, chosen) -> chosen.set(ran.contains(name)));
        mode.set(r.mode());
        List<Double> targets = r.results().stream().map(MethodResult::targetSparsity).filter(t -> !Double.isNaN(t))
                .distinct().sorted().toList();
        if (r.mode() == ExperimentSpec.Mode.FIXED && !targets.isEmpty()) {
            sparsity.set(targets.get(0));
        } else if (r.mode() == ExperimentSpec.Mode.SWEEP && !targets.isEmpty()) {
            sweep.set(String.join(", ", targets.stream().map(t -> new java.math.BigDecimal(Double.toString(t))
                    .stripTrailingZeros().toPlainString()).toList()));
        }
        List<String> confidences = r.settings().stream().filter(t -> t.startsWith("x=")).map(t -> t.substring(2)).toList();
        mippConfidences.set(String.join(", ", confidences));
        atInit.set(r.atInit());
        training.epochsProperty().set(r.fineTuneEpochs());
        training.learningRateProperty().set(r.learningRate());
        training.seedProperty().set((int) r.seed());
        seeds.set(r.seeds());
        probeSamples.set(r.probeSamples());
        training.trainSamplesProperty().set(r.trainSamples());
    }
}
