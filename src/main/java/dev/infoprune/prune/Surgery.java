package dev.infoprune.prune;

import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a plan into a physically smaller network, chain or graph. For every pruned layer it keeps the chosen rows of
 * its weight and bias (dense units or conv filters); the kept channels then flow through the network
 * ({@link KeptChannels}): BatchNorms and depthwise convs keep the matching per-channel entries, a residual add passes
 * the channels its inputs keep (on a graph the plan must keep the same channels in every producer of a group, which
 * {@link DependencyGroups#check} ensures), a concat places each input's kept channels at its offset, a flatten gives
 * each channel its {@code h·w} features, and the next dense/conv layer keeps the matching input columns. Layers the
 * plan does not name keep all their units.
 */
public final class Surgery {
    private Surgery() {
    }

    public static Network apply(Network network, PruningPlan plan) {
        KeptChannels flow = KeptChannels.checked(network, plan);
        List<Layer> out = new ArrayList<>();
        for (int li = 0; li < network.layers().size(); li++) {
            Layer layer = network.layer(li);
            int[] incoming = flow.incoming(li);
            if (layer instanceof Conv2d c && KeptChannels.depthwise(c)) {
                out.add(incoming == null ? c : new Conv2d(c.name(), incoming.length, incoming.length, c.kernel(),
                        c.stride(), c.padding(), incoming.length, c.weight().selectFirstAxis(incoming),
                        c.bias().selectFirstAxis(incoming)));
                flow.pass(li, incoming);
            } else if (layer instanceof Dense || layer instanceof Conv2d) {
                Tensor w = layer.weights().get("weight");
                Tensor b = layer.weights().get("bias");
                if (incoming != null) {
                    w = w.selectSecondAxis(incoming, 1);
                }
                int[] keep = plan.kept().get(layer.name());
                if (keep != null) {
                    w = w.selectFirstAxis(keep);
                    b = b.selectFirstAxis(keep);
                }
                out.add(layer.withWeights(Map.of("weight", w, "bias", b)));
                flow.pass(li, keep);
            } else {
                if (layer instanceof BatchNorm bn && incoming != null) {
                    layer = bn.withWeights(Map.of(
                            "weight", bn.weight().selectFirstAxis(incoming),
                            "bias", bn.bias().selectFirstAxis(incoming),
                            "running_mean", bn.runningMean().selectFirstAxis(incoming),
                            "running_var", bn.runningVar().selectFirstAxis(incoming)));
                }
                out.add(layer);
                flow.follow(li);
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
