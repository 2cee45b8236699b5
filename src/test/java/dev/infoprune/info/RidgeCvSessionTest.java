package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fast mode's rank-p downdates against fresh fits: a session on the inputs with some columns deleted sees the
 * same folds and the same standardised columns, so its loss is what the downdated session must report.
 */
class RidgeCvSessionTest {
    static final int N = 400;
    static final int D = 7;
    static final int T = 3;

    static Matrix inputs(Random r) {
        double[][] x = new double[N][D];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                x[i][j] = r.nextGaussian() + (j == 3 ? 0.7 * x[i][0] : 0);
            }
        }
        return Matrix.of(x);
    }

    static Matrix target(Matrix x, Random r) {
        double[][] y = new double[N][T];
        for (int i = 0; i < N; i++) {
            y[i][0] = x.get(i, 0) + 0.5 * x.get(i, 1) + 0.3 * r.nextGaussian();
            y[i][1] = x.get(i, 2) - x.get(i, 3) + 0.3 * r.nextGaussian();
            y[i][2] = 0.2 * x.get(i, 4) + r.nextGaussian();
        }
        return Matrix.of(y);
    }

    static int[][] singletons(int d) {
        return IntStream.range(0, d).mapToObj(j -> new int[] {j}).toArray(int[][]::new);
    }

    static Matrix without(Matrix x, int... drop) {
        int[] keep = IntStream.range(0, x.cols()).filter(j -> IntStream.of(drop).noneMatch(k -> k == j)).toArray();
        return x.selectColumns(keep);
    }

    @Test
    void aTestAndARemovalEqualAFreshFitWithoutTheColumn() {
        Random r = new Random(3);
        Matrix x = inputs(r);
        Matrix y = target(x, r);
        RidgeCvSession session = new RidgeCvSession(x, singletons(D), y, 5, 1.0, 11);
        double[] without1 = session.lossWithout(1, Progress.NONE);
        double[] fresh1 = new RidgeCvSession(without(x, 1), singletons(D - 1), y, 5, 1.0, 11).loss(Progress.NONE);
        for (int f = 0; f < 5; f++) {
            assertThat(without1[f]).isCloseTo(fresh1[f], within(1e-9));
        }
        session.remove(1);
        session.remove(5);
        double[] both = session.loss(Progress.NONE);
        double[] fresh = new RidgeCvSession(without(x, 1, 5), singletons(D - 2), y, 5, 1.0, 11).loss(Progress.NONE);
        for (int f = 0; f < 5; f++) {
            assertThat(both[f]).isCloseTo(fresh[f], within(1e-9));
        }
        double[] then3 = session.lossWithout(3, Progress.NONE);
        double[] fresh3 = new RidgeCvSession(without(x, 1, 3, 5), singletons(D - 3), y, 5, 1.0, 11).loss(Progress.NONE);
        for (int f = 0; f < 5; f++) {
            assertThat(then3[f]).isCloseTo(fresh3[f], within(1e-9));
        }
    }

    @Test
    void aGroupOfColumnsIsRemovedAsOne() {
        Random r = new Random(5);
        Matrix x = inputs(r);
        Matrix y = target(x, r);
        int[][] groups = {{0, 1}, {2, 3}, {4}, {5, 6}};
        RidgeCvSession session = new RidgeCvSession(x, groups, y, 4, 0.5, 2);
        double[] w = session.lossWithout(1, Progress.NONE);
        double[] fresh = new RidgeCvSession(without(x, 2, 3), new int[][] {{0, 1}, {2}, {3, 4}}, y, 4, 0.5, 2).loss(Progress.NONE);
        for (int f = 0; f < 4; f++) {
            assertThat(w[f]).isCloseTo(fresh[f], within(1e-9));
        }
    }

    @Test
    void theLossMatchesTheLinearModelsNoiseShare() {
        Random r = new Random(8);
        int n = 4000;
        double[][] x = new double[n][2];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            y[i][0] = x[i][0] + x[i][1] + 0.5 * r.nextGaussian();
        }
        RidgeCvSession s = new RidgeCvSession(Matrix.of(x), singletons(2), Matrix.of(y), 5, 1.0, 1);
        // var(y) = 2.25: the noise share is 0.25 / 2.25, and without x1 it is 1.25 / 2.25
        double with = IntStream.range(0, 5).mapToDouble(f -> s.loss(Progress.NONE)[f]).average().orElseThrow();
        double without = IntStream.range(0, 5).mapToDouble(f -> s.lossWithout(1, Progress.NONE)[f]).average().orElseThrow();
        assertThat(with).isCloseTo(0.25 / 2.25, within(0.01));
        assertThat(without).isCloseTo(1.25 / 2.25, within(0.02));
        assertThat(java.util.Arrays.stream(s.baselineLoss()).average().orElseThrow()).as(java.util.Arrays.toString(s.baselineLoss())).isCloseTo(1.0, within(0.01));
    }
}
