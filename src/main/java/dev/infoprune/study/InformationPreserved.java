package dev.infoprune.study;

import dev.infoprune.core.Matrix;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.SeededSubset;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.GaussianEstimator;
import dev.infoprune.info.HsicEstimator;
import dev.infoprune.info.InformationEstimator;
import dev.infoprune.prune.PruningPlan;

import java.util.ArrayList;
import java.util.List;

/**
 * For every hidden layer, the dependence between its kept units and the kept units of the next layer against the
 * one between all units of both, measured apart from how any method decided: on held-out samples (up to
 * {@link #SAMPLES} of the test split, which no method plans on) with kernel CKA (HSIC normalised, RBF kernel at the
 * median pairwise distance), an estimator no method uses by default. A method that did plan with HSIC is measured with
 * the Gaussian estimator instead, so that no method is scored by the quantity it maximised. The full-layer values do
 * not depend on the plan and are computed once per estimator.
 *
 * <p>CKA is a dependence score, not nats: its ratio can exceed 1 when the removed units only blurred the dependence.
 */
final class InformationPreserved {
    /** The most held-out samples measured on (the RBF kernel's cost grows with their square). */
    static final int SAMPLES = 1000;

    private final Activations heldOut;
    private final Measure independent;
    private final Measure fallback;

    /** @param heldOut the pruned network's (unpruned) activations on held-out samples, e.g. {@link #heldOut}'s */
    InformationPreserved(Activations heldOut) {
        this.heldOut = heldOut;
        this.independent = new Measure(new HsicEstimator(HsicEstimator.Kernel.RBF, 0, false, true));
        this.fallback = new Measure(new GaussianEstimator());
    }

    /** The held-out samples measured on: at most {@link #SAMPLES} of the test split, drawn with {@code seed}. */
    static Dataset heldOut(Dataset test, long seed) {
        return SeededSubset.of(test, SAMPLES, seed);
    }

    /** What the report says the information column is. */
    static String describe(int testSamples) {
        return "CKA (HSIC normalised, RBF kernel at the median distance) on " + Math.min(SAMPLES, testSamples)
                + " held-out test samples; Gaussian estimator for a method that planned with HSIC";
    }

    List<LayerInformation> of(PruningPlan plan) {
        Object used = plan.settings().get("estimator");
        boolean plannedWithHsic = used != null && used.toString().startsWith(HsicEstimator.NAME);
        return (plannedWithHsic ? fallback : independent).of(plan);
    }

    private String next(int i, List<String> layers) {
        return i + 1 < layers.size() ? layers.get(i + 1) : heldOut.outputLayer();
    }

    private Matrix kept(String layer, PruningPlan plan) {
        int[] k = plan.keptIn(layer);
        return k == null ? heldOut.of(layer) : heldOut.of(layer).selectColumns(k);
    }

    /** One estimator's measurements, the full layers' computed on first use. */
    private final class Measure {
        private final InformationEstimator estimator;
        private double[] full;

        Measure(InformationEstimator estimator) {
            this.estimator = estimator;
        }

        List<LayerInformation> of(PruningPlan plan) {
            List<String> layers = heldOut.hiddenLayers();
            if (full == null) {
                full = new double[layers.size()];
                for (int i = 0; i < layers.size(); i++) {
                    full[i] = estimator.mutualInformation(heldOut.of(layers.get(i)), heldOut.of(next(i, layers))).nats();
                }
            }
            String name = estimator.spec().describe();
            List<LayerInformation> out = new ArrayList<>();
            for (int i = 0; i < layers.size(); i++) {
                String layer = layers.get(i);
                String next = next(i, layers);
                Matrix x = kept(layer, plan);
                Matrix y = kept(next, plan);
                double preserved = x.cols() == 0 || y.cols() == 0 ? 0 : estimator.mutualInformation(x, y).nats();
                out.add(new LayerInformation(layer, next, preserved, full[i], name));
            }
            return out;
        }
    }
}
