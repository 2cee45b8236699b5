package dev.infoprune.info;

import org.bytedeco.openblas.global.openblas;

/** Row-major single-precision products on Java arrays through OpenBLAS: C = op(A)·op(B) (+ C when {@code add}). */
final class Sgemm {
    private Sgemm() {
    }

    /** C (m×n) = A (m×k) · B (k×n). */
    static void ab(int m, int n, int k, float[] a, float[] b, float[] c) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, m, n, k,
                1f, a, k, b, n, 0f, c, n);
    }

    /** C (m×n) = Aᵀ · B with A stored k×m and B stored k×n. */
    static void atb(int m, int n, int k, float[] a, float[] b, float[] c) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans, m, n, k,
                1f, a, m, b, n, 0f, c, n);
    }

    /** C (m×n) = A · Bᵀ with A stored m×k and B stored n×k. */
    static void abt(int m, int n, int k, float[] a, float[] b, float[] c) {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasTrans, m, n, k,
                1f, a, k, b, k, 0f, c, n);
    }
}
