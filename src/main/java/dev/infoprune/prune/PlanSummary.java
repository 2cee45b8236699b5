package dev.infoprune.prune;

import dev.infoprune.model.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * What a plan does to a network's hidden layers: widths before and after, the share of hidden units removed,
 * and the layers that collapsed (one unit or none left), which global rankings can cause.
 */
public record PlanSummary(List<LayerWidth> layers, int hiddenBefore, int hiddenAfter) {
    public record LayerWidth(String layer, int before, int after) {
        public boolean collapsed() {
            return after <= 1 && before > 1;
        }

        public double sparsity() {
            return before == 0 ? 0 : 1 - (double) after / before;
        }
    }

    public PlanSummary {
        layers = List.copyOf(layers);
    }

    public static PlanSummary of(Network network, PruningPlan plan) {
        List<LayerWidth> widths = new ArrayList<>();
        int before = 0;
        int after = 0;
        for (int li : network.prunableLayerIndices()) {
            String name = network.layer(li).name();
            int b = network.layer(li).units();
            int a = plan.kept().containsKey(name) ? plan.keptCount(name) : b;
            widths.add(new LayerWidth(name, b, a));
            before += b;
            after += a;
        }
        return new PlanSummary(widths, before, after);
    }

    /** Fraction of hidden units removed, 0..1. */
    public double sparsity() {
        return hiddenBefore == 0 ? 0 : 1 - (double) hiddenAfter / hiddenBefore;
    }

    public List<String> collapsedLayers() {
        return layers.stream().filter(LayerWidth::collapsed).map(LayerWidth::layer).toList();
    }

    public List<String> emptiedLayers() {
        return layers.stream().filter(l -> l.after() == 0).map(LayerWidth::layer).toList();
    }
}
