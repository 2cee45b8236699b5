package dev.infoprune.prune;

import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the same fraction of every hidden layer (at least one unit): the units with the largest L1 norm of
 * incoming weights (for a conv filter, its whole kernel). On a graph network the same fraction of every dependency
 * group, a group's channel scored by the sum of its producers' L1 norms.
 */
public final class LocalMagnitude implements PruningMethod {
    public static final String NAME = "local-magnitude";
    private final double sparsity;

    public LocalMagnitude(double sparsity) {
        Ranking.checkSparsity(sparsity);
        this.sparsity = sparsity;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PlanResult plan(Network network, Activations probe, Progress progress) {
        if (network.isGraph()) {
            List<DependencyGroup> groups = DependencyGroups.of(network).groups();
            List<int[]> keep = GroupPlans.summedScores(network, groups, li -> UnitScore.L1.score(network, li, probe))
                    .stream().map(s -> Ranking.topK(s, Ranking.keptCount(s.length, sparsity))).toList();
            return plan(GroupPlans.kept(network, groups, keep));
        }
        Map<String, int[]> kept = new LinkedHashMap<>();
        for (int li : network.prunableLayerIndices()) {
            progress.checkCancelled();
            double[] s = UnitScore.L1.score(network, li, probe);
            kept.put(network.layer(li).name(), Ranking.topK(s, Ranking.keptCount(s.length, sparsity)));
        }
        return plan(kept);
    }

    private PlanResult plan(Map<String, int[]> kept) {
        return PlanResult.of(new PruningPlan(NAME, Map.of("score", "l1", "sparsity", sparsity), 0, kept));
    }
}
