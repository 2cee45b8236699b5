package dev.infoprune.model;

/**
 * A plain-Java forward pass, written independently of DJL, for checking the engine, surgery and ONNX
 * round trips. Slow and simple on purpose. Inputs are flattened in the network's input shape.
 */
public final class ReferenceForward {
    private ReferenceForward() {
    }

    /** Output of every layer for one input; element i is the output of layer i. */
    public static double[][] layerOutputs(Network net, float[] input) {
        double[][] outs = new double[net.layers().size()][];
        double[] x = new double[input.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = input[i];
        }
        for (int li = 0; li < net.layers().size(); li++) {
            x = apply(net.layer(li), net.inputShapeOf(li), x);
            outs[li] = x;
        }
        return outs;
    }

    public static double[] outputs(Network net, float[] input) {
        double[][] all = layerOutputs(net, input);
        return all[all.length - 1];
    }

    static double[] apply(Layer layer, int[] s, double[] x) {
        if (layer instanceof Dense d) {
            float[] w = d.weight().data();
            double[] y = new double[d.out()];
            for (int o = 0; o < d.out(); o++) {
                double acc = d.bias().data()[o];
                for (int i = 0; i < d.in(); i++) {
                    acc += w[o * d.in() + i] * x[i];
                }
                y[o] = acc;
            }
            return y;
        }
        if (layer instanceof Conv2d c) {
            int h = s[1];
            int w = s[2];
            int oh = c.outputSize(h);
            int ow = c.outputSize(w);
            int k = c.kernel();
            float[] wt = c.weight().data();
            double[] y = new double[c.out() * oh * ow];
            for (int o = 0; o < c.out(); o++) {
                for (int r = 0; r < oh; r++) {
                    for (int q = 0; q < ow; q++) {
                        double acc = c.bias().data()[o];
                        for (int ci = 0; ci < c.in(); ci++) {
                            for (int a = 0; a < k; a++) {
                                for (int b = 0; b < k; b++) {
                                    int ir = r * c.stride() - c.padding() + a;
                                    int iq = q * c.stride() - c.padding() + b;
                                    if (ir >= 0 && ir < h && iq >= 0 && iq < w) {
                                        acc += wt[((o * c.in() + ci) * k + a) * k + b] * x[(ci * h + ir) * w + iq];
                                    }
                                }
                            }
                        }
                        y[(o * oh + r) * ow + q] = acc;
                    }
                }
            }
            return y;
        }
        if (layer instanceof BatchNorm bn) {
            int per = x.length / bn.channels();
            double[] y = new double[x.length];
            for (int ch = 0; ch < bn.channels(); ch++) {
                double scale = bn.weight().data()[ch] / Math.sqrt(bn.runningVar().data()[ch] + bn.eps());
                for (int i = 0; i < per; i++) {
                    y[ch * per + i] = (x[ch * per + i] - bn.runningMean().data()[ch]) * scale + bn.bias().data()[ch];
                }
            }
            return y;
        }
        if (layer instanceof Activation a) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = activation(a, x[i]);
            }
            return y;
        }
        if (layer instanceof Pool p) {
            int[] o = p.outputShape(s);
            boolean max = p.kind() == Pool.Kind.MAX;
            double[] y = new double[o[0] * o[1] * o[2]];
            for (int ch = 0; ch < o[0]; ch++) {
                for (int r = 0; r < o[1]; r++) {
                    for (int q = 0; q < o[2]; q++) {
                        double acc = max ? Double.NEGATIVE_INFINITY : 0;
                        int inside = 0;
                        for (int a = 0; a < p.kernel(); a++) {
                            for (int b = 0; b < p.kernel(); b++) {
                                int ir = r * p.stride() - p.padding() + a;
                                int iq = q * p.stride() - p.padding() + b;
                                if (ir < 0 || ir >= s[1] || iq < 0 || iq >= s[2]) {
                                    continue; // padding: never the maximum, a zero in the sum
                                }
                                double v = x[(ch * s[1] + ir) * s[2] + iq];
                                acc = max ? Math.max(acc, v) : acc + v;
                                inside++;
                            }
                        }
                        int divisor = p.countIncludePad() ? p.kernel() * p.kernel() : inside;
                        y[(ch * o[1] + r) * o[2] + q] = max ? acc : acc / divisor;
                    }
                }
            }
            return y;
        }
        if (layer instanceof GlobalAvgPool) {
            int per = s[1] * s[2];
            double[] y = new double[s[0]];
            for (int ch = 0; ch < s[0]; ch++) {
                double acc = 0;
                for (int i = 0; i < per; i++) {
                    acc += x[ch * per + i];
                }
                y[ch] = acc / per;
            }
            return y;
        }
        // Flatten and Dropout (inference) leave the values as they are.
        return x;
    }

    /** PyTorch's definitions, written out. */
    static double activation(Activation a, double x) {
        return switch (a.kind()) {
            case RELU -> Math.max(x, 0);
            case SIGMOID -> sigmoid(x);
            case TANH -> Math.tanh(x);
            case LEAKYRELU -> x >= 0 ? x : a.alpha() * x;
            case ELU -> x > 0 ? x : a.alpha() * (Math.exp(x) - 1);
            case RELU6 -> Math.min(Math.max(x, 0), 6);
            case CLIP -> Math.min(Math.max(x, a.min()), a.max());
            case GELU -> 0.5 * x * (1 + erf(x / Math.sqrt(2)));
            case SILU -> x * sigmoid(x);
            case HARDSWISH -> x * Math.min(Math.max(x + 3, 0), 6) / 6;
            case HARDSIGMOID -> Math.min(Math.max(a.alpha() * x + a.beta(), 0), 1);
        };
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * The error function by its Maclaurin series, 2/sqrt(pi) sum (-1)^n z^(2n+1) / (n! (2n+1)), accurate to about
     * 1e-10 for |z| <= 5; beyond, erf is +-1 to within 2e-12.
     */
    public static double erf(double z) {
        if (Math.abs(z) > 5) {
            return Math.signum(z);
        }
        double term = z;
        double sum = z;
        for (int n = 1; n < 200; n++) {
            term *= -z * z / n;
            double next = term / (2 * n + 1);
            sum += next;
            if (Math.abs(next) < 1e-17) {
                break;
            }
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }
}
