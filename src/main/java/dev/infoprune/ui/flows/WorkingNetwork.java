package dev.infoprune.ui.flows;

import dev.infoprune.model.Network;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The network fine-tuning and export work on: the pruned (or fine-tuned) network a comparison or a MIPP run
 * gave, else the open network. A pruned network belongs to the network it was cut from: opening another one
 * forgets it. Only the FX thread writes it.
 */
public final class WorkingNetwork {
    private final ObservableValue<Network> open;
    private final ObjectProperty<PrunedNetwork> candidate = new SimpleObjectProperty<>(this, "candidate");

    public WorkingNetwork(ObservableValue<Network> open) {
        this.open = open;
        open.addListener((o, before, now) -> {
            PrunedNetwork c = candidate.get();
            if (c != null && c.unpruned() != now) {
                candidate.set(null);
            }
        });
    }

    /** The network open in the main window (null before one is open). */
    public ObservableValue<Network> open() {
        return open;
    }

    /** The pruned (or fine-tuned) network being worked on; null until a comparison or MIPP gives one. */
    public ObjectProperty<PrunedNetwork> candidateProperty() {
        return candidate;
    }

    /** The pruned network when there is one, else the open network. */
    public Network network() {
        PrunedNetwork c = candidate.get();
        return c != null ? c.network() : open.getValue();
    }
}
