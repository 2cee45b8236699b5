package dev.infoprune.prune;

import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Ranks every hidden unit of the network together by one score and keeps the best
 * {@code round((1 − sparsity) · hidden units)}. There is no per-layer guard unless {@code minPerLayer > 0}, so
 * a layer whose scores are small on the common scale can lose all its units; the plan then says so (an
 * empty kept list) rather than hiding it. Ties go to the earlier layer, then the lower index. On a graph network the
 * ranking is over the channels of the dependency groups, each scored by the sum over the group's producers, and
 * {@code minPerLayer} (at least 1) guards every group instead of every layer.
 */
public final class GlobalTopK implements PruningMethod {
    public static final String NAME = "global-topk";
    private final UnitScore score;
    private final double sparsity;
    private final int minPerLayer;

    public GlobalTopK(UnitScore score, double sparsity, int minPerLayer) {
        Ranking.checkSparsity(sparsity);
        if (minPerLayer < 0) {
            throw new IllegalArgumentException("min-per-layer must not be negative, got " + minPerLayer);
        }
        this.score = score;
        this.sparsity = sparsity;
        this.minPerLayer = minPerLayer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PlanResult plan(Network network, Activations probe, Progress progress) {
        if (network.isGraph()) {
            return PlanResult.of(new PruningPlan(NAME, settings(), 0, groupKept(network, probe)));
        }
        int[] layers = network.prunableLayerIndices();
        List<double[]> scores = new ArrayList<>();
        int units = 0;
        for (int l = 0; l < layers.length; l++) {
            progress.checkCancelled();
            progress.update("scoring " + network.layer(layers[l]).name(), l, layers.length);
            double[] s = score.score(network, layers[l], probe);
            scores.add(s);
            units += s.length;
        }
        Map<String, int[]> kept = GlobalAllocation.kept(network, scores, GlobalAllocation.budget(units, sparsity), minPerLayer);
        progress.update("ranked", layers.length, layers.length);
        return PlanResult.of(new PruningPlan(NAME, settings(), 0, kept));
    }

    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("score", score.name());
        settings.put("sparsity", sparsity);
        settings.put("minPerLayer", minPerLayer);
        return settings;
    }

    private Map<String, int[]> groupKept(Network network, Activations probe) {
        List<DependencyGroup> groups = DependencyGroups.of(network).groups();
        return GroupPlans.rankedTogether(network, groups, li -> score.score(network, li, probe),
                GlobalAllocation.budget(GroupPlans.channels(groups), sparsity), minPerLayer);
    }
}
