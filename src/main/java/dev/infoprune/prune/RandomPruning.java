package dev.infoprune.prune;

import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** Keeps the same fraction of every hidden layer (at least one unit), chosen uniformly at random with a seed. */
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
        Map<String, int[]> kept = new LinkedHashMap<>();
        for (int li : network.prunableLayerIndices()) {
            int width = network.layer(li).units();
            double[] s = scores(random, width);
            kept.put(network.layer(li).name(), Ranking.topK(s, Ranking.keptCount(width, sparsity)));
        }
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
