package dev.infoprune.prune;

import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Keeps the same fraction of every hidden layer (at least one unit), chosen uniformly at random with a seed; on a graph
 * network the same fraction of every dependency group.
 */
public final class RandomPruning implements PruningMethod {
    public static final String NAME = "random";
    private final double sparsity;
    private final long seed;

    public RandomPruning(double sparsity, long seed) {
        Ranking.checkSparsity(sparsity);
        this.sparsity = sparsity;
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PlanResult plan(Network network, Activations probe, Progress progress) {
        SplittableRandom random = new SplittableRandom(seed);
        if (network.isGraph()) {
            List<DependencyGroup> groups = DependencyGroups.of(network).groups();
            List<int[]> keep = groups.stream().map(g -> Ranking.topK(scores(random, g.channels()),
                    Ranking.keptCount(g.channels(), sparsity))).toList();
            return plan(GroupPlans.kept(network, groups, keep));
        }
        Map<String, int[]> kept = new LinkedHashMap<>();
        for (int li : network.prunableLayerIndices()) {
            int width = network.layer(li).units();
            double[] s = scores(random, width);
            kept.put(network.layer(li).name(), Ranking.topK(s, Ranking.keptCount(width, sparsity)));
        }
        return plan(kept);
    }

    private PlanResult plan(Map<String, int[]> kept) {
        return PlanResult.of(new PruningPlan(NAME, Map.of("sparsity", sparsity), seed, kept));
    }

    /** One uniform draw per unit: ranking them picks units uniformly at random. */
    static double[] scores(SplittableRandom random, int width) {
        double[] s = new double[width];
        for (int u = 0; u < width; u++) {
            s[u] = random.nextDouble();
        }
        return s;
    }
}
