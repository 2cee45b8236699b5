package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.Network;

import java.util.Set;

/**
 * Most pruning methods, the unit scores and the workbench work on chains only: a graph network (residual adds,
 * concats) has channels coupled across layers that must be pruned together, which only the methods in
 * {@link #GRAPH_METHODS} do (group by group, see {@link DependencyGroups}). One message, said before any work starts.
 */
public final class ChainsOnly {
    /** The methods that prune graph networks, a dependency group at a time. */
    public static final Set<String> GRAPH_METHODS = Set.of(LocalMagnitude.NAME, RandomPruning.NAME, GlobalTopK.NAME,
            "mipp");

    private static final String REFUSED = "pruning graph networks is not supported yet: ";
    private static final String WORKS = "info, evaluate, predict, train (fine-tuning), import and export work on it";

    private ChainsOnly() {
    }

    /** Refuses a graph network with the reason and what does work on it. */
    public static void require(Network network) {
        if (network.isGraph()) {
            throw new BadInputException(network.name(), REFUSED + "its layers read other than the previous layer "
                    + "(residual adds or concats), whose coupled channels would have to be pruned together; " + WORKS);
        }
    }

    /** Refuses a graph network unless {@code method} prunes graphs, naming the method and those that do. */
    public static void require(Network network, String method) {
        if (network.isGraph() && !GRAPH_METHODS.contains(method)) {
            throw new BadInputException(network.name(), REFUSED + method + " does not prune graph networks yet (their "
                    + "coupled channels must be pruned together); " + String.join(", ", GRAPH_METHODS.stream().sorted()
                    .toList()) + " do, a dependency group at a time; " + WORKS);
        }
    }
}
