package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Activation;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * SNIP, GraSP and SynFlow on a 2-3-2 MLP against per-weight scores computed here in double precision by finite
 * differences of a forward pass written out by hand, then summed per unit; and SynFlow's iterative scoring
 * against one-shot magnitude on a network built to collapse a layer.
 */
class ConnectionPruningTest {
    // θ = W1 (3×2), b1 (3), W2 (2×3), b2 (2), in this order
    static final double[] THETA = {0.5, -0.3, 0.8, 0.2, -0.4, 0.9, 0.1, 0.2, 0.3, 0.7, -0.5, 0.3, -0.2, 0.6, 0.4, 0.05, -0.05};
    static final double[][] X = {{1.0, 0.5}, {0.6, 1.2}, {1.4, 0.9}, {0.3, 0.2}, {1.1, 1.3}, {0.8, 0.1}};
    static final int[] Y = {0, 1, 0, 1, 1, 0};
    static final int FC1 = 9; // W1 and b1: the hidden units' own parameters

    static Network tiny() {
        float[] t = new float[THETA.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (float) THETA[i];
        }
        return new Network("tiny", new int[] {2}, RandomNetworks.classes(2), List.of(
                new Dense("fc1", 2, 3, new Tensor(new int[] {3, 2}, slice(t, 0, 6)), new Tensor(new int[] {3}, slice(t, 6, 9))),
                new Activation("relu1", Activation.Kind.RELU),
                new Dense("out", 3, 2, new Tensor(new int[] {2, 3}, slice(t, 9, 15)), new Tensor(new int[] {2}, slice(t, 15, 17)))),
                Normalization.IDENTITY, ModelCard.EMPTY);
    }

    static Dataset data() {
        float[] f = new float[X.length * 2];
        for (int i = 0; i < X.length; i++) {
            f[2 * i] = (float) X[i][0];
            f[2 * i + 1] = (float) X[i][1];
        }
        return new Dataset("tiny", new int[] {2}, f, Y, RandomNetworks.classes(2));
    }

    private static float[] slice(float[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    /** The 2-3-2 ReLU network's output for one input. */
    static double[] forward(double[] p, double[] x) {
        double[] h = new double[3];
        for (int j = 0; j < 3; j++) {
            h[j] = Math.max(0, p[2 * j] * x[0] + p[2 * j + 1] * x[1] + p[6 + j]);
        }
        double[] o = new double[2];
        for (int k = 0; k < 2; k++) {
            o[k] = p[9 + 3 * k] * h[0] + p[10 + 3 * k] * h[1] + p[11 + 3 * k] * h[2] + p[15 + k];
        }
        return o;
    }

    /** Mean cross-entropy over X. */
    static double loss(double[] p) {
        double sum = 0;
        for (int i = 0; i < X.length; i++) {
            double[] o = forward(p, X[i]);
            double max = Math.max(o[0], o[1]);
            double logZ = max + Math.log(Math.exp(o[0] - max) + Math.exp(o[1] - max));
            sum += logZ - o[Y[i]];
        }
        return sum / X.length;
    }

    /** SynFlow's R: the absolute-valued network's summed output for an all-ones input. */
    static double synFlowObjective(double[] p) {
        double[] abs = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            abs[i] = Math.abs(p[i]);
        }
        double[] o = forward(abs, new double[] {1, 1});
        return o[0] + o[1];
    }

    static double[] gradient(ToDoubleFunction<double[]> f, double[] p) {
        double h = 1e-6;
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double[] a = p.clone();
            double[] b = p.clone();
            a[i] += h;
            b[i] -= h;
            g[i] = (f.applyAsDouble(a) - f.applyAsDouble(b)) / (2 * h);
        }
        return g;
    }

    /** Σ over each hidden unit's incoming weights and bias of |θ·v| (or θ·v). */
    static double[] perUnit(double[] v, boolean absolute) {
        double[] s = new double[3];
        for (int j = 0; j < 3; j++) {
            for (int i : new int[] {2 * j, 2 * j + 1, 6 + j}) {
                double term = THETA[i] * v[i];
                s[j] += absolute ? Math.abs(term) : term;
            }
        }
        return s;
    }

    static List<double[]> scores(String method, Map<String, String> options) {
        ConnectionPruning m = (ConnectionPruning) MethodsByText.create(method, options, data());
        return m.unitScores(tiny(), Progress.NONE);
    }

    @Test
    void snipIsTheL1SumOfThetaTimesTheLossGradient() {
        double[] expected = perUnit(gradient(ConnectionPruningTest::loss, THETA), true);
        assertClose(scores("snip", Map.of()).get(0), expected, 1e-4);
    }

    @Test
    void graspIsTheL1SumOfThetaTimesTheHessianGradientProductOrItsSignedSum() {
        double[] g = gradient(ConnectionPruningTest::loss, THETA);
        double gNorm = Math.sqrt(java.util.Arrays.stream(g).map(v -> v * v).sum());
        double t = 1e-3 / gNorm;
        double[] plus = THETA.clone();
        double[] minus = THETA.clone();
        for (int i = 0; i < g.length; i++) {
            plus[i] += t * g[i];
            minus[i] -= t * g[i];
        }
        double[] gp = gradient(ConnectionPruningTest::loss, plus);
        double[] gm = gradient(ConnectionPruningTest::loss, minus);
        double[] hg = new double[g.length];
        for (int i = 0; i < g.length; i++) {
            hg[i] = (gp[i] - gm[i]) / (2 * t);
        }
        assertClose(scores("grasp", Map.of()).get(0), perUnit(hg, true), 2e-2);
        assertClose(scores("grasp", Map.of("signed", "true")).get(0), perUnit(hg, false), 2e-2);
    }

    @Test
    void synFlowIsTheL1SumOfThetaTimesTheGradientOfTheAbsoluteNetworksOutputOnOnes() {
        double[] r = gradient(ConnectionPruningTest::synFlowObjective, THETA);
        assertClose(scores("synflow", Map.of()).get(0), perUnit(r, true), 1e-4);
    }

    @Test
    void theUnitsWithTheLowestScoresArePrunedAcrossTheNetwork() {
        double[] expected = perUnit(gradient(ConnectionPruningTest::loss, THETA), true);
        int lowest = 0;
        for (int j = 1; j < 3; j++) {
            if (expected[j] < expected[lowest]) {
                lowest = j;
            }
        }
        PruningPlan plan = MethodsByText.create("snip", Map.of("sparsity", "0.3"), data()).plan(tiny(), null, Progress.NONE).plan();
        assertThat(plan.method()).isEqualTo("snip");
        assertThat(plan.keptIn("fc1")).hasSize(2).doesNotContain(lowest);
        assertThat(plan.settings()).containsEntry("samples", 6).containsEntry("minPerLayer", 0);
    }

    @Test
    void gradientMethodsWithoutProbeDataSayWhatTheyNeedWhenPlanning() {
        PruningMethod snip = MethodsByText.create("snip", Map.of());
        assertThatThrownBy(() -> snip.plan(tiny(), null, Progress.NONE)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("snip needs the probe data set");
        assertThat(snip.withProbeInputs(data()).plan(tiny(), null, Progress.NONE).plan().keptIn("fc1")).hasSize(2);
        assertThatThrownBy(() -> MethodsByText.create("synflow", Map.of("rounds", "0")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("rounds must be at least 1");
    }

    /** in 4 → 8 → 8 → 8 → 2, no biases; the middle layer's weights are a hundred times smaller than the others'. */
    static Network narrowFlow() {
        Random r = new Random(3);
        int[] widths = {4, 8, 8, 8, 2};
        double[] scale = {1, 0.01, 1, 1};
        List<Layer> layers = new java.util.ArrayList<>();
        for (int l = 0; l < 4; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            float[] w = new float[in * out];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (scale[l] * (0.5 + r.nextDouble()) * (r.nextBoolean() ? 1 : -1));
            }
            String name = l == 3 ? "out" : "fc" + (l + 1);
            layers.add(new Dense(name, in, out, new Tensor(new int[] {out, in}, w), Tensor.zeros(out)));
            if (l < 3) {
                layers.add(new Activation("relu" + (l + 1), Activation.Kind.RELU));
            }
        }
        return new Network("narrow-flow", new int[] {4}, RandomNetworks.classes(2), layers, Normalization.IDENTITY, ModelCard.EMPTY);
    }

    @Test
    void iterativeSynFlowKeepsEveryLayerWhereOneShotMagnitudeEmptiesOne() {
        Network net = narrowFlow();
        PruningPlan magnitude = MethodsByText.create("global-topk", Map.of("score", "l1", "sparsity", "0.6"))
                .plan(net, null, Progress.NONE).plan();
        assertThat(magnitude.keptIn("fc2")).as("one-shot magnitude collapses the small layer").isEmpty();
        PruningPlan synFlow = MethodsByText.create("synflow", Map.of("sparsity", "0.6")).plan(net, null, Progress.NONE).plan();
        assertThat(synFlow.totalKept()).isEqualTo(magnitude.totalKept()).isEqualTo(10);
        for (String layer : List.of("fc1", "fc2", "fc3")) {
            assertThat(synFlow.keptIn(layer)).as(layer).isNotEmpty();
        }
        assertThat(synFlow.settings()).containsEntry("rounds", 100);
    }

    static void assertClose(double[] actual, double[] expected, double relative) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int j = 0; j < expected.length; j++) {
            assertThat(actual[j]).as("unit %d", j).isCloseTo(expected[j], within(relative * Math.abs(expected[j]) + 1e-7));
        }
    }
}
