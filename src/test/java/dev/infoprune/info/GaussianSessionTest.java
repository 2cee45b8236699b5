package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import dev.infoprune.prune.mipp.Subsamples;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GaussianSessionTest {
    /** Correlated Gaussian units (a random mixing of latent factors) and a target mixing some of them plus noise. */
    static Matrix[] data(long seed, int n, int units, int targets) {
        Random r = new Random(seed);
        int latent = units + 3;
        double[][] mix = new double[units][latent];
        for (double[] row : mix) {
            for (int j = 0; j < latent; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] tmix = new double[targets][units];
        for (double[] row : tmix) {
            for (int j = 0; j < units; j++) {
                row[j] = r.nextDouble() < 0.4 ? r.nextGaussian() : 0;
            }
        }
        double[] x = new double[n * units];
        double[] t = new double[n * targets];
        for (int s = 0; s < n; s++) {
            double[] z = new double[latent];
            for (int j = 0; j < latent; j++) {
                z[j] = r.nextGaussian();
            }
            for (int u = 0; u < units; u++) {
                double v = 0;
                for (int j = 0; j < latent; j++) {
                    v += mix[u][j] * z[j];
                }
                x[s * units + u] = v;
            }
            for (int k = 0; k < targets; k++) {
                double v = 2 * r.nextGaussian();
                for (int u = 0; u < units; u++) {
                    v += tmix[k][u] * x[s * units + u];
                }
                t[s * targets + k] = v;
            }
        }
        return new Matrix[] {Matrix.wrap(n, units, x), Matrix.wrap(n, targets, t)};
    }

    @Test
    void incrementalInformationMatchesTheGenericEstimatorAfterEveryRemoval() {
        int n = 600;
        int units = 12;
        Matrix[] d = data(1, n, units, 3);
        int[][] rows = {Subsamples.rows(9, 0, 0, n, 0.8), Subsamples.rows(9, 0, 1, n, 0.8)};
        double ridge = 1e-8;
        GaussianSession session = new GaussianSession(d[0], d[1], rows, null, new GaussianParameters(ridge, false));
        GaussianEstimator direct = new GaussianEstimator(ridge);
        boolean[] active = new boolean[units];
        java.util.Arrays.fill(active, true);
        int[] removalOrder = {5, 0, 11, 3, 7, 1, 9, 2, 10, 4, 8};
        for (int unit : removalOrder) {
            double[] trialWith = session.information();
            double[] trialWithout = session.informationWithout(unit);
            int[] s = IntStream.range(0, units).filter(j -> active[j]).toArray();
            int[] rest = IntStream.range(0, units).filter(j -> active[j] && j != unit).toArray();
            for (int k = 0; k < rows.length; k++) {
                Matrix xs = d[0].selectRows(rows[k]);
                Matrix ts = d[1].selectRows(rows[k]);
                double with = direct.mutualInformation(xs.selectColumns(s), ts).nats();
                double without = direct.mutualInformation(xs.selectColumns(rest), ts).nats();
                assertThat(trialWith[k]).as("I(S;T), |S| = %d, repeat %d", s.length, k).isCloseTo(with, within(1e-6));
                assertThat(trialWithout[k]).as("I(S-i;T), |S| = %d, repeat %d", s.length, k).isCloseTo(without, within(1e-6));
            }
            session.remove(unit);
            active[unit] = false;
        }
    }

    @Test
    void unitInformationMatchesTheGenericEstimator() {
        Matrix[] d = data(2, 500, 8, 4);
        GaussianSession session = new GaussianSession(d[0], d[1],
                new int[][] {Subsamples.rows(1, 0, 0, 500, 0.8), Subsamples.rows(1, 0, 1, 500, 0.8)}, null, new GaussianParameters(1e-8, false));
        double[] fast = session.relevance();
        GaussianEstimator direct = new GaussianEstimator(1e-8);
        for (int u = 0; u < 8; u++) {
            assertThat(fast[u]).isCloseTo(direct.mutualInformation(d[0].selectColumns(new int[] {u}), d[1]).nats(), within(1e-6));
        }
    }

    /** Independent standard normal units and targets. */
    static Matrix[] independent(long seed, int n, int units, int targets) {
        Random r = new Random(seed);
        double[] x = new double[n * units];
        double[] t = new double[n * targets];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        for (int i = 0; i < t.length; i++) {
            t[i] = r.nextGaussian();
        }
        return new Matrix[] {Matrix.wrap(n, units, x), Matrix.wrap(n, targets, t)};
    }

    @Test
    void biasCorrectionCentresTheInformationOfIndependentVariablesOnZero() {
        int n = 200;
        int units = 15;
        int targets = 4;
        double corrected = 0;
        double raw = 0;
        int trials = 60;
        for (int seed = 0; seed < trials; seed++) {
            Matrix[] d = independent(seed, n, units, targets);
            int[][] rows = {IntStream.range(0, n).toArray(), IntStream.range(0, n).toArray()};
            Matrix xm = d[0];
            Matrix tm = d[1];
            corrected += new GaussianSession(xm, tm, rows, null, new GaussianParameters(1e-9, true)).information()[0] / trials;
            raw += new GaussianSession(xm, tm, rows, null, new GaussianParameters(1e-9, false)).information()[0] / trials;
        }
        // E[Î] under independence is about k·t/(2n) = 0.15 nats here; corrected, the mean is near 0
        assertThat(raw).isGreaterThan(0.12);
        assertThat(corrected).isCloseTo(0, within(0.02));
    }

    @Test
    void aDuplicateOrADeadUnitAddsExactlyNothing() {
        Matrix[] d = data(3, 400, 6, 2);
        double[] x = new double[400 * 8];
        for (int s = 0; s < 400; s++) {
            for (int u = 0; u < 6; u++) {
                x[s * 8 + u] = d[0].get(s, u);
            }
            x[s * 8 + 6] = d[0].get(s, 2); // duplicate of unit 2
            x[s * 8 + 7] = 0;              // dead
        }
        Matrix layer = Matrix.wrap(400, 8, x);
        int[][] rows = {Subsamples.rows(1, 0, 0, 400, 0.8), Subsamples.rows(1, 0, 1, 400, 0.8)};
        GaussianSession session = new GaussianSession(layer, d[1], rows, null, new GaussianParameters(1e-3, false));
        for (int unit : new int[] {7, 6, 2}) {
            assertThat(session.information()[0] - session.informationWithout(unit)[0]).as("unit %d", unit).isEqualTo(0.0);
        }
        session.remove(6);
        assertThat(session.information()[0] - session.informationWithout(2)[0]).isGreaterThan(0.01);
    }
}
