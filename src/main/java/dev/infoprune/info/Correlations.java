package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import org.bytedeco.javacpp.DoublePointer;

import java.nio.DoubleBuffer;

/**
 * Sample covariance and correlation matrices. A constant column gets correlation 0 with everything and 1 with
 * itself, so it behaves as an independent variable carrying no information (a dead node) instead of making
 * the matrix singular.
 */
final class Correlations {
    /** Column means and standard deviations (0 for constant columns). */
    final double[] mean;
    final double[] std;
    /** The d × d correlation matrix, row-major. */
    final double[] correlation;
    final int d;

    private Correlations(double[] mean, double[] std, double[] correlation, int d) {
        this.mean = mean;
        this.std = std;
        this.correlation = correlation;
        this.d = d;
    }

    /**
     * One pass for the means, one that writes the centred rows to native memory (and sums the squares for the
     * standard deviations), one {@code dsyrk} for the covariance (two halves in parallel when large), and the
     * scaling to correlations on the d × d result.
     */
    static Correlations of(Matrix m) {
        int n = m.rows();
        int d = m.cols();
        double[] mean = new double[d];
        double[] std = new double[d];
        double[] c;
        try (DoublePointer centred = new DoublePointer((long) n * d)) {
            moments(m, mean, std, centred.asBuffer());
            c = NativeLinearAlgebra.crossProduct(centred, n, d, 1.0 / (n - 1));
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                c[i * d + j] = std[i] > 0 && std[j] > 0 ? c[i * d + j] / (std[i] * std[j]) : 0;
            }
            c[i * d + i] = 1.0;
        }
        return new Correlations(mean, std, c, d);
    }

    /** Columns centred and scaled to unit variance; constant columns become all zeros. */
    static double[] standardized(Matrix m) {
        int n = m.rows();
        int d = m.cols();
        double[] mean = new double[d];
        double[] std = new double[d];
        moments(m, mean, std);
        double[] src = m.data();
        double[] z = new double[n * d];
        double[] inv = new double[d];
        for (int j = 0; j < d; j++) {
            inv[j] = std[j] > 0 ? 1 / std[j] : 0;
        }
        for (int i = 0; i < n; i++) {
            int b = i * d;
            for (int j = 0; j < d; j++) {
                z[b + j] = (src[b + j] - mean[j]) * inv[j];
            }
        }
        return z;
    }

    /** Column means and sample standard deviations (n-1); a column whose spread is at rounding level counts as constant. */
    static void moments(Matrix m, double[] mean, double[] std) {
        moments(m, mean, std, null);
    }

    /** As {@link #moments(Matrix, double[], double[])}, writing the centred rows to {@code centred} when given. */
    private static void moments(Matrix m, double[] mean, double[] std, DoubleBuffer centred) {
        int n = m.rows();
        int d = m.cols();
        double[] src = m.data();
        for (int i = 0; i < n; i++) {
            int b = i * d;
            for (int j = 0; j < d; j++) {
                mean[j] += src[b + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] scale = new double[d];
        double[] row = new double[d];
        for (int i = 0; i < n; i++) {
            int b = i * d;
            for (int j = 0; j < d; j++) {
                double v = src[b + j] - mean[j];
                row[j] = v;
                std[j] += v * v;
                scale[j] = Math.max(scale[j], Math.abs(src[b + j]));
            }
            if (centred != null) {
                centred.put(row);
            }
        }
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(std[j] / (n - 1));
            std[j] = s > 1e-12 * Math.max(scale[j], Double.MIN_NORMAL) ? s : 0;
        }
    }

    /** The sub-matrix on the given variable indices. */
    double[] block(int[] idx) {
        int k = idx.length;
        double[] out = new double[k * k];
        for (int a = 0; a < k; a++) {
            int r = idx[a] * d;
            for (int b = 0; b < k; b++) {
                out[a * k + b] = correlation[r + idx[b]];
            }
        }
        return out;
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    static int[] concat(int[] a, int[] b) {
        int[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
