package dev.infoprune.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often each method collapses a layer (leaves it at most one unit, emptied included), as in the MIPP paper's
 * Fig. 3: every run of a comparison (all settings, all seeds) is put in the sparsity bin of the sparsity it reached,
 * ten bins of width 0.1, and each bin counts its runs and those with a collapsed layer.
 *
 * @param bins per method (in the order first run), its non-empty bins from low to high sparsity
 */
public record CollapseFrequency(List<Bin> bins) {
    static final int BINS = 10;

    /**
     * @param bin       the bin's index: sparsities in [bin / 10, (bin + 1) / 10), the last bin closed at 1
     * @param perLayer  how many of the bin's runs collapsed each layer (layers never collapsed are left out)
     */
    public record Bin(String method, int bin, int runs, int collapsed, Map<String, Integer> perLayer) {
        public Bin {
            perLayer = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(perLayer));
        }

        public double from() {
            return bin / (double) BINS;
        }

        public double to() {
            return (bin + 1) / (double) BINS;
        }

        /** Share of the bin's runs with at least one collapsed layer. */
        public double share() {
            return runs == 0 ? 0 : collapsed / (double) runs;
        }

        /** E.g. {@code [0.5, 0.6)}. */
        public String label() {
            return String.format(Locale.ROOT, "[%.1f, %.1f%s", from(), to(), bin == BINS - 1 ? "]" : ")");
        }
    }

    public CollapseFrequency {
        bins = List.copyOf(bins);
    }

    public static CollapseFrequency of(ExperimentResult result) {
        Map<String, TreeMap<Integer, List<MethodResult>>> byMethod = new LinkedHashMap<>();
        for (MethodResult m : result.results()) {
            byMethod.computeIfAbsent(m.method(), k -> new TreeMap<>())
                    .computeIfAbsent(binOf(m.sparsity()), k -> new ArrayList<>()).add(m);
        }
        List<Bin> out = new ArrayList<>();
        byMethod.forEach((method, bins) -> bins.forEach((bin, runs) -> out.add(bin(method, bin, runs, result.hiddenLayers()))));
        return new CollapseFrequency(out);
    }

    /** Whether some method ran more than once (a sweep, several seeds or several MIPP confidences). */
    public static boolean worthShowing(ExperimentResult result) {
        return result.results().stream().collect(java.util.stream.Collectors.groupingBy(MethodResult::method,
                java.util.stream.Collectors.counting())).values().stream().anyMatch(n -> n > 1);
    }

    /** Sparsity's bin; a hair below a bin's edge (0.8999999… from 90 of 100 units removed) counts as on it. */
    static int binOf(double sparsity) {
        return Math.max(0, Math.min(BINS - 1, (int) Math.floor(sparsity * BINS + 1e-9)));
    }

    private static Bin bin(String method, int bin, List<MethodResult> runs, List<String> layers) {
        Map<String, Integer> perLayer = new LinkedHashMap<>();
        for (String layer : layers) {
            int n = (int) runs.stream().filter(r -> r.collapsedLayers().contains(layer)).count();
            if (n > 0) {
                perLayer.put(layer, n);
            }
        }
        int collapsed = (int) runs.stream().filter(r -> !r.collapsedLayers().isEmpty()).count();
        return new Bin(method, bin, runs.size(), collapsed, perLayer);
    }

    public List<String> methods() {
        return bins.stream().map(Bin::method).distinct().toList();
    }

    /**
     * For a chart: per method, per bin some method has runs in (by label, from low to high sparsity), the percentage
     * of the method's runs there that collapsed a layer; null where the method has no run in the bin.
     */
    public Map<String, Map<String, Double>> percentages() {
        java.util.SortedMap<Integer, String> used = new TreeMap<>();
        bins.forEach(b -> used.put(b.bin(), b.label()));
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (String method : methods()) {
            Map<String, Double> row = new LinkedHashMap<>();
            used.forEach((bin, label) -> row.put(label, of(method).stream().filter(b -> b.bin() == bin).findFirst()
                    .map(b -> 100 * b.share()).orElse(null)));
            out.put(method, row);
        }
        return out;
    }

    public List<Bin> of(String method) {
        return bins.stream().filter(b -> b.method().equals(method)).toList();
    }
}
