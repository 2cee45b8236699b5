package dev.infoprune.model;

import java.util.Arrays;

final class LayerChecks {
    private LayerChecks() {
    }

    static void requireShape(String layer, String weight, Tensor t, int... expected) {
        if (t == null) {
            throw new WeightShapeException(layer + "." + weight, null, expected);
        }
        if (!Arrays.equals(t.shape(), expected)) {
            throw new WeightShapeException(layer + "." + weight, t.shape(), expected);
        }
    }
}
