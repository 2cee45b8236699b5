package dev.infoprune.info;

import dev.infoprune.core.CancelledException;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Scores on activations with planted structure, where the right answer is known. */
class NodeScorerTest {
    static final int N = 1500;
    final Network net = RandomNetworks.mlp(1, 5, 6, 4, 3);

    /**
     * fc1: node 0 carries the label, 1 is dead, 2 duplicates 0, 3 is noise, 4 carries the label on its own,
     * 5 is noise. fc2: node 0 copies fc1 node 5 (so fc1:5 is informative about the next layer), the rest noise.
     */
    Activations planted() {
        Random r = new Random(2);
        int[] labels = new int[N];
        double[] fc1 = new double[N * 6];
        double[] fc2 = new double[N * 4];
        double[] out = new double[N * 3];
        for (int i = 0; i < N; i++) {
            labels[i] = r.nextInt(3);
            double a = labels[i] + 0.5 * r.nextGaussian();
            fc1[i * 6] = a;
            fc1[i * 6 + 1] = 0;
            fc1[i * 6 + 2] = a;
            fc1[i * 6 + 3] = r.nextGaussian();
            fc1[i * 6 + 4] = (labels[i] == 2 ? 1.5 : 0) + 0.5 * r.nextGaussian();
            fc1[i * 6 + 5] = r.nextGaussian();
            fc2[i * 4] = fc1[i * 6 + 5] + 0.1 * r.nextGaussian();
            for (int j = 1; j < 4; j++) {
                fc2[i * 4 + j] = r.nextGaussian();
            }
            for (int j = 0; j < 3; j++) {
                out[i * 3 + j] = r.nextGaussian();
            }
        }
        Map<String, Matrix> m = new LinkedHashMap<>();
        m.put("fc1", Matrix.wrap(N, 6, fc1));
        m.put("fc2", Matrix.wrap(N, 4, fc2));
        m.put("out", Matrix.wrap(N, 3, out));
        return new Activations(m, "out", labels);
    }

    @Test
    void labelMiFindsInformativeDeadAndNoiseNodes() {
        for (String e : new String[] {"ksg", "gaussian", "binned", "renyi"}) {
            NodeScores s = new NodeScorer(Estimators.create(e)).score(ScoreKind.LABEL_MI, net, planted(), Progress.NONE);
            double[] fc1 = s.of("fc1");
            assertThat(fc1).as(e).hasSize(6);
            assertThat(fc1[0]).as(e).isGreaterThan(fc1[3] + 0.2).isCloseTo(fc1[2], within(0.05));
            assertThat(fc1[1]).as(e).isCloseTo(0, within(1e-9));
            assertThat(s.estimator()).isEqualTo(Estimators.create(e).spec());
            assertThat(s.of("fc2")).hasSize(4);
        }
    }

    @Test
    void conditionalScoreSeesThroughDuplicates() {
        for (String e : new String[] {"gaussian", "ksg"}) {
            NodeScores s = new NodeScorer(Estimators.create(e), 2).score(ScoreKind.LABEL_CMI_GIVEN_LAYER, net, planted(), Progress.NONE);
            double[] fc1 = s.of("fc1");
            // node 0 and its duplicate 2 each add nothing given the other; node 4 adds what only it knows
            assertThat(fc1[0]).as(e).isLessThan(0.05);
            assertThat(fc1[2]).as(e).isLessThan(0.05);
            assertThat(fc1[4]).as(e).isGreaterThan(0.1);
            assertThat(fc1[1]).as(e).isCloseTo(0, within(0.02));
            assertThat(s.settings().get("conditioning")).isEqualTo(e.equals("gaussian") ? "whole layer" : "top 2 correlated nodes");
        }
    }

    @Test
    void nextLayerScoreFindsTheNodeTheNextLayerCopies() {
        for (String e : new String[] {"ksg", "gaussian"}) {
            double[] fc1 = new NodeScorer(Estimators.create(e)).score(ScoreKind.NEXT_LAYER_MI, net, planted(), Progress.NONE).of("fc1");
            for (int j = 0; j < 5; j++) {
                assertThat(fc1[5]).as(e + " node " + j).isGreaterThan(fc1[j] + 0.5);
            }
        }
    }

    @Test
    void weightNormsAreThoseOfTheIncomingWeights() {
        NodeScores l1 = new NodeScorer(new GaussianEstimator()).score(ScoreKind.WEIGHT_L1, net, null, Progress.NONE);
        NodeScores l2 = new NodeScorer(new GaussianEstimator()).score(ScoreKind.WEIGHT_L2, net, null, Progress.NONE);
        Dense fc2 = (Dense) net.layer(net.indexOf("fc2"));
        float[] w = fc2.weight().data();
        for (int u = 0; u < 4; u++) {
            double a = 0;
            double b = 0;
            for (int i = 0; i < 6; i++) {
                a += Math.abs(w[u * 6 + i]);
                b += w[u * 6 + i] * w[u * 6 + i];
            }
            assertThat(l1.of("fc2")[u]).isCloseTo(a, within(1e-6));
            assertThat(l2.of("fc2")[u]).isCloseTo(Math.sqrt(b), within(1e-6));
        }
        assertThat(l1.estimator()).isNull();
        Network cnn = RandomNetworks.cnn(3, 1, 12, 12, 3);
        assertThat(new NodeScorer(new GaussianEstimator()).score(ScoreKind.WEIGHT_L2, cnn, null, Progress.NONE).of("conv1")).hasSize(4);
    }

    @Test
    void cancellationStopsScoring() {
        Progress cancelled = new Progress() {
            @Override
            public void update(String message, long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> new NodeScorer(new KsgEstimator()).score(ScoreKind.LABEL_MI, net, planted(), cancelled))
                .isInstanceOf(CancelledException.class);
    }

    @Test
    void capturedActivationsOfARealForwardPassGiveOneScorePerNode() {
        Network cnn = RandomNetworks.cnn(4, 1, 12, 12, 3);
        Random r = new Random(5);
        int n = 300;
        float[] x = new float[n * 144];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(3);
            for (int j = 0; j < 144; j++) {
                x[i * 144 + j] = (float) (r.nextGaussian() + (j < 48 * (labels[i] + 1) ? 0.5 : 0));
            }
        }
        Dataset data = new Dataset("synthetic", new int[] {1, 12, 12}, x, labels, RandomNetworks.classes(3));
        Activations probe = ActivationCapture.capture(cnn, data, Progress.NONE);
        NodeScores s = new NodeScorer(new KsgEstimator()).score(ScoreKind.LABEL_MI, cnn, probe, Progress.NONE);
        assertThat(s.byLayer().keySet()).containsExactlyElementsOf(cnn.prunableLayerNames());
        for (String layer : cnn.prunableLayerNames()) {
            assertThat(s.of(layer)).hasSize(cnn.layer(cnn.indexOf(layer)).units());
            for (double v : s.of(layer)) {
                assertThat(v).isFinite();
            }
        }
    }
}
