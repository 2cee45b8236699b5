package dev.infoprune.info;

/**
 * The inverse and log-determinant of a symmetric positive definite matrix by a Cholesky factorisation in Java.
 * The sessions use it instead of LAPACK's {@code dpotrf}/{@code dpotri}: the OpenBLAS 0.3.19 build on the classpath
 * picks its SkylakeX kernels on Sapphire Rapids processors, where {@code dpotrf} reports well-conditioned matrices
 * as not positive definite (seen on the development machine; with OPENBLAS_CORETYPE=Haswell it factorises them).
 * Their matrices are small (a layer's width), so O(d³) in Java costs milliseconds.
 */
final class SpdInverse {
    private SpdInverse() {
    }

    /** The inverse of the d × d row-major matrix {@code a}, or null when it is not positive definite. */
    static double[] of(double[] a, int d) {
        double[] l = factor(a, d);
        return l == null ? null : inverseOfFactor(l, d);
    }

    /** The lower Cholesky factor L of {@code a} = L Lᵀ (row-major), or null when it is not positive definite. */
    static double[] factor(double[] a, int d) {
        double[] l = new double[d * d];
        for (int j = 0; j < d; j++) {
            double s = a[j * d + j];
            for (int k = 0; k < j; k++) {
                s -= l[j * d + k] * l[j * d + k];
            }
            if (!(s > 0)) {
                return null;
            }
            double ljj = Math.sqrt(s);
            l[j * d + j] = ljj;
            for (int i = j + 1; i < d; i++) {
                double t = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    t -= l[i * d + k] * l[j * d + k];
                }
                l[i * d + j] = t / ljj;
            }
        }
        return l;
    }

    /** (L Lᵀ)⁻¹ = L⁻ᵀ L⁻¹, with L⁻¹ by forward substitution. */
    static double[] inverseOfFactor(double[] l, int d) {
        double[] li = new double[d * d];
        for (int j = 0; j < d; j++) {
            li[j * d + j] = 1 / l[j * d + j];
            for (int i = j + 1; i < d; i++) {
                double t = 0;
                for (int k = j; k < i; k++) {
                    t -= l[i * d + k] * li[k * d + j];
                }
                li[i * d + j] = t / l[i * d + i];
            }
        }
        double[] inv = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double t = 0;
                for (int k = i; k < d; k++) {
                    t += li[k * d + i] * li[k * d + j];
                }
                inv[i * d + j] = t;
                inv[j * d + i] = t;
            }
        }
        return inv;
    }

    /** log det (L Lᵀ) = 2 Σ log L_ii. */
    static double logDetOfFactor(double[] l, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += Math.log(l[i * d + i]);
        }
        return 2 * s;
    }

    /** Columns {@code g} of the d × d matrix {@code a}, as a d × p matrix. */
    static double[] columns(double[] a, int d, int[] g) {
        int p = g.length;
        double[] u = new double[d * p];
        for (int c = 0; c < d; c++) {
            for (int q = 0; q < p; q++) {
                u[c * p + q] = a[c * d + g[q]];
            }
        }
        return u;
    }

    /** The inverse of the g × g block of {@code a}, or null when it is not positive definite. */
    static double[] blockInverse(double[] a, int d, int[] g) {
        int p = g.length;
        double[] block = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                block[i * p + j] = a[g[i] * d + g[j]];
            }
        }
        return p == 1 ? (block[0] > 0 ? new double[] {1 / block[0]} : null) : of(block, p);
    }

    /**
     * Takes group g out of the inverse P of a matrix: P ← P − U K Uᵀ with U = P[:, g] ({@link #columns}) and
     * K = P[g, g]⁻¹ ({@link #blockInverse}), the Schur complement, which is the inverse of the matrix without g;
     * g's rows and columns are then set to 0.
     */
    static void removeGroup(double[] inv, int d, int[] g, double[] u, double[] k) {
        int p = g.length;
        double[] uk = new double[d * p];
        for (int c = 0; c < d; c++) {
            for (int b = 0; b < p; b++) {
                double s = 0;
                for (int a = 0; a < p; a++) {
                    s += u[c * p + a] * k[a * p + b];
                }
                uk[c * p + b] = s;
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int q = 0; q < p; q++) {
                    s += uk[i * p + q] * u[j * p + q];
                }
                inv[i * d + j] -= s;
            }
        }
        zeroGroup(inv, d, g);
    }

    /** Sets group g's rows and columns of the d × d matrix to 0. */
    static void zeroGroup(double[] a, int d, int[] g) {
        for (int c : g) {
            for (int j = 0; j < d; j++) {
                a[c * d + j] = 0;
                a[j * d + c] = 0;
            }
        }
    }
}
