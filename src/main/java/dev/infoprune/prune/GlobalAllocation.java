package dev.infoprune.prune;

import dev.infoprune.model.Network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One ranking over every hidden unit of the network: keeps the {@code budget} best-scored units, after first
 * giving every layer its {@code minPerLayer} best (when positive). Ties go to the earlier layer, then the lower
 * index. Nothing stops a layer from losing all its units when {@code minPerLayer} is 0.
 */
final class GlobalAllocation {
    private GlobalAllocation() {
    }

    private record Candidate(int layer, int unit, double score) {
    }

    /** The kept units per layer, by prunable layer name, ascending. */
    static Map<String, int[]> kept(Network network, List<double[]> scores, int budget, int minPerLayer) {
        int[] layers = network.prunableLayerIndices();
        List<boolean[]> keep = keep(scores, budget, minPerLayer);
        Map<String, int[]> kept = new LinkedHashMap<>();
        for (int l = 0; l < layers.length; l++) {
            boolean[] k = keep.get(l);
            kept.put(network.layer(layers[l]).name(), IntStream.range(0, k.length).filter(u -> k[u]).toArray());
        }
        return kept;
    }

    /** The number of units a global ranking at {@code sparsity} keeps out of {@code units}. */
    static int budget(int units, double sparsity) {
        return (int) Math.round((1 - sparsity) * units);
    }

    static List<boolean[]> keep(List<double[]> scores, int budget, int minPerLayer) {
        List<Candidate> all = new ArrayList<>();
        List<boolean[]> keep = new ArrayList<>();
        for (int l = 0; l < scores.size(); l++) {
            double[] s = scores.get(l);
            for (int u = 0; u < s.length; u++) {
                all.add(new Candidate(l, u, s[u]));
            }
            keep.add(new boolean[s.length]);
        }
        all.sort(Comparator.comparingDouble((Candidate c) -> -c.score).thenComparingInt(c -> c.layer).thenComparingInt(c -> c.unit));
        int used = 0;
        if (minPerLayer > 0) {
            for (int l = 0; l < scores.size(); l++) {
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
        return keep;
    }
}
