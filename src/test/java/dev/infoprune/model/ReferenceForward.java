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
                y[i] = a.kind().apply(x[i]);
            }
            return y;
        }
        if (layer instanceof Pool p) {
            int[] o = p.outputShape(s);
            double[] y = new double[o[0] * o[1] * o[2]];
            for (int ch = 0; ch < o[0]; ch++) {
                for (int r = 0; r < o[1]; r++) {
                    for (int q = 0; q < o[2]; q++) {
                        double acc = p.kind() == Pool.Kind.MAX ? Double.NEGATIVE_INFINITY : 0;
                        for (int a = 0; a < p.kernel(); a++) {
                            for (int b = 0; b < p.kernel(); b++) {
                                double v = x[(ch * s[1] + r * p.stride() + a) * s[2] + q * p.stride() + b];
                                acc = p.kind() == Pool.Kind.MAX ? Math.max(acc, v) : acc + v;
                            }
                        }
                        y[(ch * o[1] + r) * o[2] + q] = p.kind() == Pool.Kind.MAX ? acc : acc / (p.kernel() * p.kernel());
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
}
