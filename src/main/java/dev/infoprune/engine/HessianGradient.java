package dev.infoprune.engine;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gradient g = ∂L/∂θ of the mean cross-entropy over a data set and the Hessian-gradient product Hg, as GraSP
 * scores with. DJL exposes no second-order autograd, so Hg is a central finite difference of gradients along g:
 * {@code Hg ≈ (∇L(θ + t·g) − ∇L(θ − t·g)) / 2t}, with the step t chosen so that the perturbation's norm is
 * {@link #RELATIVE_STEP} of the parameters' norm (its error is O(t²); ReLU kinks crossed by the perturbation
 * average out over the samples). Three gradient passes in all, each as {@link Gradients#of} computes them.
 *
 * @param step the t used (0 when g is zero, and then Hg is zero)
 */
public record HessianGradient(Gradients gradient, Map<String, Tensor> hessianTimesGradient, double step) {
    public static final double RELATIVE_STEP = 1e-3;

    /** Hg of {@code <layer>.<suffix>}, or null when the network has no such parameter. */
    public Tensor of(String layer, String suffix) {
        return hessianTimesGradient.get(layer + "." + suffix);
    }

    public static HessianGradient of(Network network, Dataset data, Progress progress) {
        Gradients g = Gradients.of(network, data, progress.slice(0, 1 / 3.0));
        double gNorm = norm(g.byParameter());
        double thetaNorm = 0;
        for (String key : g.byParameter().keySet()) {
            thetaNorm += squaredNorm(parameter(network, key));
        }
        thetaNorm = Math.sqrt(thetaNorm);
        Map<String, Tensor> hg = new LinkedHashMap<>();
        if (gNorm == 0) {
            g.byParameter().forEach((k, v) -> hg.put(k, Tensor.zeros(v.shape())));
            return new HessianGradient(g, hg, 0);
        }
        double t = RELATIVE_STEP * Math.max(thetaNorm, 1e-12) / gNorm;
        Gradients plus = Gradients.of(moved(network, g, t), data, progress.slice(1 / 3.0, 2 / 3.0));
        Gradients minus = Gradients.of(moved(network, g, -t), data, progress.slice(2 / 3.0, 1));
        for (String key : g.byParameter().keySet()) {
            float[] p = plus.byParameter().get(key).data();
            float[] m = minus.byParameter().get(key).data();
            float[] d = new float[p.length];
            for (int j = 0; j < d.length; j++) {
                d[j] = (float) (((double) p[j] - m[j]) / (2 * t));
            }
            hg.put(key, new Tensor(g.byParameter().get(key).shape(), d));
        }
        return new HessianGradient(g, hg, t);
    }

    /** The network with every trainable parameter θ moved to θ + t·g (running statistics unchanged). */
    static Network moved(Network network, Gradients g, double t) {
        return ParameterEdits.edited(network, (layer, suffix, w) -> {
            Tensor step = g.of(layer, suffix);
            if (step == null) {
                return w;
            }
            float[] d = w.copyData();
            for (int j = 0; j < d.length; j++) {
                d[j] = (float) (d[j] + t * step.data()[j]);
            }
            return new Tensor(w.shape(), d);
        });
    }

    private static Tensor parameter(Network network, String key) {
        int dot = key.lastIndexOf('.');
        return network.layer(network.indexOf(key.substring(0, dot))).weights().get(key.substring(dot + 1));
    }

    private static double norm(Map<String, Tensor> tensors) {
        double s = 0;
        for (Tensor t : tensors.values()) {
            s += squaredNorm(t);
        }
        return Math.sqrt(s);
    }

    private static double squaredNorm(Tensor t) {
        double s = 0;
        for (float v : t.data()) {
            s += (double) v * v;
        }
        return s;
    }
}
