package dev.infoprune.prune;

import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Network;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prunable layers that can be pruned one at a time, as a chain's layers are: on a graph network, a layer that
 * alone computes all its channels (the only producer of a {@link DependencyGroup}) whose channels pass no depthwise
 * conv, e.g. the first conv of a residual block. Removing one of its filters removes exactly one variable from what
 * the layers after it read, so the per-layer methods (MIPP, CMI, ThiNet, ITPruner) treat it as they treat a chain's
 * layer and keep the layers of coupled groups whole. On a chain every prunable layer is uncoupled.
 */
public final class UncoupledLayers {
    private UncoupledLayers() {
    }

    /** The uncoupled layers, input side first. */
    public static List<String> names(Network network) {
        return network.isGraph() ? List.copyOf(consumers(network).keySet()) : network.prunableLayerNames();
    }

    /**
     * Per uncoupled layer (input side first), the layers that read its channels, input side first: the layers
     * whose weights take them as inputs (the output layer among them).
     */
    public static Map<String, List<String>> consumers(Network network) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<DependencyGroup> groups = DependencyGroups.of(network).groups();
        for (String layer : network.prunableLayerNames()) {
            for (DependencyGroup g : groups) {
                if (g.producerNames().equals(List.of(layer)) && testable(network, g)) {
                    out.put(layer, g.members().stream().filter(m -> m.role() == GroupMember.Role.INPUTS)
                            .map(GroupMember::layer).distinct().sorted(Comparator.comparingInt(network::indexOf)).toList());
                }
            }
        }
        return out;
    }

    private static boolean testable(Network network, DependencyGroup g) {
        String producer = g.producerNames().get(0);
        boolean whole = network.layer(network.indexOf(producer)).units() == g.channels();
        boolean depthwise = g.members().stream().anyMatch(m -> m.role() == GroupMember.Role.CHANNELWISE
                && network.layer(network.indexOf(m.layer())) instanceof Conv2d);
        boolean read = g.members().stream().anyMatch(m -> m.role() == GroupMember.Role.INPUTS);
        return whole && !depthwise && read;
    }
}
