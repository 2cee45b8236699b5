package dev.infoprune.prune;

import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Flatten;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The plan applied without changing any shape: the next dense/conv layer's incoming weights from every pruned
 * unit are set to zero (all {@code h·w} of them across a flatten). Because nothing else reads a unit's output,
 * this is exactly equivalent to removing it, whatever the activation, pooling or BatchNorm in between.
 */
public final class Masking {
    private Masking() {
    }

    public static Network apply(Network network, PruningPlan plan) {
        PlanValidation.checkStructure(plan, network, "plan " + plan.method());
        List<Layer> out = new ArrayList<>();
        boolean[] silenced = null; // per unit of the last dense/conv layer seen, true when pruned
        int group = 1;
        for (int li = 0; li < network.layers().size(); li++) {
            Layer layer = network.layer(li);
            if (layer instanceof Dense || layer instanceof Conv2d) {
                Tensor w = layer.weights().get("weight");
                if (silenced != null) {
                    w = zeroInputs(w, silenced, group);
                    layer = layer.withWeights(Map.of("weight", w, "bias", layer.weights().get("bias")));
                }
                int[] keep = plan.kept().get(layer.name());
                silenced = keep == null ? null : complement(keep, layer.units());
                group = 1;
            } else if (layer instanceof Flatten && silenced != null) {
                int[] s = network.inputShapeOf(li);
                group *= (int) (Tensor.sizeOf(s) / s[0]);
            }
            out.add(layer);
        }
        return network.withLayers(out);
    }

    private static boolean[] complement(int[] keep, int units) {
        boolean[] pruned = new boolean[units];
        Arrays.fill(pruned, true);
        for (int k : keep) {
            pruned[k] = false;
        }
        return pruned;
    }

    private static Tensor zeroInputs(Tensor w, boolean[] pruned, int group) {
        float[] d = w.copyData();
        int outer = w.dim(0);
        int second = w.dim(1);
        int inner = w.size() / Math.max(1, outer * second);
        for (int o = 0; o < outer; o++) {
            for (int unit = 0; unit < pruned.length; unit++) {
                if (pruned[unit]) {
                    int from = (o * second + unit * group) * inner;
                    Arrays.fill(d, from, from + group * inner, 0f);
                }
            }
        }
        return new Tensor(w.shape(), d);
    }
}
