package dev.infoprune.prune;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a pruning method decided: for every prunable layer (input side first) the indices of the units it
 * keeps, ascending; plus the method, its settings and the seed, so that the plan can be reproduced.
 */
public record PruningPlan(String method, Map<String, Object> settings, long seed, Map<String, int[]> kept) {
    public PruningPlan {
        settings = Collections.unmodifiableMap(new TreeMap<>(settings));
        Map<String, int[]> copy = new LinkedHashMap<>();
        kept.forEach((layer, idx) -> {
            int[] sorted = idx.clone();
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    throw new IllegalArgumentException("layer " + layer + " keeps unit " + sorted[i] + " twice");
                }
            }
            copy.put(layer, sorted);
        });
        kept = Collections.unmodifiableMap(copy);
    }

    public int[] keptIn(String layer) {
        int[] k = kept.get(layer);
        return k == null ? null : k.clone();
    }

    public int keptCount(String layer) {
        int[] k = kept.get(layer);
        return k == null ? 0 : k.length;
    }

    public int totalKept() {
        return kept.values().stream().mapToInt(a -> a.length).sum();
    }
}
