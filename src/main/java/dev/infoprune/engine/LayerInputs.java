package dev.infoprune.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

/**
 * What one layer receives, per sample: the output of the layer it reads (in a chain the one before it; a join's
 * first input) in inference mode (after any pooling, flatten or BatchNorm in between), flattened channel-first as
 * PyTorch does; for a layer that reads the network's input, the normalised input. One row per sample of the data set.
 */
public final class LayerInputs {
    private LayerInputs() {
    }

    public static Matrix of(Network network, Dataset data, int layerIndex, Progress progress) {
        InputCheck.requireCompatible(network, data);
        int n = data.size();
        int width = Math.toIntExact(Tensor.sizeOf(network.inputShapeOf(layerIndex)));
        // past the last layer: the network's output
        int source = layerIndex < network.layers().size() ? network.sourcesOf(layerIndex)[0] : layerIndex - 1;
        double[] values = new double[Math.multiplyExact(n, width)];
        try (DjlNetwork djl = DjlNetwork.load(network)) {
            GradMode.withoutGradients(() -> {
                for (int first = 0; first < n; first += CaptureOptions.DEFAULT_BATCH_SIZE) {
                    progress.checkCancelled();
                    int count = Math.min(CaptureOptions.DEFAULT_BATCH_SIZE, n - first);
                    try (NDManager scope = djl.manager().newSubManager()) {
                        NDArray input = Batches.input(djl, scope, data.features(), first, count, network.normalization());
                        int offset = first * width;
                        if (source < 0) {
                            copy(input.toFloatArray(), values, offset);
                        } else {
                            djl.forwardLayers(input, source, (layer, out) -> {
                                if (layer == source) {
                                    copy(out.toFloatArray(), values, offset);
                                }
                            });
                        }
                    }
                    progress.update("capturing layer inputs", first + count, n);
                }
            });
        }
        return Matrix.wrap(n, width, values);
    }

    private static void copy(float[] from, double[] to, int offset) {
        for (int i = 0; i < from.length; i++) {
            to[offset + i] = from[i];
        }
    }
}
