package dev.infoprune.ui.flows;

import dev.infoprune.model.Network;
import dev.infoprune.prune.mipp.Step;
import dev.infoprune.ui.network.NetworkViewModel;
import dev.infoprune.ui.task.ErrorReporter;
import dev.infoprune.ui.task.TaskRunner;
import dev.infoprune.workspace.SessionComparison;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * What the compare, fine-tune, export and teach views share with the main window: the open network, the data
 * set chosen for it, the network view's state, the task runner and where errors go; plus the state they add:
 * the pruned network being worked on, and the MIPP step on screen (for the teach panel; the stepper sets it);
 * and the comparison results the session keeps for the open network. Only the FX thread writes them.
 */
public final class FlowContext {
    private final Supplier<Window> owner;
    private final TaskRunner runner;
    private final ErrorReporter errors;
    private final ObservableValue<Network> network;
    private final ObservableValue<String> dataSpec;
    private final NetworkViewModel networkView;
    private final ObservableList<SessionComparison> comparisons;
    private final ObjectProperty<PrunedNetwork> candidate = new SimpleObjectProperty<>(this, "candidate");
    private final ObjectProperty<Step> mippStep = new SimpleObjectProperty<>(this, "mippStep");
    private final DoubleProperty mippConfidence = new SimpleDoubleProperty(this, "mippConfidence", 0.95);

    public FlowContext(Supplier<Window> owner, TaskRunner runner, ErrorReporter errors, ObservableValue<Network> network,
                       ObservableValue<String> dataSpec, NetworkViewModel networkView, ObservableList<SessionComparison> comparisons) {
        this.owner = owner;
        this.comparisons = comparisons;
        this.runner = runner;
        this.errors = errors;
        this.network = network;
        this.dataSpec = dataSpec;
        this.networkView = networkView;
        // a pruned network belongs to the network it was cut from
        network.addListener((o, before, now) -> {
            PrunedNetwork c = candidate.get();
            if (c != null && c.unpruned() != now) {
                candidate.set(null);
            }
        });
    }

    public Window owner() {
        return owner.get();
    }

    public TaskRunner runner() {
        return runner;
    }

    public ErrorReporter errors() {
        return errors;
    }

    /** The network open in the main window (null before one is open). */
    public ObservableValue<Network> network() {
        return network;
    }

    /** The data set chosen in the main window: a bundled name or a path; "" when none. */
    public ObservableValue<String> dataSpec() {
        return dataSpec;
    }

    public NetworkViewModel networkView() {
        return networkView;
    }

    /**
     * The comparison results kept with the open network (each a {@code results.json} document,
     * {@link dev.infoprune.study.ExperimentResultJson}): the compare view puts its finished run here, and shows
     * what a restored session puts here.
     */
    public ObservableList<SessionComparison> comparisons() {
        return comparisons;
    }

    /** The pruned (or fine-tuned) network being worked on; null until a comparison or MIPP gives one. */
    public ObjectProperty<PrunedNetwork> candidateProperty() {
        return candidate;
    }

    /** The MIPP step on screen; null when the stepper shows none. */
    public ObjectProperty<Step> mippStepProperty() {
        return mippStep;
    }

    /** The confidence level the MIPP steps were decided at. */
    public DoubleProperty mippConfidenceProperty() {
        return mippConfidence;
    }

    /** What fine-tuning and export work on: the pruned network when there is one, else the open network. */
    public Network workingNetwork() {
        PrunedNetwork c = candidate.get();
        return c != null ? c.network() : network.getValue();
    }
}
