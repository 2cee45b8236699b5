package dev.infoprune.info;

import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The Gaussian kernels K_ij = exp(−‖z_i − z_j‖² / 2σ²) of several variables observed on the same n samples,
 * produced one row of the upper triangle (j ≥ i) at a time, so that the matrix-Rényi entropies can be taken
 * without storing any n × n Gram matrix in Java: only the upper triangle is ever needed (LAPACK's tridiagonal
 * reduction, Frobenius norms, same-label blocks), which also halves the exponentials. Distances are summed
 * directly for variables of up to {@value #DIRECT_UP_TO} columns; wider ones go through one {@code dsyrk}
 * matrix of inner products. Every entry depends only on its two samples, so any row order gives the same bits.
 */
final class GaussianKernels {
    private static final int DIRECT_UP_TO = 32;
    /** Tasks per parallel pass: enough for the common pool to balance two (or a few more) cores. */
    private static final int TASKS = 16;

    private final int n;
    /** Each direct variable's samples, column after column; null for wide ones. */
    private final double[][] columns;
    private final int[] dims;
    private final double[] scales;
    private final double[][] innerProducts;

    /**
     * @param samples each variable's (standardised) samples, row-major n × dims[f]
     * @param sigmas  each variable's kernel width
     */
    GaussianKernels(int n, double[][] samples, int[] dims, double[] sigmas) {
        this.n = n;
        this.dims = dims;
        this.scales = new double[samples.length];
        this.columns = new double[samples.length][];
        this.innerProducts = new double[samples.length][];
        for (int f = 0; f < samples.length; f++) {
            scales[f] = -1 / (2 * sigmas[f] * sigmas[f]);
            if (dims[f] > DIRECT_UP_TO) {
                innerProducts[f] = NativeLinearAlgebra.gram(samples[f], n, dims[f]);
            } else {
                columns[f] = columnMajor(samples[f], n, dims[f]);
            }
        }
    }

    private static double[] columnMajor(double[] rowMajor, int n, int d) {
        double[] c = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                c[j * n + i] = rowMajor[i * d + j];
            }
        }
        return c;
    }

    int samples() {
        return n;
    }

    int count() {
        return dims.length;
    }

    /** Writes K_f(i, j) to {@code out[j]} for j = i..n−1 (K_f(i, i) = 1). */
    void row(int f, int i, double[] out) {
        double scale = scales[f];
        out[i] = 1.0;
        if (innerProducts[f] != null) {
            double[] g = innerProducts[f];
            double gii = g[i * n + i];
            for (int j = i + 1; j < n; j++) {
                out[j] = Math.max(0, gii + g[j * n + j] - 2 * g[i * n + j]);
            }
        } else {
            // columns are stored one after another (column-major), so these loops run along j and vectorise
            double[] z = columns[f];
            double zi = z[i];
            for (int j = i + 1; j < n; j++) {
                double t = zi - z[j];
                out[j] = t * t;
            }
            for (int c = 1, at = n; c < dims[f]; c++, at += n) {
                double zc = z[at + i];
                for (int j = i + 1; j < n; j++) {
                    double t = zc - z[at + j];
                    out[j] += t * t;
                }
            }
        }
        for (int j = i + 1; j < n; j++) {
            out[j] = Math.exp(scale * out[j]);
        }
    }

    /** Kernel f as the upper triangle of a row-major n × n array (lower triangle 0). */
    double[] upperTriangle(int f) {
        double[] k = new double[n * n];
        inParallel(n, () -> new double[n], (row, i) -> {
            row(f, i, row);
            System.arraycopy(row, i, k, i * n + i, n - i);
        });
        return k;
    }

    /** The work on one row, with a scratch object owned by the calling task. */
    interface RowTask<S> {
        void run(S scratch, int row);
    }

    /**
     * Runs {@code task} for every row 0..n−1 in parallel: a fixed number of tasks, each with its own scratch
     * (made by {@code scratch}), each taking rows i and n−1−i together so that the tasks over an upper triangle
     * carry equal work.
     */
    static <S> void inParallel(int n, Supplier<S> scratch, RowTask<S> task) {
        int pairs = (n + 1) / 2;
        int tasks = Math.min(TASKS, pairs);
        IntStream.range(0, tasks).parallel().forEach(k -> {
            S s = scratch.get();
            for (int t = (int) ((long) pairs * k / tasks), end = (int) ((long) pairs * (k + 1) / tasks); t < end; t++) {
                task.run(s, t);
                if (n - 1 - t != t) {
                    task.run(s, n - 1 - t);
                }
            }
        });
    }
}
