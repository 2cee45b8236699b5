package dev.infoprune.prune;

import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Flatten;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a plan into a physically smaller network. For every pruned layer it keeps the chosen rows of its
 * weight and bias (dense units or conv filters), the matching entries of any BatchNorm that follows, and the
 * matching input columns of the next dense/conv layer; across a flatten each filter owns its {@code h·w}
 * consecutive inputs of the dense layer. Pools, activations, dropout and global pooling act per channel and
 * pass through unchanged. Layers the plan does not name keep all their units.
 */
public final class Surgery {
    private Surgery() {
    }

    public static Network apply(Network network, PruningPlan plan) {
        PlanValidation.checkStructure(plan, network, "plan " + plan.method());
        List<Layer> out = new ArrayList<>();
        int[] incoming = null; // kept channels/features of the tensor flowing into the current layer, null = all
        int group = 1;         // consecutive inputs each kept index owns (h*w after a flatten of a conv map)
        for (int li = 0; li < network.layers().size(); li++) {
            Layer layer = network.layer(li);
            if (layer instanceof Dense || layer instanceof Conv2d) {
                Tensor w = layer.weights().get("weight");
                Tensor b = layer.weights().get("bias");
                if (incoming != null) {
                    w = w.selectSecondAxis(incoming, group);
                }
                int[] keep = plan.kept().get(layer.name());
                if (keep != null) {
                    w = w.selectFirstAxis(keep);
                    b = b.selectFirstAxis(keep);
                }
                out.add(layer.withWeights(Map.of("weight", w, "bias", b)));
                incoming = keep;
                group = 1;
            } else if (layer instanceof BatchNorm bn && incoming != null) {
                int[] features = expand(incoming, group);
                out.add(bn.withWeights(Map.of(
                        "weight", bn.weight().selectFirstAxis(features),
                        "bias", bn.bias().selectFirstAxis(features),
                        "running_mean", bn.runningMean().selectFirstAxis(features),
                        "running_var", bn.runningVar().selectFirstAxis(features))));
            } else {
                if (layer instanceof Flatten && incoming != null) {
                    int[] s = network.inputShapeOf(li);
                    group *= (int) (Tensor.sizeOf(s) / s[0]);
                }
                out.add(layer);
            }
        }
        return network.withLayers(out);
    }

    /** Index {@code i} with group {@code g} stands for features {@code i*g .. i*g+g-1}. */
    static int[] expand(int[] indices, int group) {
        if (group == 1) {
            return indices;
        }
        int[] out = new int[indices.length * group];
        for (int k = 0; k < indices.length; k++) {
            for (int j = 0; j < group; j++) {
                out[k * group + j] = indices[k] * group + j;
            }
        }
        return out;
    }
}
