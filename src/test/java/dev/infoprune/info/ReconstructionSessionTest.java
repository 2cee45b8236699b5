package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The paper's loss-based estimate on data whose answer is known. */
class ReconstructionSessionTest {
    static final ReconstructionSettings FAST = new ReconstructionSettings(32, ReconstructionSettings.FirstFit.CONVERGE, 20, 2000, 50, 4, 30, 3e-3, 256, 0.3, 5, 7);

    static int[][] singletons(int d) {
        return IntStream.range(0, d).mapToObj(j -> new int[] {j}).toArray(int[][]::new);
    }

    @Test
    void theHeldOutLossesMatchTheLinearGaussianNoiseShares() {
        Random r = new Random(1);
        int n = 3000;
        double[][] x = new double[n][2];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            y[i][0] = x[i][0] + x[i][1] + 0.5 * r.nextGaussian();
        }
        ReconstructionSession s = new ReconstructionSession(Matrix.of(x), singletons(2), Matrix.of(y), FAST);
        double with = mean(s.loss(Progress.NONE));
        double without = mean(s.lossWithout(1, Progress.NONE));
        // var(y) = 2.25: the best predictor leaves 0.25 / 2.25 of it; without x1, 1.25 / 2.25
        assertThat(with).isCloseTo(0.25 / 2.25, within(0.02));
        assertThat(without).isCloseTo(1.25 / 2.25, within(0.05));
        assertThat(mean(s.baselineLoss())).isCloseTo(1.0, within(0.05));
    }

    @Test
    void aNeededUnitCostsLossEveryTimeAConstantNeverDoesAndNoiseCostsLittle() {
        Random r = new Random(2);
        int n = 2000;
        double[][] x = new double[n][4];
        double[][] y = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            x[i][2] = r.nextGaussian();
            x[i][3] = 0.25;
            y[i][0] = Math.tanh(2 * x[i][0]) + 0.1 * r.nextGaussian();
            y[i][1] = Math.max(0, x[i][1]) + 0.1 * r.nextGaussian();
        }
        ReconstructionSession s = new ReconstructionSession(Matrix.of(x), singletons(4), Matrix.of(y), FAST);
        double[] with = s.loss(Progress.NONE);
        double[] needed = delta(s.lossWithout(1, Progress.NONE), with);
        double[] noise = delta(s.lossWithout(2, Progress.NONE), with);
        double[] constant = delta(s.lossWithout(3, Progress.NONE), with);
        assertThat(Arrays.stream(needed).min().orElseThrow()).isGreaterThan(0.2);
        assertThat(constant).containsOnly(0.0);
        assertThat(Math.abs(mean(noise))).isLessThan(0.02);
        assertThat(s.relevance()[2]).isLessThan(s.relevance()[0]);
    }

    @Test
    void theSameSeedAndCallsGiveBitIdenticalLosses() {
        Random r = new Random(4);
        double[][] x = new double[600][5];
        double[][] y = new double[600][3];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        for (int i = 0; i < 600; i++) {
            y[i][0] = x[i][0] * x[i][1];
            y[i][1] = x[i][2];
            y[i][2] = x[i][3] + x[i][4];
        }
        double[][] runs = new double[2][];
        for (int k = 0; k < 2; k++) {
            ReconstructionSession s = new ReconstructionSession(Matrix.of(x), singletons(5), Matrix.of(y), FAST.withSeed(3));
            s.lossWithout(4, Progress.NONE);
            s.remove(4);
            double[] a = s.lossWithout(0, Progress.NONE);
            double[] b = s.loss(Progress.NONE);
            runs[k] = concat(a, b);
        }
        assertThat(runs[1]).containsExactly(runs[0]);
        ReconstructionSession other = new ReconstructionSession(Matrix.of(x), singletons(5), Matrix.of(y), FAST.withSeed(4));
        assertThat(other.loss(Progress.NONE)).isNotEqualTo(Arrays.copyOfRange(runs[0], 5, 10));
    }

    @Test
    void aConvergingFitShorterThanOneCheckIntervalKeepsItsTrainedWeights() {
        Random r = new Random(5);
        double[][] x = new double[800][3];
        double[][] y = new double[800][1];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i][0] = x[i][0] - x[i][2];
        }
        // 40 steps checked every 50 must end as 40 steps checked every 40: the last step is always checked
        ReconstructionSettings unchecked = new ReconstructionSettings(32, ReconstructionSettings.FirstFit.CONVERGE, 20, 40, 50, 4,
                1, 3e-3, 256, 0.3, 5, 7);
        ReconstructionSettings checked = new ReconstructionSettings(32, ReconstructionSettings.FirstFit.CONVERGE, 20, 40, 40, 4,
                1, 3e-3, 256, 0.3, 5, 7);
        double[] a = new ReconstructionSession(Matrix.of(x), singletons(3), Matrix.of(y), unchecked).loss(Progress.NONE);
        double[] b = new ReconstructionSession(Matrix.of(x), singletons(3), Matrix.of(y), checked).loss(Progress.NONE);
        assertThat(a).containsExactly(b);
    }

    static double[] delta(double[] without, double[] with) {
        double[] d = new double[with.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = without[i] - with[i];
        }
        return d;
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
