package dev.infoprune.engine;

import dev.infoprune.core.Matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a network's units did on a set of samples: for every prunable layer (input side first) and for the
 * output layer (last), an {@code N × units} matrix. A conv filter is one column (its map averaged over space,
 * unless captured raw). Also carries the samples' labels. Immutable.
 */
public final class Activations {
    private final Map<String, Matrix> byLayer;
    private final String outputLayer;
    private final int[] labels;

    /** {@code byLayer} in network order with the output layer last. */
    public Activations(Map<String, Matrix> byLayer, String outputLayer, int[] labels) {
        if (!byLayer.containsKey(outputLayer)) {
            throw new IllegalArgumentException("activations lack the output layer " + outputLayer);
        }
        this.byLayer = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byLayer));
        this.outputLayer = outputLayer;
        this.labels = labels.clone();
        for (Map.Entry<String, Matrix> e : byLayer.entrySet()) {
            if (e.getValue().rows() != labels.length) {
                throw new IllegalArgumentException("layer " + e.getKey() + " has " + e.getValue().rows()
                        + " samples, labels have " + labels.length);
            }
        }
    }

    public Matrix of(String layer) {
        Matrix m = byLayer.get(layer);
        if (m == null) {
            throw new IllegalArgumentException("no activations for layer " + layer);
        }
        return m;
    }

    /** Prunable layers, input side first (the output layer excluded). */
    public List<String> hiddenLayers() {
        List<String> out = new ArrayList<>(byLayer.keySet());
        out.remove(outputLayer);
        return out;
    }

    public String outputLayer() {
        return outputLayer;
    }

    public Matrix outputs() {
        return byLayer.get(outputLayer);
    }

    public int[] labels() {
        return labels.clone();
    }

    public int samples() {
        return labels.length;
    }

    /** The same activations on a subset of the samples (rows), e.g. a seeded subsample. */
    public Activations selectSamples(int[] rows) {
        Map<String, Matrix> sub = new LinkedHashMap<>();
        byLayer.forEach((k, v) -> sub.put(k, v.selectRows(rows)));
        int[] l = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            l[i] = labels[rows[i]];
        }
        return new Activations(sub, outputLayer, l);
    }
}
