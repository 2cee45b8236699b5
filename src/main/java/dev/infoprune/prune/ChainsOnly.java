package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.Network;

/**
 * The unit scores ({@code infoprune scores}) work on chains only (the workbench scores graphs): a graph network
 * (residual adds, concats) has channels coupled across layers. Every pruning method prunes graphs (a dependency group at a time, see
 * {@link DependencyGroups} and {@link UncoupledLayers}). One message, said before any work starts.
 */
public final class ChainsOnly {
    private static final String REFUSED = "scores works on chains only: ";
    private static final String WORKS = "info, evaluate, predict, train (fine-tuning), import, export, prune and "
            + "compare with every method, and the workbench's Compute scores, work on it";

    private ChainsOnly() {
    }

    /** Refuses a graph network with the reason and what does work on it. */
    public static void require(Network network) {
        if (network.isGraph()) {
            throw new BadInputException(network.name(), REFUSED + "its next-layer score reads the layer after each "
                    + "one, and this network's layers read other than the previous layer (residual adds or concats); "
                    + WORKS);
        }
    }
}
