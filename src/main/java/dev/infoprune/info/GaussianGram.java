package dev.infoprune.info;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Gaussian kernel matrices K_ij = exp(−‖z_i − z_j‖² / 2σ²) of samples z (rows), stored as the upper triangle
 * (diagonal included) of a row-major n × n array whose lower triangle stays 0. Only that triangle is computed,
 * half the exponentials, and every consumer reads only it: LAPACK's tridiagonal reduction, Frobenius norms and
 * same-label blocks. Rows are computed in parallel; every entry depends only on its two samples, so the result
 * does not depend on scheduling.
 */
final class GaussianGram {
    /** Up to this many columns distances are summed directly; wider samples go through one {@code dsyrk} Gram matrix. */
    private static final int DIRECT_UP_TO = 32;

    private GaussianGram() {
    }

    /** The upper triangle of K for z (n × d, row-major) and width σ. */
    static double[] upper(double[] z, int n, int d, double sigma) {
        double scale = -1 / (2 * sigma * sigma);
        double[] k = new double[n * n];
        if (d == 1) {
            balancedRows(n, i -> {
                double zi = z[i];
                int row = i * n;
                k[row + i] = 1.0;
                for (int j = i + 1; j < n; j++) {
                    double t = zi - z[j];
                    k[row + j] = Math.exp(scale * t * t);
                }
            });
        } else if (d <= DIRECT_UP_TO) {
            balancedRows(n, i -> {
                int row = i * n;
                k[row + i] = 1.0;
                for (int j = i + 1; j < n; j++) {
                    double s = 0;
                    for (int c = 0, a = i * d, b = j * d; c < d; c++) {
                        double t = z[a + c] - z[b + c];
                        s += t * t;
                    }
                    k[row + j] = Math.exp(scale * s);
                }
            });
        } else {
            double[] g = NativeLinearAlgebra.gram(z, n, d);
            balancedRows(n, i -> {
                int row = i * n;
                k[row + i] = 1.0;
                double gii = g[row + i];
                for (int j = i + 1; j < n; j++) {
                    k[row + j] = Math.exp(scale * Math.max(0, gii + g[j * n + j] - 2 * g[row + j]));
                }
            });
        }
        return k;
    }

    /**
     * Runs {@code body} for every row 0..n−1 in parallel, row i together with row n−1−i, so that the tasks over
     * an upper triangle carry equal work.
     */
    static void balancedRows(int n, IntConsumer body) {
        IntStream.range(0, (n + 1) / 2).parallel().forEach(t -> {
            body.accept(t);
            if (n - 1 - t != t) {
                body.accept(n - 1 - t);
            }
        });
    }
}
