package dev.infoprune.prune;

import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The plan applied without changing any shape: the next dense/conv layer's incoming weights from every pruned
 * channel are set to zero (all {@code h·w} of them across a flatten). Because nothing else reads a unit's output,
 * this is exactly equivalent to removing it, whatever the activation, pooling, BatchNorm or depthwise conv in between;
 * on a graph the pruned channels flow through adds and concats as {@link Surgery} has them ({@link KeptChannels}).
 */
public final class Masking {
    private Masking() {
    }

    public static Network apply(Network network, PruningPlan plan) {
        KeptChannels flow = KeptChannels.checked(network, plan);
        List<Layer> out = new ArrayList<>();
        for (int li = 0; li < network.layers().size(); li++) {
            Layer layer = network.layer(li);
            int[] incoming = flow.incoming(li);
            if (layer instanceof Conv2d c && KeptChannels.depthwise(c)) {
                flow.pass(li, incoming);
            } else if (layer instanceof Dense || layer instanceof Conv2d) {
                Tensor w = layer.weights().get("weight");
                if (incoming != null) {
                    w = zeroInputs(w, KeptChannels.removed(incoming, w.dim(1)));
                    layer = layer.withWeights(Map.of("weight", w, "bias", layer.weights().get("bias")));
                }
                flow.pass(li, plan.kept().get(layer.name()));
            } else {
                flow.follow(li);
            }
            out.add(layer);
        }
        return network.withLayers(out);
    }

    private static Tensor zeroInputs(Tensor w, boolean[] pruned) {
        float[] d = w.copyData();
        int outer = w.dim(0);
        int second = w.dim(1);
        int inner = w.size() / Math.max(1, outer * second);
        for (int o = 0; o < outer; o++) {
            for (int unit = 0; unit < pruned.length; unit++) {
                if (pruned[unit]) {
                    int from = (o * second + unit) * inner;
                    Arrays.fill(d, from, from + inner, 0f);
                }
            }
        }
        return new Tensor(w.shape(), d);
    }
}
