package dev.infoprune.prune;

import dev.infoprune.model.Concat;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Flatten;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which channels (features, after a flatten) of every layer's output survive a plan, layer by layer in the network's
 * order; null stands for all of them. Producers set theirs from the plan; the other layers follow their inputs: a
 * residual add keeps what its first input keeps (a group-consistent plan keeps the same in all of them), a concat
 * joins its inputs' kept channels at their offsets, a flatten expands each kept channel to its {@code h·w} features.
 */
final class KeptChannels {
    private final Network network;
    private final List<int[]> kept = new ArrayList<>();

    /** A walk for {@code plan}, after checking it fits the network (and, on a graph, keeps its groups whole). */
    static KeptChannels checked(Network network, PruningPlan plan) {
        PlanValidation.checkStructure(plan, network, "plan " + plan.method());
        if (network.isGraph()) {
            DependencyGroups.check(network, plan);
        }
        return new KeptChannels(network);
    }

    KeptChannels(Network network) {
        this.network = network;
    }

    static boolean depthwise(Conv2d c) {
        return c.groups() > 1 && c.groups() == c.in() && c.out() == c.in();
    }

    /** The kept channels of the tensor a layer reads (its first input), null for all. */
    int[] incoming(int layer) {
        int source = network.sourcesOf(layer)[0];
        return source < 0 ? null : kept.get(source);
    }

    /** Records a layer's kept output channels. */
    void pass(int layer, int[] keptOutputs) {
        if (kept.size() != layer) {
            throw new IllegalStateException("layers must be followed in order");
        }
        kept.add(keptOutputs);
    }

    /** Records the kept output channels of a layer without weights of its own. */
    void follow(int layer) {
        int[] x = incoming(layer);
        if (network.layer(layer) instanceof Concat) {
            pass(layer, concat(network.sourcesOf(layer)));
        } else if (network.layer(layer) instanceof Flatten && x != null) {
            int[] s = network.inputShapeOf(layer);
            pass(layer, Surgery.expand(x, (int) (Tensor.sizeOf(s) / s[0])));
        } else {
            pass(layer, x); // adds (group-consistent), activations, pools, dropout, BatchNorm, global pooling
        }
    }

    private int[] concat(int[] sources) {
        boolean all = true;
        for (int s : sources) {
            all &= s < 0 || kept.get(s) == null;
        }
        if (all) {
            return null;
        }
        IntStream joined = IntStream.empty();
        int offset = 0;
        for (int s : sources) {
            int channels = s < 0 ? network.inputShape()[0] : network.outputShapeOf(s)[0];
            int[] k = s < 0 ? null : kept.get(s);
            int from = offset;
            joined = IntStream.concat(joined, k == null ? IntStream.range(from, from + channels)
                    : IntStream.of(k).map(c -> c + from));
            offset += channels;
        }
        return joined.toArray();
    }

    /** The pruned channels of a layer's kept ones among {@code width}: true where removed. */
    static boolean[] removed(int[] keptChannels, int width) {
        boolean[] out = new boolean[width];
        if (keptChannels != null) {
            java.util.Arrays.fill(out, true);
            for (int k : keptChannels) {
                out[k] = false;
            }
        }
        return out;
    }
}
