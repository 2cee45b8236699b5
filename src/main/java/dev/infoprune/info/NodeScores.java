package dev.infoprune.info;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One score per node for every prunable layer (network order), with what produced it: the kind, the
 * estimator and its parameters (null for weight norms), and the scorer's own settings (e.g. the conditioning
 * approximation). Values are in nats for information scores (HSIC: a dependence score).
 */
public record NodeScores(ScoreKind kind, EstimatorSpec estimator, Map<String, Object> settings, Map<String, double[]> byLayer) {
    public NodeScores {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        Map<String, double[]> copy = new LinkedHashMap<>();
        byLayer.forEach((k, v) -> copy.put(k, v.clone()));
        byLayer = Collections.unmodifiableMap(copy);
    }

    /** The scores of one layer (a copy). */
    public double[] of(String layer) {
        double[] v = byLayer.get(layer);
        if (v == null) {
            throw new IllegalArgumentException("no scores for layer " + layer);
        }
        return v.clone();
    }

    /** For legends: e.g. {@code I(node; labels) — ksg(algorithm=1, k=3, noise=1.0E-10, seed=0)}. */
    public String describe() {
        return kind.label() + (estimator == null ? "" : " — " + estimator.describe());
    }
}
