package dev.infoprune.prune;

import dev.infoprune.model.Layer;
import dev.infoprune.model.Tensor;

/**
 * Per-weight scores θ·v (v a gradient-like tensor shaped as the parameter) summed over each unit's own
 * parameters: its incoming weights (a conv filter's whole kernel) and its bias. This is how the MIPP paper makes
 * the unstructured connection scores of SNIP, GraSP and SynFlow structured.
 */
final class UnitSums {
    private UnitSums() {
    }

    /** Σ |θ·v| per unit (L1). */
    static double[] absolute(Layer layer, Tensor vWeight, Tensor vBias) {
        return sum(layer, vWeight, vBias, true);
    }

    /** Σ θ·v per unit, signs kept. */
    static double[] signed(Layer layer, Tensor vWeight, Tensor vBias) {
        return sum(layer, vWeight, vBias, false);
    }

    private static double[] sum(Layer layer, Tensor vWeight, Tensor vBias, boolean absolute) {
        Tensor w = layer.weights().get("weight");
        Tensor b = layer.weights().get("bias");
        int units = layer.units();
        int per = w.size() / units;
        double[] out = new double[units];
        for (int u = 0; u < units; u++) {
            double s = term((double) b.data()[u] * vBias.data()[u], absolute);
            for (int j = u * per; j < (u + 1) * per; j++) {
                s += term((double) w.data()[j] * vWeight.data()[j], absolute);
            }
            out[u] = s;
        }
        return out;
    }

    private static double term(double x, boolean absolute) {
        return absolute ? Math.abs(x) : x;
    }
}
