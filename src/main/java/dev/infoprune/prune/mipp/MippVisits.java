package dev.infoprune.prune.mipp;

import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Network;
import dev.infoprune.prune.DependencyGroup;
import dev.infoprune.prune.DependencyGroups;
import dev.infoprune.prune.GroupMember;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which layers a MIPP run tests, in the order it visits them (the output side first), and the target each is
 * tested against: the activations of the layers that read its channels, its consumers (the network outputs when
 * the consumer is the output layer). On a chain every hidden layer is tested and its consumer is the next one, the
 * paper's setting. On a graph a layer is tested when it alone computes its channels (the only producer of a
 * dependency group, e.g. the first conv of a residual block) and the channels pass no depthwise conv: removing one
 * of its filters then removes exactly one variable from what its consumers read. The layers of coupled groups (the
 * convs summed by a residual add, the channels around a depthwise conv or into a concat with several producers) are
 * kept whole: a coupled channel is several variables, one per producer, and the paper's test of one filter against
 * its consumer does not say which of them carries the information. The visit order is the reverse of the network's
 * (topological) layer order, so a layer's consumers are decided before it and it is tested against their kept units.
 */
record MippVisits(List<String> order, List<List<String>> targets) {
    MippVisits {
        order = List.copyOf(order);
        targets = targets.stream().map(List::copyOf).toList();
    }

    static MippVisits of(Network network) {
        List<String> hidden = new ArrayList<>(network.prunableLayerNames());
        java.util.Collections.reverse(hidden);
        String output = network.layer(network.outputLayerIndex()).name();
        if (!network.isGraph()) {
            List<List<String>> targets = new ArrayList<>();
            for (int l = 0; l < hidden.size(); l++) {
                targets.add(List.of(l == 0 ? output : hidden.get(l - 1)));
            }
            return new MippVisits(hidden, targets);
        }
        Map<String, List<String>> consumers = new HashMap<>();
        for (DependencyGroup g : DependencyGroups.of(network).groups()) {
            if (testable(network, g)) {
                consumers.put(g.producerNames().get(0), g.members().stream()
                        .filter(m -> m.role() == GroupMember.Role.INPUTS).map(GroupMember::layer).distinct()
                        .sorted(Comparator.comparingInt(network::indexOf)).toList());
            }
        }
        List<String> order = hidden.stream().filter(consumers::containsKey).toList();
        return new MippVisits(order, order.stream().map(consumers::get).toList());
    }

    /** One producer that computes all of its units here, no depthwise conv on the way, and a consumer to test against. */
    private static boolean testable(Network network, DependencyGroup g) {
        if (g.coupled()) {
            return false;
        }
        String producer = g.producerNames().get(0);
        boolean whole = network.layer(network.indexOf(producer)).units() == g.channels();
        boolean depthwise = g.members().stream().anyMatch(m -> m.role() == GroupMember.Role.CHANNELWISE
                && network.layer(network.indexOf(m.layer())) instanceof Conv2d);
        boolean read = g.members().stream().anyMatch(m -> m.role() == GroupMember.Role.INPUTS);
        return whole && !depthwise && read;
    }
}
