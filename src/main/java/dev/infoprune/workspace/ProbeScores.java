package dev.infoprune.workspace;

import dev.infoprune.core.Progress;
import dev.infoprune.data.SeededSubset;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.NodeScorer;
import dev.infoprune.info.NodeScores;
import dev.infoprune.info.ScoreKind;
import dev.infoprune.model.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * The workbench's per-node scores: the network's activations on a seeded probe sample of a data set's probe
 * split, then {@link NodeScorer} for I(node; labels) and I(node; labels | rest of layer). The same data choice
 * always gives the same probe sample, so a session can recapture exactly what its scores were computed on.
 */
public final class ProbeScores {
    /** The information scores the workbench computes, in the order they are offered. */
    public static final List<ScoreKind> INFORMATION = List.of(ScoreKind.LABEL_MI, ScoreKind.LABEL_CMI_GIVEN_LAYER);
    /** The scores every network has without data. */
    public static final List<ScoreKind> WEIGHTS = List.of(ScoreKind.WEIGHT_L1, ScoreKind.WEIGHT_L2);

    /** The probe sample, its activations and the scores on it. */
    public record Result(Dataset data, Activations probe, List<NodeScores> scores) {
        public Result {
            scores = List.copyOf(scores);
        }
    }

    private ProbeScores() {
    }

    /** Reads the data set, captures the probe activations and scores every hidden node. */
    public static Result compute(Network network, DataChoice data, EstimatorChoice estimator, Progress progress) {
        NodeScorer scorer = new NodeScorer(estimator.create());
        Dataset sample = probeSample(data, progress.slice(0, 0.1));
        Activations acts = ActivationCapture.capture(network, sample, progress.slice(0.1, 0.3));
        List<NodeScores> scores = new ArrayList<>();
        for (int k = 0; k < INFORMATION.size(); k++) {
            Progress part = progress.slice(0.3 + 0.7 * k / INFORMATION.size(), 0.3 + 0.7 * (k + 1) / INFORMATION.size());
            scores.add(scorer.score(INFORMATION.get(k), network, acts, part));
        }
        progress.update("scores done", 1, 1);
        return new Result(sample, acts, scores);
    }

    /**
     * The probe sample and activations the {@code scores} were computed on, captured again (e.g. for a session
     * being opened: the inspector's histograms and resuming MIPP need them).
     */
    public static Result recapture(Network network, DataChoice data, List<NodeScores> scores, Progress progress) {
        Dataset sample = probeSample(data, progress.slice(0, 0.3));
        return new Result(sample, ActivationCapture.capture(network, sample, progress.slice(0.3, 1)), scores);
    }

    /** L1 and L2 norms of every hidden node's incoming weights. */
    public static List<NodeScores> weights(Network network) {
        NodeScorer scorer = new NodeScorer(EstimatorChoice.DEFAULT.create());
        return WEIGHTS.stream().map(k -> scorer.score(k, network, null, Progress.NONE)).toList();
    }

    /** The probe split of the data for the choice's seed, cut to a seeded subset of at most the chosen size. */
    public static Dataset probeSample(DataChoice data, Progress progress) {
        progress.update("Reading " + data.spec(), 0, 1);
        Dataset probe = DatasetLocator.resolve(data.spec(), data.seed()).probe();
        progress.update("Read " + data.spec(), 1, 1);
        if (probe.size() <= data.probeSamples()) {
            return probe;
        }
        return probe.subset(probe.name(), SeededSubset.rows(probe.size(), data.probeSamples(), data.seed()));
    }
}
