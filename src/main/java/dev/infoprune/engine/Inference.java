package dev.infoprune.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;

/**
 * Forward passes in batches: the network's outputs (logits) for a data set or for raw inputs, and evaluation.
 * Data-set inputs are normalised with the network's recorded {@link Normalization} first; raw inputs are fed
 * as they are.
 */
public final class Inference {
    public static final int BATCH_SIZE = 500;

    private Inference() {
    }

    /** The logits ({@code N × outputs}) of every sample of {@code data}, normalised as the network was trained. */
    public static Matrix outputs(Network network, Dataset data, Progress progress) {
        InputCheck.requireCompatible(network, data);
        try (DjlNetwork djl = DjlNetwork.load(network)) {
            return outputs(djl, data.features(), data.size(), network.normalization(), progress);
        }
    }

    /**
     * The logits for raw inputs fed as they are: {@code rows} holds {@code count} inputs, each flattened in the
     * network's input shape. {@code source} names where they came from, for error messages.
     */
    public static Matrix outputsOfRawInputs(Network network, float[] rows, int count, String source, Progress progress) {
        InputCheck.requireRawRows(network, rows, count, source);
        try (DjlNetwork djl = DjlNetwork.load(network)) {
            return outputs(djl, rows, count, Normalization.IDENTITY, progress);
        }
    }

    /** Accuracy and mean cross-entropy of the network on {@code data}. */
    public static Evaluation evaluate(Network network, Dataset data, Progress progress) {
        return Evaluation.of(outputs(network, data, progress), data.labels());
    }

    static Matrix outputs(DjlNetwork djl, float[] rows, int count, Normalization normalization, Progress progress) {
        int outputs = djl.network().outputSize();
        double[] result = new double[count * outputs];
        GradMode.withoutGradients(() -> {
            for (int first = 0; first < count; first += BATCH_SIZE) {
                progress.checkCancelled();
                int n = Math.min(BATCH_SIZE, count - first);
                try (NDManager scope = djl.manager().newSubManager()) {
                    NDArray input = Batches.input(djl, scope, rows, first, n, normalization);
                    float[] out = djl.forward(input, false).toFloatArray();
                    for (int i = 0; i < out.length; i++) {
                        result[first * outputs + i] = out[i];
                    }
                }
                progress.update("forward pass", first + n, count);
            }
        });
        return Matrix.wrap(count, outputs, result);
    }
}
