package dev.infoprune.prune;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.LinearCka;
import dev.infoprune.info.PlainStatistics;
import dev.infoprune.model.Activation;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ItPrunerAllocationTest {
    /** A ReLU MLP with the given widths (input first, output last). */
    static Network mlp(long seed, int... widths) {
        Random r = new Random(seed);
        List<Layer> layers = new ArrayList<>();
        for (int i = 1; i < widths.length; i++) {
            layers.add(new Dense("fc" + i, widths[i - 1], widths[i],
                    RandomNetworks.random(r, 1 / Math.sqrt(widths[i - 1]), widths[i], widths[i - 1]),
                    RandomNetworks.random(r, 0.1, widths[i])));
            if (i < widths.length - 1) {
                layers.add(new Activation("relu" + i, Activation.Kind.RELU));
            }
        }
        return new Network("mlp", new int[] {widths[0]}, RandomNetworks.classes(widths[widths.length - 1]), layers,
                Normalization.IDENTITY, ModelCard.EMPTY);
    }

    @Test
    void macsOfKeptCountsEqualTheMacsOfTheSmallerNetwork() {
        Network full = mlp(1, 20, 12, 9, 7, 3);
        WidthFlops f = WidthFlops.of(full);
        assertThat(f.fullMacs()).isEqualTo((double) full.macs());
        assertThat(f.macs(new int[] {5, 2, 4})).isCloseTo(mlp(1, 20, 5, 2, 4, 3).macs(), within(1e-6));
        Network cnn = RandomNetworks.cnn(2, 3, 12, 12, 4);
        assertThat(WidthFlops.of(cnn).fullMacs()).isEqualTo((double) cnn.macs());
        // conv1 4 -> 2 filters, conv2 5 -> 3, fc1 7 -> 7: every layer's MACs scale with its in and out ratios
        double expected = 0;
        long[] macs = {4L * 3 * 9 * 12 * 12, 5L * 4 * 9 * 4 * 4, 7L * 5 * 4, 4L * 7};
        expected += macs[0] * 0.5 + macs[1] * 0.5 * 0.6 + macs[2] * 0.6 * 1 + macs[3];
        assertThat(WidthFlops.of(cnn).macs(new int[] {2, 3, 7})).isCloseTo(expected, within(1e-6));
    }

    @Test
    void theAllocationMeetsTheBudgetAndBeatsTheUniformAllocation() {
        Network net = mlp(3, 64, 48, 32, 24, 10);
        WidthFlops f = WidthFlops.of(net);
        double[] alpha = {0.9, 0.4, 0.7};
        BudgetedWidthAllocation solver = new BudgetedWidthAllocation(f, alpha);
        for (double share : new double[] {0.2, 0.35, 0.6}) {
            double budget = share * f.fullMacs();
            BudgetedWidthAllocation.Allocation a = solver.solve(budget);
            assertThat(a.macs()).isLessThanOrEqualTo(budget);
            assertThat(f.macs(a.kept())).isLessThanOrEqualTo(budget);
            int[] uniform = bestUniform(f, budget);
            assertThat(a.objective()).isGreaterThan(solver.objective(uniform));
        }
    }

    /** The largest common ratio whose whole-unit counts fit the budget. */
    private static int[] bestUniform(WidthFlops f, double budget) {
        int[] best = null;
        for (int step = 1; step <= 1000; step++) {
            double t = step / 1000.0;
            int[] k = new int[f.layers()];
            for (int i = 0; i < k.length; i++) {
                k[i] = Math.max(1, (int) Math.floor(t * f.units(i)));
            }
            if (f.macs(k) <= budget) {
                best = k;
            }
        }
        return best;
    }

    @Test
    void recoversTheExhaustiveOptimumOnASmallNetwork() {
        Network net = mlp(5, 30, 10, 8, 6, 4);
        WidthFlops f = WidthFlops.of(net);
        Random r = new Random(4);
        for (int trial = 0; trial < 40; trial++) {
            double[] alpha = {0.2 + r.nextDouble(), 0.2 + r.nextDouble(), 0.2 + r.nextDouble()};
            double budget = (0.15 + 0.6 * r.nextDouble()) * f.fullMacs();
            BudgetedWidthAllocation solver = new BudgetedWidthAllocation(f, alpha);
            double best = Double.NEGATIVE_INFINITY;
            int[] arg = null;
            for (int a = 1; a <= 10; a++) {
                for (int b = 1; b <= 8; b++) {
                    for (int c = 1; c <= 6; c++) {
                        int[] k = {a, b, c};
                        if (f.macs(k) <= budget && solver.objective(k) > best) {
                            best = solver.objective(k);
                            arg = k;
                        }
                    }
                }
            }
            BudgetedWidthAllocation.Allocation found = solver.solve(budget);
            assertThat(found.objective()).as("trial %d: found %s (%s MACs), optimum %s (%s MACs), budget %s, alpha %s", trial,
                            java.util.Arrays.toString(found.kept()), found.macs(), java.util.Arrays.toString(arg), f.macs(arg), budget, java.util.Arrays.toString(alpha)).isCloseTo(best, within(1e-9));
        }
    }

    @Test
    void aSingleLayerTakesTheWholeBudget() {
        Network net = mlp(6, 10, 20, 3);
        WidthFlops f = WidthFlops.of(net);
        BudgetedWidthAllocation.Allocation a = new BudgetedWidthAllocation(f, new double[] {1})
                .solve(f.macs(new int[] {7}) + 1);
        assertThat(a.kept()).containsExactly(7);
    }

    @Test
    void linearCkaIsOneForRotatedScaledCopiesAndZeroForConstants() {
        Random r = new Random(8);
        int n = 200;
        double[][] x = new double[n][2];
        double[][] y = new double[n][2];
        double[][] c = new double[n][1];
        double cos = Math.cos(0.7);
        double sin = Math.sin(0.7);
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextGaussian(), 2 * r.nextGaussian()};
            y[i] = new double[] {3 * (cos * x[i][0] - sin * x[i][1]) + 5, 3 * (sin * x[i][0] + cos * x[i][1])};
            c[i] = new double[] {1.5};
        }
        assertThat(LinearCka.between(Matrix.of(x), Matrix.of(y))).isCloseTo(1, within(1e-12));
        assertThat(LinearCka.between(Matrix.of(x), Matrix.of(c))).isZero();
        // for single columns linear CKA is the squared Pearson correlation
        double[][] a = new double[n][1];
        double[][] b = new double[n][1];
        for (int i = 0; i < n; i++) {
            a[i][0] = r.nextGaussian();
            b[i][0] = 0.6 * a[i][0] + 0.8 * r.nextGaussian();
        }
        double rho = PlainStatistics.pearson(Matrix.of(a).columnValues(0), Matrix.of(b).columnValues(0));
        assertThat(LinearCka.between(Matrix.of(a), Matrix.of(b))).isCloseTo(rho * rho, within(1e-12));
    }

    @Test
    void theLagrangianIsMaximisedExactlyByTheChainProgram() {
        Network net = mlp(12, 9, 7, 5, 6, 3);
        WidthFlops f = WidthFlops.of(net);
        BudgetedWidthAllocation solver = new BudgetedWidthAllocation(f, new double[] {0.8, 0.3, 0.6});
        for (double lambda : new double[] {0, 1e-4, 3e-3, 1e-2, 0.05}) {
            double best = Double.NEGATIVE_INFINITY;
            for (int a = 1; a <= 7; a++) {
                for (int b = 1; b <= 5; b++) {
                    for (int c = 1; c <= 6; c++) {
                        int[] k = {a, b, c};
                        best = Math.max(best, solver.objective(k) - lambda * f.macs(k));
                    }
                }
            }
            int[] k = solver.maximiseLagrangian(lambda);
            assertThat(solver.objective(k) - lambda * f.macs(k)).as("lambda %s", lambda).isCloseTo(best, within(1e-9));
        }
    }

    @Test
    void aLayerUnlikeTheOthersGetsTheLargestImportanceAndKeepsItsLargestFilters() {
        Network net = mlp(9, 16, 12, 12, 12, 4);
        int n = 150;
        Random r = new Random(10);
        double[][] a1 = new double[n][12];
        double[][] a2 = new double[n][12];
        double[][] a3 = new double[n][12];
        double[][] out = new double[n][4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 12; j++) {
                a1[i][j] = r.nextGaussian();
                a2[i][j] = a1[i][j] * 2 + 0.01 * r.nextGaussian();
                a3[i][j] = r.nextGaussian();
            }
            y[i] = r.nextInt(4);
            out[i][y[i]] = 1;
        }
        Map<String, Matrix> m = new LinkedHashMap<>();
        m.put("fc1", Matrix.of(a1));
        m.put("fc2", Matrix.of(a2));
        m.put("fc3", Matrix.of(a3));
        m.put("fc4", Matrix.of(out));
        Activations acts = new Activations(m, "fc4", y);
        ItPrunerAllocation.Result res = new ItPrunerAllocation(ItPrunerAllocation.Settings.atMacsFraction(0.4)
                .withBeta(3)).allocate(net, acts, Progress.NONE);
        assertThat(res.cka()[0][1]).isGreaterThan(0.99);
        assertThat(res.alpha()[2]).isGreaterThan(res.alpha()[0]).isGreaterThan(0);
        assertThat(res.alpha()[0]).isCloseTo(res.alpha()[1], within(0.05));
        assertThat(res.allocation().macs()).isLessThanOrEqualTo(0.4 * net.macs());
        PruningPlan plan = res.plan();
        assertThat(plan.keptCount("fc3")).isGreaterThanOrEqualTo(plan.keptCount("fc1"));
        // fc2's filters are ranked by the L1 norm of their weights from the fc1 units that stay
        Layer fc2 = net.layer(net.indexOf("fc2"));
        int[] fc1Kept = plan.keptIn("fc1");
        java.util.function.IntToDoubleFunction l1 = u -> java.util.Arrays.stream(fc1Kept)
                .mapToDouble(c -> Math.abs(fc2.weights().get("weight").data()[u * 12 + c])).sum();
        assertThat(plan.keptIn("fc2")).containsExactly(ItPrunerAllocation.topByL1(fc2, plan.keptCount("fc2"), fc1Kept));
        double smallestKept = java.util.Arrays.stream(plan.keptIn("fc2")).mapToDouble(l1::applyAsDouble).min().orElseThrow();
        for (int u = 0; u < 12; u++) {
            int unit = u;
            if (java.util.Arrays.stream(plan.keptIn("fc2")).noneMatch(k -> k == unit)) {
                assertThat(l1.applyAsDouble(u)).isLessThanOrEqualTo(smallestKept);
            }
        }
        assertThat(fc1Kept.length).isLessThan(12);
        assertThat(plan.keptIn("fc2")).as("the pruned inputs change the ranking in this network")
                .isNotEqualTo(ItPrunerAllocation.topByL1(fc2, plan.keptCount("fc2")));
    }

    @Test
    void atASparsityTheBudgetIsTheUniformAllocationsMacs() {
        Network net = mlp(11, 16, 20, 10, 4);
        Map<String, Matrix> m = new LinkedHashMap<>();
        Random r = new Random(1);
        int n = 40;
        double[][] a = new double[n][20];
        double[][] b = new double[n][10];
        double[][] o = new double[n][4];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 20; j++) {
                a[i][j] = r.nextGaussian();
            }
            for (int j = 0; j < 10; j++) {
                b[i][j] = r.nextGaussian();
            }
        }
        m.put("fc1", Matrix.of(a));
        m.put("fc2", Matrix.of(b));
        m.put("fc3", Matrix.of(o));
        ItPrunerAllocation.Result res = new ItPrunerAllocation(ItPrunerAllocation.Settings.atSparsity(0.5))
                .allocate(net, new Activations(m, "fc3", new int[n]), Progress.NONE);
        assertThat(res.budget()).isEqualTo(WidthFlops.of(net).macs(new int[] {10, 5}));
        assertThat(res.plan().settings()).containsEntry("sparsity", 0.5);
    }

    @Test
    void withTwoPrunableLayersThePlanSaysItIsAPureMacsAllocation() {
        Network net = mlp(11, 16, 20, 10, 4);
        Random r = new Random(2);
        int n = 30;
        double[][] a = new double[n][20];
        double[][] b = new double[n][10];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 20; j++) {
                a[i][j] = r.nextGaussian();
            }
            for (int j = 0; j < 10; j++) {
                b[i][j] = a[i][j] + r.nextGaussian();
            }
        }
        Map<String, Matrix> m = new LinkedHashMap<>();
        m.put("fc1", Matrix.of(a));
        m.put("fc2", Matrix.of(b));
        m.put("fc3", Matrix.of(new double[n][4]));
        ItPrunerAllocation.Result res = new ItPrunerAllocation(ItPrunerAllocation.Settings.atMacsFraction(0.5))
                .allocate(net, new Activations(m, "fc3", new int[n]), Progress.NONE);
        assertThat(res.alpha()[0]).isEqualTo(res.alpha()[1]);
        assertThat(ItPrunerAllocation.isPureMacsAllocation(net)).isTrue();
        assertThat(res.plan().settings().get("allocation").toString()).startsWith("pure MACs allocation");
        assertThat(ItPrunerAllocation.isPureMacsAllocation(mlp(1, 8, 6, 5, 4, 3))).isFalse();
    }
}
