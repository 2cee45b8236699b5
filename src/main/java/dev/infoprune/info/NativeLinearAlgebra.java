package dev.infoprune.info;

import org.bytedeco.openblas.global.openblas;

/**
 * The few dense kernels the estimators need, on OpenBLAS/LAPACK (the library ND4J itself runs on) called
 * directly on Java arrays: this avoids INDArray allocation and copies for matrices of a few hundred columns.
 * All matrices are row-major.
 */
final class NativeLinearAlgebra {
    private static final byte UPPER = (byte) 'U';
    private static final byte NO_VECTORS = (byte) 'N';

    private NativeLinearAlgebra() {
    }

    /** C = scale · Aᵀ A for A (n × d), the full symmetric d × d result. */
    static double[] crossProduct(double[] a, int n, int d, double scale) {
        double[] c = new double[d * d];
        openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasTrans, d, n, scale, a, d, 0.0, c, d);
        mirrorUpper(c, d);
        return c;
    }

    /** G = A Aᵀ for A (n × d), the full symmetric n × n result. */
    static double[] gram(double[] a, int n, int d) {
        double[] g = new double[n * n];
        openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasNoTrans, n, d, 1.0, a, d, 0.0, g, n);
        mirrorUpper(g, n);
        return g;
    }

    /** C = Aᵀ B for A (n × p), B (n × q): the p × q result. */
    static double[] crossProduct(double[] a, int p, double[] b, int q, int n) {
        double[] c = new double[p * q];
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans, p, q, n, 1.0, a, p, b, q, 0.0, c, q);
        return c;
    }

    private static void mirrorUpper(double[] c, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                c[j * d + i] = c[i * d + j];
            }
        }
    }

    /** log det of a symmetric positive definite matrix by Cholesky, or NaN when it is not positive definite. */
    static double logDeterminant(double[] spd, int d) {
        if (d == 0) {
            return 0;
        }
        double[] a = spd.clone();
        int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_ROW_MAJOR, UPPER, d, a, d);
        if (info != 0) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += Math.log(a[i * d + i]);
        }
        return 2 * s;
    }

    /** The inverse of a symmetric positive definite matrix, or null when it is not positive definite. */
    static double[] inverse(double[] spd, int d) {
        double[] a = spd.clone();
        if (openblas.LAPACKE_dpotrf(openblas.LAPACK_ROW_MAJOR, UPPER, d, a, d) != 0
                || openblas.LAPACKE_dpotri(openblas.LAPACK_ROW_MAJOR, UPPER, d, a, d) != 0) {
            return null;
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                a[i * d + j] = a[j * d + i];
            }
        }
        return a;
    }

    /** Eigenvalues (ascending) of a symmetric matrix, LAPACK dsyevd without eigenvectors. */
    static double[] eigenvalues(double[] symmetric, int n) {
        double[] a = symmetric.clone();
        double[] w = new double[n];
        int info = openblas.LAPACKE_dsyevd(openblas.LAPACK_ROW_MAJOR, NO_VECTORS, UPPER, n, a, n, w);
        if (info != 0) {
            throw new ArithmeticException("LAPACK dsyevd failed to converge (info " + info + ")");
        }
        return w;
    }

    /** Eigenvalues in single precision (LAPACK ssyevd), about twice as fast as double for Gram matrices. */
    static float[] eigenvalues(float[] symmetric, int n) {
        float[] a = symmetric.clone();
        float[] w = new float[n];
        int info = openblas.LAPACKE_ssyevd(openblas.LAPACK_ROW_MAJOR, NO_VECTORS, UPPER, n, a, n, w);
        if (info != 0) {
            throw new ArithmeticException("LAPACK ssyevd failed to converge (info " + info + ")");
        }
        return w;
    }
}
