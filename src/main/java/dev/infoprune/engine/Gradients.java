package dev.infoprune.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gradient of the mean softmax cross-entropy over a data set with respect to every trainable parameter,
 * computed by DJL's autograd in batches (inputs normalised as the network records; BatchNorm and dropout in
 * inference mode, so the gradient is that of the network as it is evaluated). Keyed like the model file:
 * {@code <layer>.weight}, {@code <layer>.bias}; same shapes as the weights.
 */
public record Gradients(Map<String, Tensor> byParameter, int samples, double loss) {
    public static final int BATCH_SIZE = 500;

    public Gradients {
        byParameter = Collections.unmodifiableMap(new LinkedHashMap<>(byParameter));
    }

    /** The gradient of {@code <layer>.<suffix>}, or null when the network has no such parameter. */
    public Tensor of(String layer, String suffix) {
        return byParameter.get(layer + "." + suffix);
    }

    /** ∂L/∂θ of the mean cross-entropy of {@code network} on {@code data}; cancellable between batches. */
    public static Gradients of(Network network, Dataset data, Progress progress) {
        InputCheck.requireCompatible(network, data);
        if (data.size() == 0) {
            throw new BadInputException(data.name(), "has no samples to compute gradients on");
        }
        return Trainer.exclusively(() -> GradMode.withoutGradients(() -> compute(network, data, progress)));
    }

    private static Gradients compute(Network network, Dataset data, Progress progress) {
        int n = data.size();
        int classes = network.outputSize();
        try (DjlNetwork djl = DjlNetwork.load(network)) {
            Map<String, Parameter> parameters = trainable(djl, network);
            Map<String, double[]> sums = new LinkedHashMap<>();
            parameters.forEach((key, p) -> sums.put(key, new double[Math.toIntExact(p.getArray().size())]));
            double lossSum = 0;
            int[] order = java.util.stream.IntStream.range(0, n).toArray();
            for (int first = 0; first < n; first += BATCH_SIZE) {
                progress.checkCancelled();
                int count = Math.min(BATCH_SIZE, n - first);
                try (NDManager scope = djl.manager().newSubManager()) {
                    NDArray x = Batches.gather(djl, scope, data.features(), order, first, count, network.normalization());
                    long[] labels = new long[count];
                    for (int i = 0; i < count; i++) {
                        labels[i] = data.label(first + i);
                    }
                    NDArray oneHot = scope.create(labels).oneHot(classes);
                    NDArray summed;
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = djl.forward(x, false);
                        // summed over the batch; divided by n at the end, so batches add up to the mean over all
                        summed = logits.logSoftmax(1).mul(oneHot).sum().neg();
                        collector.backward(summed);
                    }
                    lossSum += summed.getFloat();
                    accumulate(parameters, sums, scope);
                }
                progress.update("gradients", first + count, n);
            }
            return new Gradients(averaged(parameters, sums, n), n, lossSum / n);
        }
    }

    /** The trainable parameters of the loaded network, keyed {@code <layer>.<suffix>}. */
    static Map<String, Parameter> trainable(DjlNetwork djl, Network network) {
        List<Block> blocks = djl.layerBlocks();
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (int i = 0; i < blocks.size(); i++) {
            for (Parameter p : blocks.get(i).getDirectParameters().values()) {
                if (p.requiresGradient()) {
                    parameters.put(network.layer(i).name() + "." + LayerBlocks.suffixOf(p), p);
                }
            }
        }
        return parameters;
    }

    /** Adds every parameter's gradient to its sum and clears it for the next backward pass. */
    static void accumulate(Map<String, Parameter> parameters, Map<String, double[]> sums, NDManager scope) {
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            NDArray gradient = e.getValue().getArray().getGradient();
            gradient.attach(scope);
            float[] g = gradient.toFloatArray();
            double[] sum = sums.get(e.getKey());
            for (int j = 0; j < g.length; j++) {
                sum[j] += g[j];
            }
            gradient.subi(gradient);
        }
    }

    /** The sums divided by {@code n}, as tensors shaped like the parameters. */
    static Map<String, Tensor> averaged(Map<String, Parameter> parameters, Map<String, double[]> sums, int n) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        parameters.forEach((key, p) -> {
            double[] sum = sums.get(key);
            float[] mean = new float[sum.length];
            for (int j = 0; j < sum.length; j++) {
                mean[j] = (float) (sum[j] / n);
            }
            int[] shape = java.util.Arrays.stream(p.getArray().getShape().getShape()).mapToInt(Math::toIntExact).toArray();
            out.put(key, new Tensor(shape, mean));
        });
        return out;
    }
}
