package dev.infoprune.model;

import java.util.Map;

/** A fully connected layer: weight {@code [out, in]}, bias {@code [out]}. */
public record Dense(String name, int in, int out, Tensor weight, Tensor bias) implements Layer {
    public Dense {
        LayerChecks.requireShape(name, "weight", weight, out, in);
        LayerChecks.requireShape(name, "bias", bias, out);
    }

    public static Dense zeros(String name, int in, int out) {
        return new Dense(name, in, out, Tensor.zeros(out, in), Tensor.zeros(out));
    }

    @Override
    public String type() {
        return "dense";
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length != 1 || inputShape[0] != in) {
            throw new IllegalArgumentException("dense layer " + name + " expects [" + in + "] inputs, got "
                    + java.util.Arrays.toString(inputShape));
        }
        return new int[] {out};
    }

    @Override
    public Map<String, Tensor> weights() {
        return Map.of("weight", weight, "bias", bias);
    }

    @Override
    public long parameterCount() {
        return (long) in * out + out;
    }

    @Override
    public long macs(int[] inputShape) {
        return (long) in * out;
    }

    @Override
    public boolean isPrunable() {
        return true;
    }

    @Override
    public int units() {
        return out;
    }

    @Override
    public Dense withWeights(Map<String, Tensor> w) {
        Tensor nw = w.get("weight");
        return new Dense(name, nw.dim(1), nw.dim(0), nw, w.get("bias"));
    }
}
