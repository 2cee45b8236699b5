package dev.infoprune.info;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;

import java.util.function.Supplier;

/**
 * The few dense kernels the estimators need, on OpenBLAS/LAPACK (the library ND4J itself runs on) called
 * directly. All matrices are row-major.
 *
 * <p>Threads: OpenBLAS is set to one thread when this class loads, and the callers parallelise across
 * independent products instead (two halves of a large cross product, the entropies of one mutual information)
 * on {@link PartnerThread}. With OpenBLAS's own pool, calls from several Java threads at once oversubscribe
 * the two cores, and its idle workers keep spinning for a while after every call and take a core from the
 * Java-parallel loops around it. ND4J would set its own thread count when its backend starts; nothing in
 * InfoPrune starts it.
 *
 * <p>Large operands live in native memory ({@link DoublePointer}, {@link FloatPointer}): JavaCPP copies a Java
 * array argument in and back out on every call (2.7 ms for a 12 MB array on the development machine).
 */
final class NativeLinearAlgebra {
    private static final byte UPPER = (byte) 'U';
    private static final byte LOWER = (byte) 'L';
    /** Below this many multiply-adds a cross product is not worth splitting over two threads. */
    private static final double SPLIT_FROM = 4e6;

    static {
        openblas.blas_set_num_threads(1);
    }

    private NativeLinearAlgebra() {
    }

    /** Runs both, the first on {@link PartnerThread}; each returns its own result, so the outcome does not depend on scheduling. */
    static <A, B> Pair<A, B> inParallel(Supplier<A> first, Supplier<B> second) {
        return PartnerThread.inParallel(first, second);
    }

    record Pair<A, B>(A first, B second) {
    }

    /** A native copy of a Java array (the caller closes it). */
    static DoublePointer toNative(double[] a) {
        return new DoublePointer(a);
    }

    /**
     * C = scale · Aᵀ A for A (n × d) in native memory, the full symmetric d × d result. Large products are
     * computed as the sum of the two row halves' products, each on its own thread; the split is fixed by n,
     * so the same input always gives the same bits.
     */
    static double[] crossProduct(DoublePointer a, int n, int d, double scale) {
        if ((double) n * d * d < SPLIT_FROM || n < 4) {
            return mirrored(syrk(a, 0, n, d, scale), d);
        }
        int half = n / 2;
        Pair<double[], double[]> parts = inParallel(() -> syrk(a, 0, half, d, scale), () -> syrk(a, half, n - half, d, scale));
        double[] c = parts.first();
        double[] second = parts.second();
        for (int i = 0; i < c.length; i++) {
            c[i] += second[i];
        }
        return mirrored(c, d);
    }

    /** C = scale · Aᵀ A for A (n × d) in a Java array, the full symmetric d × d result. */
    static double[] crossProduct(double[] a, int n, int d, double scale) {
        try (DoublePointer p = toNative(a)) {
            return crossProduct(p, n, d, scale);
        }
    }

    /** The upper triangle of scale · Aᵀ A over rows [from, from + rows) of A. */
    private static double[] syrk(DoublePointer a, int from, int rows, int d, double scale) {
        // a view of the rows (never closed: closing a view would free the memory it views)
        DoublePointer part = new DoublePointer(a).position(a.position() + (long) from * d);
        try (DoublePointer c = new DoublePointer((long) d * d)) {
            openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasTrans, d, rows, scale, part, d, 0.0, c, d);
            double[] out = new double[d * d];
            c.get(out);
            return out;
        }
    }

    /**
     * The upper triangle of Aᵀ A over rows [from, from + rows) of A (n × w) in native memory, single precision,
     * as a new w × w native matrix whose lower triangle is left undefined (the caller closes it).
     */
    static FloatPointer crossProductUpper(FloatPointer a, int from, int rows, int w) {
        // a view of the rows (never closed: closing a view would free the memory it views)
        FloatPointer part = new FloatPointer(a).position(a.position() + (long) from * w);
        FloatPointer c = new FloatPointer((long) w * w);
        openblas.cblas_ssyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasTrans, w, rows, 1f, part, w, 0f, c, w);
        return c;
    }

    /**
     * Aᵀ B over rows [from, from + rows) of a native single-precision matrix of row width w whose columns
     * [0, p) are A and [p, w) are B: the p × (w − p) result.
     */
    static float[] crossProduct(FloatPointer ab, int from, int rows, int p, int w) {
        int q = w - p;
        FloatPointer a = new FloatPointer(ab).position(ab.position() + (long) from * w);
        FloatPointer b = new FloatPointer(ab).position(ab.position() + (long) from * w + p);
        try (FloatPointer c = new FloatPointer((long) p * q)) {
            openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans, p, q, rows, 1f, a, w, b, w, 0f, c, q);
            float[] out = new float[p * q];
            c.get(out);
            return out;
        }
    }

    /** G = A Aᵀ for A (n × d), the full symmetric n × n result. */
    static double[] gram(double[] a, int n, int d) {
        try (DoublePointer pa = toNative(a); DoublePointer g = new DoublePointer((long) n * n)) {
            openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasNoTrans, n, d, 1.0, pa, d, 0.0, g, n);
            double[] out = new double[n * n];
            g.get(out);
            return mirrored(out, n);
        }
    }

    /** C = Aᵀ B for A (n × p), B (n × q): the p × q result. */
    static double[] crossProduct(double[] a, int p, double[] b, int q, int n) {
        try (DoublePointer pa = toNative(a); DoublePointer pb = toNative(b); DoublePointer c = new DoublePointer((long) p * q)) {
            openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasTrans, openblas.CblasNoTrans, p, q, n, 1.0, pa, p, pb, q, 0.0, c, q);
            double[] out = new double[p * q];
            c.get(out);
            return out;
        }
    }

    private static double[] mirrored(double[] c, int d) {
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                c[j * d + i] = c[i * d + j];
            }
        }
        return c;
    }

    /**
     * log det (S + ridge · I) of a symmetric positive definite matrix by Cholesky (only the upper triangle of S
     * is read), or NaN when it is not positive definite.
     */
    static double logDeterminant(double[] spd, int d, double ridge) {
        if (d == 0) {
            return 0;
        }
        try (DoublePointer a = toNative(spd)) {
            return cholesky(a, d, ridge) ? logDetOfFactor(a, d) : Double.NaN;
        }
    }

    /**
     * Factors A + ridge · I = L Lᵀ in place for A (d × d) given by its row-major upper triangle, which is the
     * column-major lower one (no transposition inside LAPACKE); L(i, j) is then at i + j·d. False when A + ridge · I
     * is not positive definite.
     */
    private static boolean cholesky(DoublePointer a, int d, double ridge) {
        for (int i = 0; i < d; i++) {
            long at = (long) i * d + i;
            a.put(at, a.get(at) + ridge);
        }
        return openblas.LAPACKE_dpotrf(openblas.LAPACK_COL_MAJOR, LOWER, d, a, d) == 0;
    }

    /** log det (L Lᵀ) = 2 Σ log L_ii of a Cholesky factor. */
    private static double logDetOfFactor(DoublePointer l, int d) {
        double s = 0;
        for (int i = 0; i < d; i++) {
            s += Math.log(l.get((long) i * d + i));
        }
        return 2 * s;
    }

    /**
     * For a symmetric positive definite matrix ordered [Z A B] (r, p and q variables; only the upper triangle is
     * read) plus ridge · I: log det Σ_{B|Z} − log det Σ_{B|ZA}, the log-determinant drop of B's conditional
     * covariance when A is added to the condition, or NaN when the matrix is not positive definite. One Cholesky
     * factor L of the whole matrix holds it: Σ_{B|Z} = L_BA L_BAᵀ + L_BB L_BBᵀ and Σ_{B|ZA} = L_BB L_BBᵀ, so
     * the drop is log det (I_p + WᵀW) with W = L_BB⁻¹ L_BA (one triangular solve), always ≥ 0 and without the
     * cancellation between four large log-determinants.
     */
    static double conditionalLogDetDrop(double[] spd, int r, int p, int q, double ridge) {
        if (p == 0 || q == 0) {
            return 0;
        }
        int d = r + p + q;
        try (DoublePointer a = toNative(spd)) {
            if (!cholesky(a, d, ridge)) {
                return Double.NaN;
            }
            long bb = (long) (r + p) * d + r + p;
            long ba = (long) r * d + r + p;
            DoublePointer lbb = new DoublePointer(a).position(bb);
            DoublePointer w = new DoublePointer(a).position(ba);
            openblas.cblas_dtrsm(openblas.CblasColMajor, openblas.CblasLeft, openblas.CblasLower, openblas.CblasNoTrans,
                    openblas.CblasNonUnit, q, p, 1.0, lbb, d, w, d);
            if (p == 1) {
                double s = 0;
                for (int i = 0; i < q; i++) {
                    double v = a.get(ba + i);
                    s += v * v;
                }
                return Math.log1p(s);
            }
            try (DoublePointer m = new DoublePointer((long) p * p)) {
                m.zero();
                openblas.cblas_dsyrk(openblas.CblasColMajor, openblas.CblasLower, openblas.CblasTrans, p, q, 1.0, w, d, 0.0, m, p);
                if (!cholesky(m, p, 1.0)) {
                    throw new ArithmeticException("I + WᵀW did not factorise (non-finite input?)");
                }
                return logDetOfFactor(m, p);
            }
        }
    }

    /** log det of a symmetric positive definite matrix by Cholesky, or NaN when it is not positive definite. */
    static double logDeterminant(double[] spd, int d) {
        return logDeterminant(spd, d, 0);
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

    /**
     * Eigenvalues (ascending) of a symmetric n × n matrix given by its row-major upper triangle in native
     * memory, which is overwritten: Householder reduction to tridiagonal form (blocked {@code dsytrd}) and the
     * root-free QR iteration {@code dsterf}, the cheapest LAPACK route to eigenvalues without vectors.
     * ({@code dsyevd} with jobz = 'N' does the same, but LAPACKE gives it the minimal workspace, so its reduction
     * runs unblocked and takes about twice as long.)
     */
    static double[] eigenvalues(DoublePointer upper, int n) {
        try (DoublePointer d = new DoublePointer(n); DoublePointer e = new DoublePointer(Math.max(1, n - 1));
             DoublePointer tau = new DoublePointer(Math.max(1, n - 1))) {
            check("dsytrd", openblas.LAPACKE_dsytrd(openblas.LAPACK_COL_MAJOR, LOWER, n, upper, n, d, e, tau));
            check("dsterf", openblas.LAPACKE_dsterf(n, d, e));
            double[] w = new double[n];
            d.get(w);
            return w;
        }
    }

    /** As {@link #eigenvalues(DoublePointer, int)} in single precision ({@code ssytrd}, {@code ssterf}). */
    static double[] eigenvalues(FloatPointer upper, int n) {
        try (FloatPointer d = new FloatPointer(n); FloatPointer e = new FloatPointer(Math.max(1, n - 1));
             FloatPointer tau = new FloatPointer(Math.max(1, n - 1))) {
            check("ssytrd", openblas.LAPACKE_ssytrd(openblas.LAPACK_COL_MAJOR, LOWER, n, upper, n, d, e, tau));
            check("ssterf", openblas.LAPACKE_ssterf(n, d, e));
            float[] w = new float[n];
            d.get(w);
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = w[i];
            }
            return out;
        }
    }

    /** Eigenvalues (ascending) of a symmetric matrix in a Java array (left unchanged), in double precision. */
    static double[] eigenvalues(double[] symmetric, int n) {
        try (DoublePointer a = toNative(symmetric)) {
            return eigenvalues(a, n);
        }
    }

    private static void check(String routine, int info) {
        if (info != 0) {
            throw new ArithmeticException("LAPACK " + routine + " failed (info " + info + ")");
        }
    }
}
