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
     * The correlation matrix of the columns of all parts side by side (without concatenating them), in one pass
     * over the data: the rows, shifted by the first row, go to native memory while their column sums are taken
     * (two fixed row halves in parallel); one {@code dsyrk} gives S = Σ (x − x₀)(x − x₀)ᵀ (also two halves in
     * parallel when large), and the covariance is (S − n δδᵀ) / (n − 1) with δ = mean − x₀. The shift by a
     * sample keeps the cancellation in that difference to about (δ/σ)² units in the last place, and a constant
     * column becomes exact zeros. The halves are fixed by n, so the same input gives the same bits.
     */
    static Correlations of(Matrix... parts) {
        int n = parts[0].rows();
        int d = 0;
        for (Matrix p : parts) {
            d += p.cols();
        }
        double[] first = new double[d];
        int offset = 0;
        for (Matrix p : parts) {
            System.arraycopy(p.data(), 0, first, offset, p.cols());
            offset += p.cols();
        }
        int half = n / 2;
        double[] c;
        double[] mean = new double[d];
        double[] delta = new double[d];
        double[] scale = new double[d];
        try (DoublePointer shifted = new DoublePointer((long) n * d)) {
            NativeLinearAlgebra.Pair<double[][], double[][]> halves = NativeLinearAlgebra.inParallel(
                    () -> shift(parts, first, 0, half, shifted.asBuffer()), () -> shift(parts, first, half, n, shifted.asBuffer()));
            for (int j = 0; j < d; j++) {
                delta[j] = (halves.first()[0][j] + halves.second()[0][j]) / n;
                mean[j] = first[j] + delta[j];
                scale[j] = Math.max(halves.first()[1][j], halves.second()[1][j]);
            }
            c = NativeLinearAlgebra.crossProduct(shifted, n, d, 1.0);
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            double s = Math.sqrt(Math.max(0, (c[j * d + j] - n * delta[j] * delta[j]) / (n - 1)));
            std[j] = s > 1e-12 * Math.max(scale[j], Double.MIN_NORMAL) ? s : 0;
        }
        for (int i = 0; i < d; i++) {
            double si = std[i];
            for (int j = 0; j < d; j++) {
                double sj = std[j];
                c[i * d + j] = si > 0 && sj > 0 ? (c[i * d + j] - n * delta[i] * delta[j]) / ((n - 1) * si * sj) : 0;
            }
            c[i * d + i] = 1.0;
        }
        return new Correlations(mean, std, c, d);
    }

    /**
     * Writes the rows [from, to), less the first row, to {@code out}; returns the columns' sums of those shifted
     * values and the largest magnitudes of the raw values.
     */
    private static double[][] shift(Matrix[] parts, double[] first, int from, int to, DoubleBuffer out) {
        int d = first.length;
        double[] sums = new double[d];
        double[] scale = new double[d];
        double[] row = new double[d];
        for (int i = from; i < to; i++) {
            int offset = 0;
            for (Matrix p : parts) {
                double[] src = p.data();
                int w = p.cols();
                for (int j = 0, b = i * w; j < w; j++) {
                    double v = src[b + j] - first[offset + j];
                    row[offset + j] = v;
                    sums[offset + j] += v;
                    scale[offset + j] = Math.max(scale[offset + j], Math.abs(src[b + j]));
                }
                offset += w;
            }
            out.put(i * d, row);
        }
        return new double[][] {sums, scale};
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
        for (int i = 0; i < n; i++) {
            int b = i * d;
            for (int j = 0; j < d; j++) {
                double v = src[b + j] - mean[j];
                std[j] += v * v;
                scale[j] = Math.max(scale[j], Math.abs(src[b + j]));
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
}
