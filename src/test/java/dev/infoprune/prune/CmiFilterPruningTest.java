package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CmiFilterPruningTest {
    private static final int N = 300;

    /** fc1 (6 units) -> fc2 (5 units) -> out (4). */
    private static final Network NET = RandomNetworks.mlp(1, 8, 6, 5, 4);

    private static int[] labels() {
        Random r = new Random(42);
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = r.nextInt(4);
        }
        return y;
    }

    /**
     * fc1 units: 0 = high bit of the label (+ noise), 1 = exact duplicate of 0, 2 = constant, 3 = low bit of
     * the label (+ noise), 4 = pure noise, 5 = another noisy copy of the low bit. Two units (0 and 3) carry
     * everything; the rest only repeat them or carry nothing.
     */
    private static Activations planted(int[] y, double[][] fc2) {
        Random r = new Random(9);
        double[][] fc1 = new double[N][6];
        for (int i = 0; i < N; i++) {
            double hi = (y[i] >> 1) + 0.05 * r.nextGaussian();
            double lo = (y[i] & 1) + 0.05 * r.nextGaussian();
            fc1[i] = new double[] {hi, hi, 3.0, lo, r.nextGaussian(), (y[i] & 1) + 0.4 * r.nextGaussian()};
        }
        double[][] out = new double[N][4];
        for (int i = 0; i < N; i++) {
            out[i][y[i]] = 1 + 0.1 * r.nextGaussian();
        }
        Map<String, Matrix> m = new LinkedHashMap<>();
        m.put("fc1", Matrix.of(fc1));
        m.put("fc2", Matrix.of(fc2));
        m.put("out", Matrix.of(out));
        return new Activations(m, "out", y);
    }

    /** fc2 units: 0 = label itself (+ small noise), 1..4 = noise. */
    private static double[][] labelCarrierLayer(int[] y) {
        Random r = new Random(5);
        double[][] fc2 = new double[N][5];
        for (int i = 0; i < N; i++) {
            fc2[i] = new double[] {r.nextGaussian(), r.nextGaussian(), y[i] + 0.05 * r.nextGaussian(),
                    r.nextGaussian(), r.nextGaussian()};
        }
        return fc2;
    }

    /** Width scale for the two tests written for the old narrow Silverman widths (σ = n^(-1/5) sd). */
    private static final double NARROW = 0.2;

    private static CmiFilterPruning.Settings independent() {
        return CmiFilterPruning.Settings.defaults().withDirection(CmiFilterPruning.Direction.INDEPENDENT)
                .withFraction(0.9);
    }

    @Test
    void ranksTheTwoInformativeUnitsFirstAndTheFractionCutoffKeepsOnlyThem() {
        int[] y = labels();
        Activations acts = planted(y, labelCarrierLayer(y));
        // the units' own widths (no growth): two noise-free bits then hold all of log 4; with widths growing
        // with the layer, the duplicate of unit 0 sharpens its kernel in the Hadamard product and gains a little
        List<CmiFilterPruning.LayerSelection> sel = new CmiFilterPruning(independent().withWidthGrowth(0))
                .select(NET, acts, Progress.NONE);
        CmiFilterPruning.LayerSelection fc1 = sel.get(0);
        assertThat(fc1.layer()).isEqualTo("fc1");
        assertThat(new int[] {fc1.order()[0], fc1.order()[1]}).containsExactlyInAnyOrder(0, 3);
        assertThat(fc1.keptUnits()).containsExactly(0, 3);
        assertThat(fc1.curve()[1]).isGreaterThan(0.9 * Math.log(4));
    }

    @Test
    void theLabelCarrierAloneReachesTheCutoff() {
        int[] y = labels();
        Activations acts = planted(y, labelCarrierLayer(y));
        // a kernel narrower than the median heuristic's, so that one label carrier holds 90 % of the layer's CMI
        PruningPlan plan = new CmiFilterPruning(independent().withWidthScale(NARROW)).plan(NET, acts, Progress.NONE).plan();
        assertThat(plan.keptIn("fc2")).containsExactly(2);
        assertThat(plan.method()).isEqualTo("cmi");
        assertThat(plan.settings()).containsEntry("cutoff", "fraction").containsEntry("direction", "independent");
    }

    @Test
    void theDuplicateAndTheConstantAreRankedBehindTheInformativeUnitsAndTheConstantAddsNothing() {
        int[] y = labels();
        Activations acts = planted(y, labelCarrierLayer(y));
        CmiFilterPruning.LayerSelection fc1 = new CmiFilterPruning(independent()
                .withCutoff(CmiFilterPruning.Cutoff.KNEE)).select(NET, acts, Progress.NONE).get(0);
        int[] order = fc1.order();
        assertThat(order).hasSize(6);
        int constantAt = java.util.Arrays.stream(java.util.stream.IntStream.range(0, 6).toArray())
                .filter(k -> order[k] == 2).findFirst().getAsInt();
        double[] c = fc1.curve();
        // the constant unit adds exactly nothing wherever it is added, and comes after both informative units
        assertThat(constantAt).isGreaterThanOrEqualTo(2);
        assertThat(c[constantAt] - c[constantAt - 1]).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-12));
        // the duplicate of unit 0 is not picked before the low-bit unit it does not duplicate
        assertThat(new int[] {order[0], order[1]}).doesNotContain(1);
        // the knee of the gain curve is at the two informative units
        assertThat(fc1.keptUnits()).containsExactly(0, 3);
    }

    @Test
    void forwardConditioningPrefersWhatThePreviousLayerDoesNotAlreadyCarry() {
        int[] y = labels();
        Random r = new Random(8);
        double[][] fc2 = new double[N][5];
        double[][] fc1Values = new double[N][];
        Activations base = planted(y, labelCarrierLayer(y));
        Matrix fc1 = base.of("fc1");
        for (int i = 0; i < N; i++) {
            // 0 copies fc1's high bit, 1 is the low bit (fresh noise), the rest noise
            fc2[i] = new double[] {fc1.get(i, 0), (y[i] & 1) + 0.05 * r.nextGaussian(), r.nextGaussian(),
                    r.nextGaussian(), r.nextGaussian()};
        }
        // fc1 keeps only its high-bit unit under this conditioning: make fc1 carry only the high bit
        Map<String, Matrix> m = new LinkedHashMap<>();
        double[][] onlyHigh = new double[N][6];
        for (int i = 0; i < N; i++) {
            onlyHigh[i] = new double[] {fc1.get(i, 0), r.nextGaussian(), 3.0, r.nextGaussian(), r.nextGaussian(),
                    r.nextGaussian()};
        }
        m.put("fc1", Matrix.of(onlyHigh));
        m.put("fc2", Matrix.of(fc2));
        m.put("out", base.outputs());
        Activations acts = new Activations(m, "out", y);
        CmiFilterPruning.Settings forward = independent().withDirection(CmiFilterPruning.Direction.FORWARD);
        List<CmiFilterPruning.LayerSelection> fw = new CmiFilterPruning(forward).select(NET, acts, Progress.NONE);
        assertThat(fw.get(0).keptUnits()).contains(0);
        assertThat(fw.get(1).order()[0]).isEqualTo(1);
        List<CmiFilterPruning.LayerSelection> alone = new CmiFilterPruning(independent()).select(NET, acts, Progress.NONE);
        assertThat(alone.get(1).order()[0]).isIn(0, 1);
        assertThat(fw.get(1).total()).isLessThan(alone.get(1).total());
    }

    @Test
    void backwardRunsFromTheOutputSide() {
        int[] y = labels();
        Activations acts = planted(y, labelCarrierLayer(y));
        List<CmiFilterPruning.LayerSelection> bw = new CmiFilterPruning(independent().withWidthScale(NARROW)
                .withDirection(CmiFilterPruning.Direction.BACKWARD)).select(NET, acts, Progress.NONE);
        assertThat(bw.get(0).layer()).isEqualTo("fc2");
        assertThat(bw.get(0).keptUnits()).containsExactly(2);
        // conditioned on fc2's label carrier, fc1 has almost nothing left to add: one unit suffices
        assertThat(bw.get(1).total()).isLessThan(0.1);
        PruningPlan plan = new CmiFilterPruning(independent().withDirection(CmiFilterPruning.Direction.BACKWARD))
                .plan(NET, acts, Progress.NONE).plan();
        assertThat(plan.kept().keySet()).containsExactly("fc1", "fc2");
    }

    @Test
    void theSameSeedGivesTheSamePlanOnASubsample() {
        int[] y = labels();
        Activations acts = planted(y, labelCarrierLayer(y));
        CmiFilterPruning.Settings s = CmiFilterPruning.Settings.defaults().withSamples(120).withSeed(3);
        PruningPlan a = new CmiFilterPruning(s).plan(NET, acts, Progress.NONE).plan();
        PruningPlan b = new CmiFilterPruning(s).plan(NET, acts, Progress.NONE).plan();
        assertThat(a.kept().keySet()).isEqualTo(b.kept().keySet());
        a.kept().forEach((k, v) -> assertThat(b.keptIn(k)).containsExactly(v));
    }

    @Test
    void nonFiniteActivationsAreBadInputNamingTheLayer() {
        int[] y = labels();
        double[][] fc2 = labelCarrierLayer(y);
        fc2[7][3] = Double.NaN;
        Activations acts = planted(y, fc2);
        assertThatThrownBy(() -> new CmiFilterPruning(independent()).plan(NET, acts, Progress.NONE).plan())
                .isInstanceOf(BadInputException.class).hasMessageContaining("fc2").hasMessageContaining("sample 7");
    }

    @Test
    void aShareCutoffKeepsThatShareOfEveryLayerInGreedyOrder() {
        int[] y = labels();
        Activations acts = planted(y, labelCarrierLayer(y));
        PruningPlan plan = new CmiFilterPruning(independent().withCutoff(CmiFilterPruning.Cutoff.SHARE).withFraction(0.34))
                .plan(NET, acts, Progress.NONE).plan();
        assertThat(plan.keptIn("fc1")).containsExactly(0, 3);
        assertThat(plan.keptIn("fc2")).hasSize(2).contains(2);
        assertThat(plan.settings()).containsKey("sparsity");
    }

    @Test
    void kneeOfACurveThatSaturatesAtOnce() {
        assertThat(CmiFilterPruning.knee(new double[] {1, 1, 1, 1})).isEqualTo(1);
        assertThat(CmiFilterPruning.knee(new double[] {0.5, 0.95, 0.97, 1})).isEqualTo(2);
        assertThat(CmiFilterPruning.knee(new double[] {0, 0, 0})).isEqualTo(1);
    }
}
