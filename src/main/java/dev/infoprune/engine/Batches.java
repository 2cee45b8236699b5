package dev.infoprune.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.infoprune.model.Normalization;

import java.util.Arrays;

/** Builds input batches from row-major float arrays, normalising a copy (the data set stays as it is). */
final class Batches {
    private Batches() {
    }

    static NDArray input(DjlNetwork djl, NDManager scope, float[] rows, int first, int count, Normalization norm) {
        int size = djl.network().inputSize();
        float[] batch = Arrays.copyOfRange(rows, first * size, (first + count) * size);
        normalize(batch, count, size, norm);
        return scope.create(batch, djl.batchShape(count));
    }

    /** The rows listed in {@code order[from, from + count)}, normalised. */
    static NDArray gather(DjlNetwork djl, NDManager scope, float[] rows, int[] order, int from, int count,
                          Normalization norm) {
        int size = djl.network().inputSize();
        float[] batch = new float[count * size];
        for (int i = 0; i < count; i++) {
            System.arraycopy(rows, order[from + i] * size, batch, i * size, size);
        }
        normalize(batch, count, size, norm);
        return scope.create(batch, djl.batchShape(count));
    }

    private static void normalize(float[] batch, int count, int size, Normalization norm) {
        if (!norm.isIdentity()) {
            for (int i = 0; i < count; i++) {
                norm.applyInPlace(batch, i * size, size);
            }
        }
    }
}
