package dev.infoprune.ui.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One per-node score over the layers that have it, with what it means and how it was estimated, e.g.
 * "I(node; labels)" in nats by {@code ksg(k=3)}. Layers without values are drawn neutral.
 */
public record NodeScore(String id, String title, String unit, String estimator, Map<String, double[]> byLayer) {
    public NodeScore {
        byLayer = Collections.unmodifiableMap(new LinkedHashMap<>(byLayer));
    }

    /** The value of one node, or NaN when this score has none for it. */
    public double value(String layer, int index) {
        double[] v = layer == null ? null : byLayer.get(layer);
        return v == null || index >= v.length ? Double.NaN : v[index];
    }

    public double min() {
        return byLayer.values().stream().flatMapToDouble(java.util.Arrays::stream).filter(Double::isFinite).min().orElse(0);
    }

    public double max() {
        return byLayer.values().stream().flatMapToDouble(java.util.Arrays::stream).filter(Double::isFinite).max().orElse(1);
    }

    /** For the legend, e.g. {@code I(node; labels) [nats] — ksg(k=3)}. */
    public String describe() {
        return title + (unit.isEmpty() ? "" : " [" + unit + "]") + (estimator.isEmpty() ? "" : " — " + estimator);
    }

    @Override
    public String toString() {
        return title;
    }
}
