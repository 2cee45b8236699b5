package dev.infoprune.model;

import java.util.Map;

/**
 * A 2-D convolution with square kernels: weight {@code [out, in / groups, k, k]}, bias {@code [out]} (PyTorch's
 * layout). With {@code groups > 1} each group of {@code in / groups} input channels feeds its own
 * {@code out / groups} filters; {@code groups == in} is a depthwise convolution.
 */
public record Conv2d(String name, int in, int out, int kernel, int stride, int padding, int groups, Tensor weight,
                     Tensor bias) implements Layer {
    public Conv2d {
        if (kernel < 1 || stride < 1 || padding < 0) {
            throw new IllegalArgumentException("conv layer " + name + ": kernel and stride must be positive, padding non-negative");
        }
        if (groups < 1 || in % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException("conv layer " + name + ": groups " + groups + " must divide its " + in
                    + " input and " + out + " output channels");
        }
        LayerChecks.requireShape(name, "weight", weight, out, in / groups, kernel, kernel);
        LayerChecks.requireShape(name, "bias", bias, out);
    }

    /** An ungrouped convolution. */
    public Conv2d(String name, int in, int out, int kernel, int stride, int padding, Tensor weight, Tensor bias) {
        this(name, in, out, kernel, stride, padding, 1, weight, bias);
    }

    public static Conv2d zeros(String name, int in, int out, int kernel, int stride, int padding) {
        return new Conv2d(name, in, out, kernel, stride, padding, Tensor.zeros(out, in, kernel, kernel), Tensor.zeros(out));
    }

    @Override
    public String type() {
        return "conv2d";
    }

    /** Output positions along one axis; 0 when the padded input is smaller than the kernel. */
    public int outputSize(int inputSize) {
        int span = inputSize + 2 * padding - kernel;
        return span < 0 ? 0 : span / stride + 1;
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 3 || s[0] != in) {
            throw new IllegalArgumentException("conv layer " + name + " expects [" + in + ", h, w] inputs, got "
                    + java.util.Arrays.toString(s));
        }
        int h = outputSize(s[1]);
        int w = outputSize(s[2]);
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("conv layer " + name + " leaves no output for input " + java.util.Arrays.toString(s));
        }
        return new int[] {out, h, w};
    }

    @Override
    public Map<String, Tensor> weights() {
        return Map.of("weight", weight, "bias", bias);
    }

    @Override
    public long parameterCount() {
        return (long) out * (in / groups) * kernel * kernel + out;
    }

    @Override
    public long macs(int[] inputShape) {
        int[] o = outputShape(inputShape);
        return (long) o[1] * o[2] * out * (in / groups) * kernel * kernel;
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
    public Conv2d withWeights(Map<String, Tensor> w) {
        Tensor nw = w.get("weight");
        return new Conv2d(name, nw.dim(1) * groups, nw.dim(0), kernel, stride, padding, groups, nw, w.get("bias"));
    }
}
