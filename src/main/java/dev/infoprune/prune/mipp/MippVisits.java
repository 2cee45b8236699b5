package dev.infoprune.prune.mipp;

import dev.infoprune.model.Network;
import dev.infoprune.prune.UncoupledLayers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which layers a MIPP run tests, in the order it visits them (the output side first), and the target each is
 * tested against: the activations of the layers that read its channels, its consumers (the network outputs when
 * the consumer is the output layer). On a chain every hidden layer is tested and its consumer is the next one, the
 * paper's setting. On a graph the {@link UncoupledLayers} are tested (e.g. the first conv of a residual block):
 * removing one of their filters removes exactly one variable from what their consumers read. The layers of
 * coupled groups (the convs summed by a residual add, the channels around a depthwise conv or into a concat with
 * several producers) are kept whole: a coupled channel is several variables, one per producer, and the paper's test of one filter against
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
        Map<String, List<String>> consumers = UncoupledLayers.consumers(network);
        List<String> order = hidden.stream().filter(consumers::containsKey).toList();
        return new MippVisits(order, order.stream().map(consumers::get).toList());
    }
}
