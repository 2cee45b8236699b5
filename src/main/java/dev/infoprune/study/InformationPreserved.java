package dev.infoprune.study;

import dev.infoprune.core.Matrix;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.GaussianEstimator;
import dev.infoprune.info.InformationEstimator;
import dev.infoprune.prune.PruningPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * For every hidden layer, I(kept units; kept units of the next layer) against I(all units; all units of the
 * next layer), on the unpruned network's probe activations, with the Gaussian estimator (see
 * {@link LayerInformation}). The full-layer values do not depend on the plan and are computed once.
 */
final class InformationPreserved {
    private final Activations probe;
    private final InformationEstimator estimator;
    private final List<String> layers;
    private final double[] full;

    InformationPreserved(Activations probe) {
        this.probe = probe;
        this.estimator = new GaussianEstimator();
        this.layers = probe.hiddenLayers();
        this.full = new double[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            full[i] = estimator.mutualInformation(probe.of(layers.get(i)), probe.of(next(i))).nats();
        }
    }

    private String next(int i) {
        return i + 1 < layers.size() ? layers.get(i + 1) : probe.outputLayer();
    }

    List<LayerInformation> of(PruningPlan plan) {
        List<LayerInformation> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String layer = layers.get(i);
            String next = next(i);
            Matrix x = kept(layer, plan);
            Matrix y = kept(next, plan);
            double preserved = x.cols() == 0 || y.cols() == 0 ? 0 : estimator.mutualInformation(x, y).nats();
            out.add(new LayerInformation(layer, next, preserved, full[i]));
        }
        return out;
    }

    private Matrix kept(String layer, PruningPlan plan) {
        int[] k = plan.keptIn(layer);
        return k == null ? probe.of(layer) : probe.of(layer).selectColumns(k);
    }
}
