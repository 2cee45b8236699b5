package dev.infoprune.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.SeededSubset;
import dev.infoprune.model.Activation;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Dropout;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs a network over a data set (normalised as the network records) and keeps, for every prunable layer and
 * the output layer, an {@code N × units} matrix of what its units did.
 *
 * <p>Where a hidden layer is read: after the element-wise layers that directly follow it (BatchNorm,
 * activation, dropout, which is the identity at inference), before any pooling, flatten or the next dense or
 * conv layer. So a node's value is what the next layer receives from it. The output layer is read at its own
 * output: the logits. Conv filters are summarised as {@link CaptureOptions} says.
 */
public final class ActivationCapture {
    private ActivationCapture() {
    }

    /** Captures with spatially averaged filters. */
    public static Activations capture(Network network, Dataset data, Progress progress) {
        return capture(network, data, CaptureOptions.spatialMean(), progress);
    }

    public static Activations capture(Network network, Dataset data, CaptureOptions options, Progress progress) {
        InputCheck.requireCompatible(network, data);
        int[] unitLayers = unitLayerIndices(network);
        int[] readAt = new int[unitLayers.length];
        for (int u = 0; u < unitLayers.length; u++) {
            readAt[u] = capturePoint(network, unitLayers[u]);
        }
        int lastLayer = Arrays.stream(readAt).max().orElseThrow();
        int count = data.size();
        LayerSummary[] summaries = new LayerSummary[unitLayers.length];
        for (int u = 0; u < unitLayers.length; u++) {
            summaries[u] = LayerSummary.of(network, unitLayers[u], readAt[u], options, count);
        }
        try (DjlNetwork djl = DjlNetwork.load(network)) {
            GradMode.withoutGradients(() -> {
                for (int first = 0; first < count; first += options.batchSize()) {
                    progress.checkCancelled();
                    int n = Math.min(options.batchSize(), count - first);
                    int offset = first;
                    try (NDManager scope = djl.manager().newSubManager()) {
                        NDArray input = Batches.input(djl, scope, data.features(), first, n, network.normalization());
                        djl.forwardLayers(input, lastLayer, (layer, out) -> {
                            for (LayerSummary s : summaries) {
                                if (s.readAt == layer) {
                                    s.add(out, offset, n);
                                }
                            }
                        });
                    }
                    progress.update("capturing activations", first + n, count);
                }
            });
        }
        Map<String, Matrix> byLayer = new LinkedHashMap<>();
        for (LayerSummary s : summaries) {
            Matrix m = Matrix.wrap(count, s.columns, s.values);
            int[] bad = m.firstNonFinite();
            if (bad != null) {
                throw new BadInputException(network.name(), "layer " + s.name + " gives a non-finite activation ("
                        + m.get(bad[0], bad[1]) + ") for sample " + bad[0] + " of " + data.name());
            }
            byLayer.put(s.name, m);
        }
        return new Activations(byLayer, network.layer(network.outputLayerIndex()).name(), data.labels());
    }

    /** The prunable layers, then the output layer. */
    static int[] unitLayerIndices(Network network) {
        int[] hidden = network.prunableLayerIndices();
        int[] all = Arrays.copyOf(hidden, hidden.length + 1);
        all[hidden.length] = network.outputLayerIndex();
        return all;
    }

    /**
     * The index of the layer whose output is captured for unit layer {@code layerIndex}: the last of the
     * element-wise layers directly after it, each reading only the one before (in a graph, capture stops where
     * a branch joins), or the layer itself (always itself for the output layer).
     */
    public static int capturePoint(Network network, int layerIndex) {
        if (layerIndex == network.outputLayerIndex()) {
            return layerIndex;
        }
        int at = layerIndex;
        while (at + 1 < network.layers().size() && isElementWise(network.layer(at + 1))
                && Arrays.equals(network.sourcesOf(at + 1), new int[] {at})) {
            at++;
        }
        return at;
    }

    private static boolean isElementWise(Layer layer) {
        return layer instanceof BatchNorm || layer instanceof Activation || layer instanceof Dropout;
    }

    /** Collects one unit layer's columns batch by batch. */
    private static final class LayerSummary {
        final String name;
        final int readAt;
        final int columns;
        final double[] values;
        final boolean spatial;
        final CaptureOptions.FilterSummary mode;
        final int mapSize;
        final int[] positions;

        private LayerSummary(String name, int readAt, int columns, int count, boolean spatial,
                             CaptureOptions.FilterSummary mode, int mapSize, int[] positions) {
            this.name = name;
            this.readAt = readAt;
            this.columns = columns;
            this.values = new double[Math.multiplyExact(count, columns)];
            this.spatial = spatial;
            this.mode = mode;
            this.mapSize = mapSize;
            this.positions = positions;
        }

        static LayerSummary of(Network network, int layerIndex, int readAt, CaptureOptions options, int count) {
            Layer layer = network.layer(layerIndex);
            int[] shape = network.outputShapeOf(readAt);
            int units = layer.units();
            if (shape.length != 3) {
                return new LayerSummary(layer.name(), readAt, units, count, false, null, 1, null);
            }
            int mapSize = shape[1] * shape[2];
            return switch (options.filters()) {
                case SPATIAL_MEAN -> new LayerSummary(layer.name(), readAt, units, count, true, options.filters(),
                        mapSize, null);
                case RAW -> new LayerSummary(layer.name(), readAt, units * mapSize, count, true, options.filters(),
                        mapSize, null);
                case POSITIONS -> {
                    int[] chosen = drawPositions(mapSize, options.positions(), options.seed() * 31 + layerIndex);
                    yield new LayerSummary(layer.name(), readAt, units * chosen.length, count, true,
                            options.filters(), mapSize, chosen);
                }
            };
        }

        void add(NDArray out, int firstRow, int n) {
            if (spatial && mode == CaptureOptions.FilterSummary.SPATIAL_MEAN) {
                copy(ai.djl.nn.pooling.Pool.globalAvgPool2d(out).toFloatArray(), firstRow);
            } else if (spatial && mode == CaptureOptions.FilterSummary.POSITIONS) {
                float[] maps = out.toFloatArray();
                int units = columns / positions.length;
                for (int i = 0; i < n; i++) {
                    int row = (firstRow + i) * columns;
                    for (int f = 0; f < units; f++) {
                        int map = (i * units + f) * mapSize;
                        for (int j = 0; j < positions.length; j++) {
                            values[row + f * positions.length + j] = maps[map + positions[j]];
                        }
                    }
                }
            } else {
                copy(out.toFloatArray(), firstRow);
            }
        }

        private void copy(float[] batch, int firstRow) {
            int base = firstRow * columns;
            for (int i = 0; i < batch.length; i++) {
                values[base + i] = batch[i];
            }
        }

        private static int[] drawPositions(int mapSize, int wanted, long seed) {
            if (wanted >= mapSize) {
                return java.util.stream.IntStream.range(0, mapSize).toArray();
            }
            return SeededSubset.rows(mapSize, wanted, seed);
        }
    }
}
