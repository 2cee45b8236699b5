package dev.infoprune.ui.workbench;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.GaussianEstimator;
import dev.infoprune.model.Network;
import dev.infoprune.ui.network.NodeScore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Per-node information scores of a network on a data set: activations captured on a seeded probe sample, then
 * for every hidden layer I(node; labels) and I(node; labels | rest of its layer) with the chosen estimator.
 */
final class ScoreComputation {
    static final String MI_LABELS = "mi-labels";
    static final String CMI_LABELS = "cmi-labels-rest";

    /** The data and the estimator settings scores are computed with. */
    record Settings(int probeSamples, long seed, double ridge) {
        static final Settings DEFAULT = new Settings(2000, 1, GaussianEstimator.DEFAULT_RIDGE);
    }

    /** Scores plus the probe activations they came from (the inspector's histograms use them). */
    record Result(Dataset data, Activations probe, List<NodeScore> scores) {
    }

    private ScoreComputation() {
    }

    /** Scores on the probe split of a data set (bundled name, CSV file or IDX folder) for the settings' seed. */
    static Result compute(Network network, String dataSpec, Settings settings, Progress progress) {
        progress.update("Reading " + dataSpec, 0, 1);
        Dataset probeSplit = DatasetLocator.resolve(dataSpec, settings.seed()).probe();
        return compute(network, probeSplit, settings, progress);
    }

    static Result compute(Network network, Dataset data, Settings settings, Progress progress) {
        Dataset probe = probeSample(data, settings.probeSamples(), settings.seed());
        Activations acts = ActivationCapture.capture(network, probe, progress.slice(0, 0.6));
        GaussianEstimator estimator = new GaussianEstimator(settings.ridge());
        String spec = estimator.spec().describe() + ", " + probe.size() + " probe samples of " + data.name()
                + ", seed " + settings.seed();
        Map<String, double[]> mi = new LinkedHashMap<>();
        Map<String, double[]> cmi = new LinkedHashMap<>();
        List<String> layers = acts.hiddenLayers();
        int[] labels = acts.labels();
        for (int i = 0; i < layers.size(); i++) {
            progress.checkCancelled();
            String layer = layers.get(i);
            Matrix x = acts.of(layer);
            progress.update("I(node; labels) in " + layer, i * 2L, layers.size() * 2L);
            mi.put(layer, estimator.mutualInformationWithLabelsPerColumn(x, labels));
            progress.checkCancelled();
            progress.update("I(node; labels | rest) in " + layer, i * 2L + 1, layers.size() * 2L);
            cmi.put(layer, estimator.conditionalMutualInformationWithLabelsGivenRest(x, labels));
        }
        progress.update("scores done", 1, 1);
        List<NodeScore> scores = new ArrayList<>();
        scores.add(new NodeScore(MI_LABELS, "I(node; labels)", "nats", spec, mi));
        scores.add(new NodeScore(CMI_LABELS, "I(node; labels | rest of layer)", "nats", spec, cmi));
        return new Result(data, acts, scores);
    }

    /** A seeded sample without replacement of at most {@code count} rows (all rows when there are fewer). */
    static Dataset probeSample(Dataset data, int count, long seed) {
        if (data.size() <= count) {
            return data;
        }
        int[] idx = java.util.stream.IntStream.range(0, data.size()).toArray();
        Random r = new Random(seed);
        for (int i = 0; i < count; i++) {
            int j = i + r.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(idx, count);
        java.util.Arrays.sort(chosen);
        return data.subset(data.name(), chosen);
    }
}
