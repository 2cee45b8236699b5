package dev.infoprune.info;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Per-node scores of a network on captured activations (a probe split):
 * <pre>
 *   NodeScores s = new NodeScorer(Estimators.create("ksg")).score(ScoreKind.LABEL_MI, network, probe, progress);
 *   double[] fc1 = s.of("fc1");
 * </pre>
 * A conv filter is one variable (its captured column, the spatial mean by default). The conditional score
 * I(node; labels | rest of layer) conditions on the whole layer with the gaussian estimator (exact, from two
 * matrix inverses); for every other estimator a conditioning set of hundreds of variables is out of reach, so
 * it conditions on the {@code conditioning} nodes of the same layer most correlated with the node (absolute
 * Pearson correlation, default 5), recorded in the result's settings. Scores are computed in parallel over
 * nodes and are deterministic.
 */
public final class NodeScorer {
    public static final int DEFAULT_CONDITIONING = 5;

    private final InformationEstimator estimator;
    private final int conditioning;

    public NodeScorer(InformationEstimator estimator) {
        this(estimator, DEFAULT_CONDITIONING);
    }

    /** @param conditioning how many correlated nodes approximate "the rest of the layer" (non-gaussian estimators) */
    public NodeScorer(InformationEstimator estimator, int conditioning) {
        if (conditioning < 1) {
            throw new IllegalArgumentException("the conditioning set needs at least one node, got " + conditioning);
        }
        this.estimator = estimator;
        this.conditioning = conditioning;
    }

    public InformationEstimator estimator() {
        return estimator;
    }

    /** Scores of one kind for every prunable layer; {@code probe} may be null for weight norms. */
    public NodeScores score(ScoreKind kind, Network network, Activations probe, Progress progress) {
        List<String> layers = network.prunableLayerNames();
        if (kind.needsActivations()) {
            if (probe == null) {
                throw new IllegalArgumentException(kind.label() + " needs captured activations");
            }
            for (String l : layers) {
                if (!probe.hiddenLayers().contains(l)) {
                    throw new BadInputException("activations", "no activations for layer " + l + " of " + network.name());
                }
            }
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        if (kind == ScoreKind.LABEL_CMI_GIVEN_LAYER) {
            settings.put("conditioning", estimator instanceof GaussianEstimator ? "whole layer" : "top " + conditioning + " correlated nodes");
        }
        if (kind.needsActivations()) {
            settings.put("samples", probe.samples());
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            progress.checkCancelled();
            String name = layers.get(i);
            Progress part = progress.slice((double) i / layers.size(), (double) (i + 1) / layers.size());
            part.update(kind.label() + " " + name, 0, 1);
            out.put(name, switch (kind) {
                case WEIGHT_L1, WEIGHT_L2 -> weightNorms(network.layer(network.indexOf(name)), kind == ScoreKind.WEIGHT_L1);
                case LABEL_MI -> estimator.mutualInformationWithLabelsPerColumn(probe.of(name), probe.labels());
                case NEXT_LAYER_MI -> estimator.mutualInformationPerColumn(probe.of(name), nextLayer(probe, layers, i));
                case LABEL_CMI_GIVEN_LAYER -> givenRest(probe.of(name), probe.labels(), part);
            });
            part.update(kind.label() + " " + name, 1, 1);
        }
        EstimatorSpec spec = kind.needsActivations() ? estimator.spec() : null;
        return new NodeScores(kind, spec, settings, out);
    }

    private static Matrix nextLayer(Activations probe, List<String> layers, int i) {
        return i + 1 < layers.size() ? probe.of(layers.get(i + 1)) : probe.outputs();
    }

    static double[] weightNorms(Layer layer, boolean l1) {
        Tensor w = layer.weights().get("weight");
        double[] out = new double[layer.units()];
        for (int u = 0; u < out.length; u++) {
            out[u] = l1 ? w.sliceL1(u) : w.sliceL2(u);
        }
        return out;
    }

    private double[] givenRest(Matrix layer, int[] labels, Progress progress) {
        int p = layer.cols();
        if (estimator instanceof GaussianEstimator g) {
            return p == 1 ? g.mutualInformationWithLabelsPerColumn(layer, labels) : g.conditionalMutualInformationWithLabelsGivenRest(layer, labels);
        }
        if (p == 1) {
            return estimator.mutualInformationWithLabelsPerColumn(layer, labels);
        }
        double[] corr = Correlations.of(layer).correlation;
        int m = Math.min(conditioning, p - 1);
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        return IntStream.range(0, p).parallel().mapToDouble(j -> {
            progress.checkCancelled();
            int[] z = mostCorrelated(corr, p, j, m);
            double v = estimator.conditionalMutualInformationWithLabels(layer.selectColumns(new int[] {j}), labels, layer.selectColumns(z)).nats();
            progress.update("I(node; labels | layer)", done.incrementAndGet(), p);
            return v;
        }).toArray();
    }

    /** The m other nodes with the largest |correlation| with node j (ties by index). */
    static int[] mostCorrelated(double[] corr, int p, int j, int m) {
        Integer[] others = IntStream.range(0, p).filter(k -> k != j).boxed().toArray(Integer[]::new);
        Arrays.sort(others, (a, b) -> {
            int c = Double.compare(Math.abs(corr[j * p + b]), Math.abs(corr[j * p + a]));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] out = new int[m];
        for (int t = 0; t < m; t++) {
            out[t] = others[t];
        }
        Arrays.sort(out);
        return out;
    }
}
