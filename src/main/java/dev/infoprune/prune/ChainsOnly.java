package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.Network;

/**
 * Pruning, its scores and the workbench work on chains: a graph network (residual adds, concats) has channels coupled
 * across layers that must be pruned together, which the methods and the surgery do not handle yet. One message, said
 * before any work starts.
 */
public final class ChainsOnly {
    private ChainsOnly() {
    }

    /** Refuses a graph network with the reason and what does work on it. */
    public static void require(Network network) {
        if (network.isGraph()) {
            throw new BadInputException(network.name(), "pruning graph networks is not supported yet: its layers read "
                    + "other than the previous layer (residual adds or concats), whose coupled channels would have to be "
                    + "pruned together; info, evaluate, predict, train (fine-tuning), import and export work on it");
        }
    }
}
