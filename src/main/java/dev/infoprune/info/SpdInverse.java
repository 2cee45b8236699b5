package dev.infoprune.info;

/**
 * The inverse of a symmetric positive definite matrix by a Cholesky factorisation in Java. The loss-based
 * sessions use it instead of LAPACK's {@code dpotrf}/{@code dpotri}: the OpenBLAS 0.3.19 build on the classpath
 * picks its SkylakeX kernels on Sapphire Rapids processors, where {@code dpotrf} reports well-conditioned matrices
 * as not positive definite (seen on the development machine; with OPENBLAS_CORETYPE=Haswell it factorises them).
 * Their matrices are small (a layer's width), so O(d³) in Java costs milliseconds.
 */
final class SpdInverse {
    private SpdInverse() {
    }

    /** The inverse of the d × d row-major matrix {@code a}, or null when it is not positive definite. */
    static double[] of(double[] a, int d) {
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
        // L⁻¹ by forward substitution, then A⁻¹ = L⁻ᵀ L⁻¹
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
}
