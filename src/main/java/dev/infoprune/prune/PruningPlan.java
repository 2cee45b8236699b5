package dev.infoprune.prune;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a pruning method decided: for every prunable layer (input side first) the indices of the units it
 * keeps, ascending; plus the method, its settings and the seed, so that the plan can be reproduced.
 *
 * <p>Plans are equal when they keep the same units of the same layers (in the same layer order) with the same
 * method, seed and settings; numeric settings compare by value, so a plan read back from JSON (where 5 and 5L
 * look alike) equals the plan written.
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

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PruningPlan p) || !method.equals(p.method) || seed != p.seed
                || !new java.util.ArrayList<>(kept.keySet()).equals(new java.util.ArrayList<>(p.kept.keySet()))
                || !settings.keySet().equals(p.settings.keySet())) {
            return false;
        }
        for (Map.Entry<String, int[]> e : kept.entrySet()) {
            if (!Arrays.equals(e.getValue(), p.kept.get(e.getKey()))) {
                return false;
            }
        }
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            if (!sameSetting(e.getValue(), p.settings.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameSetting(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return integral(x) && integral(y) ? x.longValue() == y.longValue()
                    : Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        return java.util.Objects.equals(a, b);
    }

    private static boolean integral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    @Override
    public int hashCode() {
        int h = method.hashCode() * 31 + Long.hashCode(seed);
        for (Map.Entry<String, int[]> e : kept.entrySet()) {
            h = h * 31 + e.getKey().hashCode() * 17 + Arrays.hashCode(e.getValue());
        }
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            Object v = e.getValue();
            h = h * 31 + e.getKey().hashCode() * 17
                    + (v instanceof Number n ? Double.hashCode(n.doubleValue()) : java.util.Objects.hashCode(v));
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PruningPlan[method=" + method + ", settings=" + settings + ", seed=" + seed + ", kept={");
        kept.forEach((layer, idx) -> b.append(layer).append('=').append(Arrays.toString(idx)).append(' '));
        return b.append("}]").toString();
    }
}
