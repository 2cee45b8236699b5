package dev.infoprune.prune;

import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks every hidden unit of the network together by one score and keeps the best
 * {@code round((1 − sparsity) · hidden units)}. There is no per-layer guard unless {@code minPerLayer > 0}, so
 * a layer whose scores are small on the common scale can lose all its units; the plan then says so (an
 * empty kept list) rather than hiding it. Ties go to the earlier layer, then the lower index.
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

    private record Candidate(int layer, int unit, double score) {
    }

    @Override
    public PlanResult plan(Network network, Activations probe, Progress progress) {
        int[] layers = network.prunableLayerIndices();
        List<Candidate> all = new ArrayList<>();
        List<boolean[]> keep = new ArrayList<>();
        for (int l = 0; l < layers.length; l++) {
            progress.checkCancelled();
            progress.update("scoring " + network.layer(layers[l]).name(), l, layers.length);
            double[] s = score.score(network, layers[l], probe);
            for (int u = 0; u < s.length; u++) {
                all.add(new Candidate(l, u, s[u]));
            }
            keep.add(new boolean[s.length]);
        }
        int budget = (int) Math.round((1 - sparsity) * all.size());
        all.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparingInt(c -> c.layer).thenComparingInt(c -> c.unit));
        int used = 0;
        if (minPerLayer > 0) {
            for (int l = 0; l < layers.length; l++) {
                int need = Math.min(minPerLayer, keep.get(l).length);
                for (Candidate c : all) {
                    if (need == 0) {
                        break;
                    }
                    if (c.layer == l) {
                        keep.get(l)[c.unit] = true;
                        need--;
                        used++;
                    }
                }
            }
        }
        for (Candidate c : all) {
            if (used >= budget) {
                break;
            }
            if (!keep.get(c.layer)[c.unit]) {
                keep.get(c.layer)[c.unit] = true;
                used++;
            }
        }
        Map<String, int[]> kept = new LinkedHashMap<>();
        for (int l = 0; l < layers.length; l++) {
            boolean[] k = keep.get(l);
            kept.put(network.layer(layers[l]).name(), java.util.stream.IntStream.range(0, k.length).filter(u -> k[u]).toArray());
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("score", score.name());
        settings.put("sparsity", sparsity);
        settings.put("minPerLayer", minPerLayer);
        progress.update("ranked", layers.length, layers.length);
        return PlanResult.of(new PruningPlan(NAME, settings, 0, kept));
    }
}
