package dev.infoprune.prune;

import dev.infoprune.model.Add;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.ChannelShuffle;
import dev.infoprune.model.ChannelSlice;
import dev.infoprune.model.Concat;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Flatten;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Multiply;
import dev.infoprune.model.Network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Follows every channel through a network: each channel a layer computes (and each input channel) is a node, each
 * layer's output lists the node behind each of its channels (features, after a flatten), and a residual add (or a
 * squeeze-and-excitation gate's multiply) joins the nodes it combines. Nodes that end up joined are one channel of a dependency group; a node of the network's input or
 * of the output layer cannot be pruned, nor can anything joined to it, nor the channels around a channel slice or
 * shuffle (ShuffleNet), which surgery does not re-index.
 */
final class ChannelTracer {
    /** A layer touching one node: its channel {@code index} in a role. */
    record Touch(int node, int layer, GroupMember.Role role, int index) {
    }

    private int[] parent = new int[64];
    private int nodes;
    private final BitSet fixed = new BitSet();
    private final List<Touch> touches = new ArrayList<>();

    static ChannelTracer trace(Network network) {
        ChannelTracer t = new ChannelTracer();
        int[] input = t.fresh(network.inputShape()[0], true);
        int output = network.outputLayerIndex();
        List<int[]> outputs = new ArrayList<>();
        for (int i = 0; i < network.layers().size(); i++) {
            List<int[]> in = new ArrayList<>();
            for (int source : network.sourcesOf(i)) {
                in.add(source < 0 ? input : outputs.get(source));
            }
            outputs.add(t.follow(network, i, in, i == output));
        }
        return t;
    }

    private int[] follow(Network network, int i, List<int[]> in, boolean outputLayer) {
        Layer layer = network.layer(i);
        int[] x = in.get(0);
        if (layer instanceof Dense d) {
            return produce(i, x, d.out(), outputLayer, false);
        }
        if (layer instanceof Conv2d c) {
            if (c.groups() == 1) {
                return produce(i, x, c.out(), outputLayer, false);
            }
            if (c.groups() == c.in() && c.out() == c.in() && !outputLayer) {
                return passPerChannel(i, x);
            }
            // other grouped convolutions tie their channels group-wise, which this analysis does not model: kept whole
            return produce(i, x, c.out(), true, true);
        }
        if (layer instanceof BatchNorm) {
            return passPerChannel(i, x);
        }
        if (layer instanceof Flatten) {
            return flatten(x, network.inputShapeOf(i));
        }
        if (layer instanceof Add || layer instanceof Multiply) {
            // a gate multiplies channel k of the trunk: like a residual sum, both sides keep or drop it together
            return sum(in);
        }
        if (layer instanceof ChannelSlice || layer instanceof ChannelShuffle) {
            // surgery does not re-index a slice or a shuffle: the channels on both sides are kept whole
            Arrays.stream(x).forEach(fixed::set);
            return fresh(network.outputShapeOf(i)[0], true);
        }
        if (layer instanceof Concat) {
            return in.stream().flatMapToInt(Arrays::stream).toArray();
        }
        return x;
    }

    private int[] produce(int layer, int[] x, int units, boolean fixedOutputs, boolean fixedInputs) {
        touchAll(layer, GroupMember.Role.INPUTS, x);
        if (fixedInputs) {
            Arrays.stream(x).forEach(fixed::set);
        }
        int[] out = fresh(units, fixedOutputs);
        touchAll(layer, GroupMember.Role.OUTPUTS, out);
        return out;
    }

    private int[] passPerChannel(int layer, int[] x) {
        touchAll(layer, GroupMember.Role.CHANNELWISE, x);
        return x;
    }

    private static int[] flatten(int[] x, int[] shape) {
        int perChannel = shape.length == 3 ? shape[1] * shape[2] : 1;
        int[] out = new int[x.length * perChannel];
        for (int k = 0; k < out.length; k++) {
            out[k] = x[k / perChannel];
        }
        return out;
    }

    private int[] sum(List<int[]> in) {
        for (int[] other : in.subList(1, in.size())) {
            for (int k = 0; k < other.length; k++) {
                union(in.get(0)[k], other[k]);
            }
        }
        return in.get(0);
    }

    private void touchAll(int layer, GroupMember.Role role, int[] x) {
        for (int k = 0; k < x.length; k++) {
            touches.add(new Touch(x[k], layer, role, k));
        }
    }

    private int[] fresh(int count, boolean fixedNodes) {
        if (nodes + count > parent.length) {
            parent = Arrays.copyOf(parent, Math.max(parent.length * 2, nodes + count));
        }
        int[] made = new int[count];
        for (int k = 0; k < count; k++) {
            made[k] = nodes;
            parent[nodes] = nodes;
            fixed.set(nodes, fixedNodes);
            nodes++;
        }
        return made;
    }

    private void union(int a, int b) {
        int ra = root(a);
        int rb = root(b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    int root(int node) {
        while (parent[node] != node) {
            parent[node] = parent[parent[node]];
            node = parent[node];
        }
        return node;
    }

    /** The roots of the joined nodes that cannot be pruned (the input's, the output layer's and their partners). */
    BitSet fixedRoots() {
        BitSet roots = new BitSet();
        fixed.stream().forEach(n -> roots.set(root(n)));
        return roots;
    }

    List<Touch> touches() {
        return touches;
    }
}
