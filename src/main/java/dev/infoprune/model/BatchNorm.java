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
