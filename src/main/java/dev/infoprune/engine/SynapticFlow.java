package dev.infoprune.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SynFlow's data-free objective and its gradient (Tanaka et al. 2020, as their code computes it): every weight,
 * bias and BatchNorm statistic is replaced by its absolute value, the network runs in inference mode (BatchNorm
 * with its running statistics, dropout off) on one all-ones input fed as it is (no input normalisation: the
 * objective is about the parameters, not the data), and {@code R = Σ outputs}; for a bias-free ReLU network this
 * is {@code 1ᵀ(∏ₗ|Wₗ|)1}. Returned as {@link Gradients} of the absolute-valued network: ∂R/∂|θ| per parameter,
 * with {@link Gradients#loss()} holding R. Computed in float32, where their code uses float64: R may overflow for
 * very deep, wide networks (reported as non-finite).
 */
public final class SynapticFlow {
    private SynapticFlow() {
    }

    public static Gradients of(Network network) {
        Network positive = absolute(network);
        return Trainer.exclusively(() -> GradMode.withoutGradients(() -> compute(positive)));
    }

    private static Gradients compute(Network network) {
        try (DjlNetwork djl = DjlNetwork.load(network)) {
            Map<String, Parameter> parameters = Gradients.trainable(djl, network);
            Map<String, double[]> sums = new LinkedHashMap<>();
            parameters.forEach((key, p) -> sums.put(key, new double[Math.toIntExact(p.getArray().size())]));
            double r;
            try (NDManager scope = djl.manager().newSubManager()) {
                NDArray ones = scope.ones(djl.batchShape(1));
                NDArray sum;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    sum = djl.forward(ones, false).sum();
                    collector.backward(sum);
                }
                r = sum.getFloat();
                Gradients.accumulate(parameters, sums, scope);
            }
            return new Gradients(Gradients.averaged(parameters, sums, 1), 1, r);
        }
    }

    /** The network with every stored number (weights, biases, BatchNorm's γ, β and running statistics) made |x|. */
    static Network absolute(Network network) {
        return ParameterEdits.edited(network, (layer, suffix, w) -> {
            float[] d = w.copyData();
            for (int j = 0; j < d.length; j++) {
                d[j] = Math.abs(d[j]);
            }
            return new Tensor(w.shape(), d);
        });
    }
}
