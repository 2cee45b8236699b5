package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The BLAS/LAPACK kernels behind the estimators against plain-Java reference computations. */
class NativeKernelsTest {
    private static double[] random(long seed, int n) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    private static double[] naiveCrossProduct(double[] a, int n, int d, double scale) {
        double[] c = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += a[k * d + i] * a[k * d + j];
                }
                c[i * d + j] = scale * s;
            }
        }
        return c;
    }

    @Test
    void crossProductMatchesNaiveWholeAndInTwoHalves() {
        // 300 × 20 stays one dsyrk; 2000 × 50 (5 M multiply-adds) is split into two row halves on two threads
        for (int[] size : new int[][] {{300, 20}, {2001, 50}}) {
            int n = size[0];
            int d = size[1];
            double[] a = random(n + d, n * d);
            double[] c = NativeLinearAlgebra.crossProduct(a, n, d, 0.5);
            double[] ref = naiveCrossProduct(a, n, d, 0.5);
            for (int i = 0; i < c.length; i++) {
                assertThat(c[i]).as("%d x %d at %d", n, d, i).isCloseTo(ref[i], within(1e-11 * n));
            }
        }
    }

    @Test
    void singlePrecisionProductsOverRowRangesMatchNaive() {
        int n = 90;
        int p = 7;
        int w = 12;
        double[] a = random(31, n * w);
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        int from = 30;
        int rows = 45;
        double[] rowsOnly = Arrays.copyOfRange(a, from * w, (from + rows) * w);
        double[] ref = naiveCrossProduct(rowsOnly, rows, w, 1.0);
        try (FloatPointer native_ = new FloatPointer(f); FloatPointer upper = NativeLinearAlgebra.crossProductUpper(native_, from, rows, w)) {
            float[] ab = NativeLinearAlgebra.crossProduct(native_, from, rows, p, w);
            for (int i = 0; i < w; i++) {
                for (int j = i; j < w; j++) {
                    assertThat((double) upper.get((long) i * w + j)).as("upper %d %d", i, j).isCloseTo(ref[i * w + j], within(1e-4));
                }
                for (int j = 0; j < w; j++) {
                    if (i < p && j >= p) {
                        assertThat((double) ab[i * (w - p) + j - p]).as("AᵀB %d %d", i, j).isCloseTo(ref[i * w + j], within(1e-4));
                    }
                }
            }
        }
    }

    @Test
    void correlationsOfSeveralPartsMatchNaivePearsonWithDeadColumns() {
        int n = 1500;
        Random r = new Random(7);
        double[] x = new double[n * 3];
        double[] y = new double[n * 2];
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            x[i * 3] = 1000 + g;                        // large mean, unit spread
            x[i * 3 + 1] = 4.0;                         // dead column
            x[i * 3 + 2] = Math.max(0, r.nextGaussian());
            y[i * 2] = 0.8 * g + 0.2 * r.nextGaussian();
            y[i * 2 + 1] = r.nextGaussian();
        }
        Matrix mx = Matrix.wrap(n, 3, x);
        Matrix my = Matrix.wrap(n, 2, y);
        Correlations c = Correlations.of(mx, my);
        Matrix joint = mx.appendColumns(my);
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                double expected = i == j ? 1 : (i == 1 || j == 1 ? 0 : PlainStatistics.pearson(joint.columnValues(i), joint.columnValues(j)));
                assertThat(c.correlation[i * 5 + j]).as("r[%d][%d]", i, j).isCloseTo(expected, within(1e-12));
            }
        }
        assertThat(c.std[1]).isZero();
        assertThat(c.mean[0]).isCloseTo(Arrays.stream(joint.columnValues(0)).average().orElseThrow(), within(1e-9));
    }

    /** Cyclic Jacobi rotations: slow and simple, an independent way to the eigenvalues of a symmetric matrix. */
    private static double[] jacobiEigenvalues(double[] symmetric, int n) {
        double[] a = symmetric.clone();
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p * n + q] * a[p * n + q];
                }
            }
            if (off < 1e-26) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p * n + q];
                    if (Math.abs(apq) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    double t = Math.signum(theta == 0 ? 1 : theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k * n + p];
                        double akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p * n + k];
                        double aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                }
            }
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = a[i * n + i];
        }
        Arrays.sort(w);
        return w;
    }

    @Test
    void tridiagonalEigenvaluesMatchJacobiAndReadOnlyTheUpperTriangle() {
        int n = 40;
        double[] g = random(11, n * n);
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i * n + j] = g[i * n + j] + g[j * n + i];
            }
        }
        double[] expected = jacobiEigenvalues(s, n);
        double[] upperOnly = s.clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                upperOnly[i * n + j] = Double.NaN;
            }
        }
        double[] w = NativeLinearAlgebra.eigenvalues(upperOnly, n);
        float[] f = new float[n * n];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) upperOnly[i];
        }
        double[] single;
        try (FloatPointer p = new FloatPointer(f)) {
            single = NativeLinearAlgebra.eigenvalues(p, n);
        }
        for (int i = 0; i < n; i++) {
            assertThat(w[i]).isCloseTo(expected[i], within(1e-10));
            assertThat(single[i]).isCloseTo(expected[i], within(2e-4 * Math.abs(expected[n - 1])));
        }
    }

    @Test
    void logDeterminantWithRidgeMatchesPlainCholesky() {
        int n = 200;
        int d = 30;
        double[] a = random(12, n * d);
        double[] c = naiveCrossProduct(a, n, d, 1.0 / n);
        double ridge = 0.25;
        double[] l = c.clone();
        for (int i = 0; i < d; i++) {
            l[i * d + i] += ridge;
        }
        double expected = 0;
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < j; k++) {
                l[j * d + j] -= l[j * d + k] * l[j * d + k];
            }
            l[j * d + j] = Math.sqrt(l[j * d + j]);
            expected += 2 * Math.log(l[j * d + j]);
            for (int i = j + 1; i < d; i++) {
                for (int k = 0; k < j; k++) {
                    l[i * d + j] -= l[i * d + k] * l[j * d + k];
                }
                l[i * d + j] /= l[j * d + j];
            }
        }
        assertThat(NativeLinearAlgebra.logDeterminant(c, d, ridge)).isCloseTo(expected, within(1e-10));
        assertThat(c[0]).as("the input is left unchanged").isEqualTo(naiveCrossProduct(a, n, d, 1.0 / n)[0]);
        double[] singular = new double[] {1, 1, 1, 1};
        assertThat(NativeLinearAlgebra.logDeterminant(singular, 2, 0)).isNaN();
    }

    @Test
    void conditionalLogDetDropEqualsTheFourLogDeterminantsOfItsDefinition() {
        int n = 300;
        int d = 24;
        double[] c = naiveCrossProduct(random(21, n * d), n, d, 1.0 / n);
        double ridge = 1e-3;
        for (int[] rpq : new int[][] {{0, 1, 23}, {0, 5, 19}, {10, 1, 13}, {7, 4, 13}, {20, 3, 1}}) {
            int r = rpq[0];
            int p = rpq[1];
            int q = rpq[2];
            int[] z = Correlations.range(0, r);
            int[] a = Correlations.range(r, r + p);
            int[] b = Correlations.range(r + p, d);
            double expected = logDet(c, d, concat(z, b), ridge) - logDet(c, d, z, ridge)
                    + logDet(c, d, concat(z, a), ridge) - logDet(c, d, Correlations.range(0, d), ridge);
            assertThat(NativeLinearAlgebra.conditionalLogDetDrop(c, r, p, q, ridge)).as("r %d p %d q %d", r, p, q)
                    .isCloseTo(expected, within(1e-9)).isPositive();
        }
        double[] singular = {1, 1, 0, 1, 1, 0, 0, 0, 1};
        assertThat(NativeLinearAlgebra.conditionalLogDetDrop(singular, 1, 1, 1, 0)).isNaN();
        assertThat(NativeLinearAlgebra.conditionalLogDetDrop(c, 4, 0, 20, ridge)).isZero();
    }

    private static int[] concat(int[] a, int[] b) {
        return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).toArray();
    }

    private static double logDet(double[] c, int d, int[] idx, double ridge) {
        int k = idx.length;
        double[] block = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                block[i * k + j] = c[idx[i] * d + idx[j]];
            }
        }
        return NativeLinearAlgebra.logDeterminant(block, k, ridge);
    }

    @Test
    void correlationsStayExactWhenTheFirstRowIsAnOutlier() {
        int n = 2000;
        Random r = new Random(5);
        double[] x = new double[n * 2];
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            x[i * 2] = i == 0 ? 1e7 : g;
            x[i * 2 + 1] = i == 0 ? -1e7 : 0.5 * g + r.nextGaussian();
        }
        Matrix m = Matrix.wrap(n, 2, x);
        Correlations c = Correlations.of(m);
        assertThat(c.correlation[1]).isCloseTo(PlainStatistics.pearson(m.columnValues(0), m.columnValues(1)), within(1e-12));
        double mean = Arrays.stream(m.columnValues(0)).average().orElseThrow();
        double var = Arrays.stream(m.columnValues(0)).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        assertThat(c.std[0]).isCloseTo(Math.sqrt(var), within(1e-9 * Math.sqrt(var)));
    }

    @Test
    void gaussianKernelRowsMatchTheFormulaForNarrowAndWideVariables() {
        int n = 120;
        for (int d : new int[] {1, 5, 40}) {
            double[] z = random(20 + d, n * d);
            double sigma = 0.7 * Math.sqrt(d);
            GaussianKernels k = new GaussianKernels(n, new double[][] {z}, new int[] {d}, new double[] {sigma});
            double[] upper = k.upperTriangle(0);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double dist = 0;
                    for (int c = 0; c < d; c++) {
                        double t = z[i * d + c] - z[j * d + c];
                        dist += t * t;
                    }
                    double expected = j < i ? 0 : Math.exp(-dist / (2 * sigma * sigma));
                    assertThat(upper[i * n + j]).as("d=%d (%d,%d)", d, i, j).isCloseTo(expected, within(1e-12));
                }
            }
        }
    }

    @Test
    void theSameInputGivesTheSameBitsWhateverTheThreads() throws Exception {
        Matrix[] xy = GaussianData.linear(13, 600, 3, new double[][] {{0.5, 0.1}, {0.2, -0.4}, {0.0, 0.3}});
        Matrix wideA = GaussianData.normal(14, 3000, 40);
        Matrix wideB = GaussianData.normal(15, 3000, 30);
        Matrix wideC = GaussianData.normal(16, 3000, 20);
        RenyiEstimator renyi = new RenyiEstimator();
        RenyiEstimator renyi2 = new RenyiEstimator(2, RenyiEstimator.WidthRule.SILVERMAN, 0);
        HsicEstimator cka = new HsicEstimator();
        GaussianEstimator gaussian = new GaussianEstimator();
        java.util.function.Supplier<double[]> all = () -> new double[] {
                renyi.mutualInformation(xy[0], xy[1]).nats(),
                renyi2.conditionalMutualInformation(xy[0], xy[1], xy[0]).nats(),
                cka.mutualInformation(wideA, wideB).nats(),
                gaussian.conditionalMutualInformation(wideA, wideB, wideC).nats()};
        double[] first = all.get();
        // the same estimates from a one-thread pool and from four concurrent callers
        double[] single = new ForkJoinPool(1).submit(all::get).get();
        double[][] concurrent = IntStream.range(0, 4).parallel().mapToObj(i -> all.get()).toArray(double[][]::new);
        assertThat(single).isEqualTo(first);
        for (double[] c : concurrent) {
            assertThat(c).isEqualTo(first);
        }
    }
}
