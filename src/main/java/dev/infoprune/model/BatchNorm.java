package dev.infoprune.model;

import java.util.Map;

/**
 * Batch normalisation over the channel axis (features of a vector, channels of an image), PyTorch names:
 * weight (gamma), bias (beta), running_mean, running_var, each {@code [channels]}.
 */
public record BatchNorm(String name, int channels, double eps, Tensor weight, Tensor bias, Tensor runningMean,
                        Tensor runningVar) implements Layer {
    public BatchNorm {
        LayerChecks.requireShape(name, "weight", weight, channels);
        LayerChecks.requireShape(name, "bias", bias, channels);
        LayerChecks.requireShape(name, "running_mean", runningMean, channels);
        LayerChecks.requireShape(name, "running_var", runningVar, channels);
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("batchnorm " + name + ": eps must be a finite number >= 0, got " + eps);
        }
        float[] var = runningVar.data();
        for (int i = 0; i < var.length; i++) {
            if (!(var[i] >= 0) || Float.isInfinite(var[i]) || var[i] + eps <= 0) {
                throw new WeightShapeException(name + ".running_var", "weight " + name + ".running_var holds " + var[i]
                        + " at index " + i + (var[i] + eps <= 0 && var[i] >= 0 ? " with eps " + eps + " (variance + eps must be positive)"
                        : "; variances must be finite and not negative"));
            }
        }
    }

    public static BatchNorm identity(String name, int channels) {
        return new BatchNorm(name, channels, 1e-5, Tensor.filled(1f, channels), Tensor.zeros(channels),
                Tensor.zeros(channels), Tensor.filled(1f, channels));
    }

    @Override
    public String type() {
        return "batchnorm";
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length == 0 || s[0] != channels) {
            throw new IllegalArgumentException("batchnorm " + name + " expects " + channels + " channels, got "
                    + java.util.Arrays.toString(s));
        }
        return s.clone();
    }

    @Override
    public Map<String, Tensor> weights() {
        return Map.of("weight", weight, "bias", bias, "running_mean", runningMean, "running_var", runningVar);
    }

    @Override
    public long parameterCount() {
        return 2L * channels;
    }

    @Override
    public BatchNorm withWeights(Map<String, Tensor> w) {
        Tensor g = w.get("weight");
        return new BatchNorm(name, g.dim(0), eps, g, w.get("bias"), w.get("running_mean"), w.get("running_var"));
    }
}
