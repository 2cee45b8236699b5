package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import org.bytedeco.javacpp.FloatPointer;

import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Hilbert–Schmidt independence criterion. Biased: HSIC = tr(K H L H) / (n − 1)² with H the centring matrix;
 * unbiased (Song et al. 2012): [tr(K̃L̃) + 1ᵀK̃1·1ᵀL̃1 / ((n−1)(n−2)) − 2·1ᵀK̃L̃1 / (n−2)] / (n(n−3)), K̃ and L̃
 * with zeroed diagonals. Normalised (the default) it is CKA = HSIC(K,L) / √(HSIC(K,K)·HSIC(L,L)), in [0, 1]
 * for the biased form, 1 for X against itself and invariant to orthogonal transforms and isotropic scaling.
 * Kernels: linear (K = XXᵀ on centred columns) or RBF with width σ (default: the median pairwise distance).
 * Biased linear CKA is computed in feature space, ‖XᵀY‖²_F / (‖XᵀX‖_F ‖YᵀY‖_F), in single-precision BLAS
 * when the layers are narrower than the sample count. For two scalar jointly Gaussian variables linear CKA is
 * the squared correlation ρ². The values are dependence scores, not nats ({@link Estimate#nats()} carries
 * the score unchanged). Conditional: X and Y are replaced by their least-squares residuals on Z (with an
 * intercept) before the score is taken. HSIC has no entropy.
 */
public final class HsicEstimator implements InformationEstimator {
    public static final String NAME = "hsic";

    public enum Kernel { LINEAR, RBF }

    private final Kernel kernel;
    private final double width;
    private final boolean unbiased;
    private final boolean normalized;
    private final EstimatorSpec spec;

    public HsicEstimator() {
        this(Kernel.LINEAR, 0, false, true);
    }

    /** @param width RBF width σ, 0 for the median heuristic (ignored by the linear kernel) */
    public HsicEstimator(Kernel kernel, double width, boolean unbiased, boolean normalized) {
        if (!(width >= 0) || Double.isInfinite(width)) {
            throw new IllegalArgumentException("width must be ≥ 0 (0 = median heuristic), got " + width);
        }
        this.kernel = kernel;
        this.width = width;
        this.unbiased = unbiased;
        this.normalized = normalized;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("kernel", kernel.name().toLowerCase());
        if (kernel == Kernel.RBF) {
            p.put("width", width == 0 ? "median" : width);
        }
        p.put("unbiased", unbiased);
        p.put("normalized", normalized);
        this.spec = new EstimatorSpec(NAME, p);
    }

    @Override
    public EstimatorSpec spec() {
        return spec;
    }

    @Override
    public Estimate entropy(Matrix x) {
        throw new UnsupportedOperationException("hsic measures dependence between two variables; it has no entropy");
    }

    @Override
    public Estimate mutualInformation(Matrix x, Matrix y) {
        Samples.check(x, y);
        if (unbiased && x.rows() < 4) {
            throw new dev.infoprune.core.BadInputException("X", "unbiased HSIC needs at least 4 samples, got " + x.rows());
        }
        return new Estimate(score(x, y), spec);
    }

    private double score(Matrix x, Matrix y) {
        int n = x.rows();
        if (kernel == Kernel.LINEAR && !unbiased && x.cols() < n && y.cols() < n) {
            return linearFeatureSpace(x, y);
        }
        double[] k = kernelMatrix(x);
        double[] l = kernelMatrix(y);
        double kl = hsic(k, l, n);
        if (!normalized) {
            return kl;
        }
        double kk = hsic(k, k, n);
        double ll = hsic(l, l, n);
        return kk > 0 && ll > 0 ? kl / Math.sqrt(kk * ll) : 0;
    }

    /**
     * Biased linear HSIC/CKA from feature-space products of the centred columns in single-precision BLAS. The
     * centred X and Y are written side by side, [X Y], and one {@code ssyrk} per row half gives the upper
     * triangle of [X Y]ᵀ[X Y], whose blocks are XᵀX, XᵀY and YᵀY: one larger product runs closer to the
     * machine's peak than a {@code sgemm} and two smaller {@code ssyrk}. Each thread centres its own row half
     * and multiplies it while it is still in its core's cache; the halves are added and the sums of squares
     * taken in double, again split between the threads. Unnormalised, only XᵀY is needed ({@code sgemm}).
     */
    private double linearFeatureSpace(Matrix x, Matrix y) {
        int n = x.rows();
        int p = x.cols();
        int w = p + y.cols();
        int half = n / 2;
        NativeLinearAlgebra.Pair<double[], double[]> means = NativeLinearAlgebra.inParallel(() -> columnMeans(x), () -> columnMeans(y));
        try (FloatPointer joint = new FloatPointer((long) n * w)) {
            if (!normalized) {
                NativeLinearAlgebra.Pair<float[], float[]> parts = NativeLinearAlgebra.inParallel(
                        () -> NativeLinearAlgebra.crossProduct(centreRows(x, y, means, 0, half, joint), 0, half, p, w),
                        () -> NativeLinearAlgebra.crossProduct(centreRows(x, y, means, half, n, joint), half, n - half, p, w));
                double s = 0;
                float[] a = parts.first();
                float[] b = parts.second();
                for (int k = 0; k < a.length; k++) {
                    double v = (double) a[k] + b[k];
                    s += v * v;
                }
                return s / ((n - 1.0) * (n - 1.0));
            }
            NativeLinearAlgebra.Pair<FloatPointer, FloatPointer> parts = NativeLinearAlgebra.inParallel(
                    () -> NativeLinearAlgebra.crossProductUpper(centreRows(x, y, means, 0, half, joint), 0, half, w),
                    () -> NativeLinearAlgebra.crossProductUpper(centreRows(x, y, means, half, n, joint), half, n - half, w));
            try (FloatPointer first = parts.first(); FloatPointer second = parts.second()) {
                // rows [0, split) of the upper triangle hold about half of its entries
                int split = (int) Math.round(w * (1 - Math.sqrt(0.5)));
                NativeLinearAlgebra.Pair<double[], double[]> sums = NativeLinearAlgebra.inParallel(
                        () -> blockSumsOfSquares(first.asBuffer(), second.asBuffer(), p, w, 0, split),
                        () -> blockSumsOfSquares(first.asBuffer(), second.asBuffer(), p, w, split, w));
                double xx = sums.first()[0] + sums.second()[0];
                double xy = sums.first()[1] + sums.second()[1];
                double yy = sums.first()[2] + sums.second()[2];
                double norms = Math.sqrt(xx) * Math.sqrt(yy);
                return norms > 0 ? xy / norms : 0;
            }
        }
    }

    /**
     * Σ c² over the blocks XᵀX, XᵀY and YᵀY of C = A + B in rows [from, to), A and B given by their upper
     * triangles (w × w, X the first p columns); the symmetric blocks count their off-diagonal entries twice.
     */
    private static double[] blockSumsOfSquares(FloatBuffer a, FloatBuffer b, int p, int w, int from, int to) {
        float[] ra = new float[w];
        float[] rb = new float[w];
        double xx = 0;
        double xy = 0;
        double yy = 0;
        for (int i = from; i < to; i++) {
            a.get(i * w + i, ra, i, w - i);
            b.get(i * w + i, rb, i, w - i);
            double diagonal = (double) ra[i] + rb[i];
            double off = 0;
            double cross = 0;
            int split = Math.max(p, i + 1);
            for (int j = i + 1; j < split; j++) {
                double v = (double) ra[j] + rb[j];
                off += v * v;
            }
            for (int j = split; j < w; j++) {
                double v = (double) ra[j] + rb[j];
                if (i < p) {
                    cross += v * v;
                } else {
                    off += v * v;
                }
            }
            if (i < p) {
                xx += diagonal * diagonal + 2 * off;
                xy += cross;
            } else {
                yy += diagonal * diagonal + 2 * off;
            }
        }
        return new double[] {xx, xy, yy};
    }

    private static double[] columnMeans(Matrix m) {
        int n = m.rows();
        int d = m.cols();
        double[] mean = new double[d];
        double[] src = m.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += src[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        return mean;
    }

    /**
     * Writes rows [from, to) of [X Y], centred, as single-precision numbers into out (rows of width X + Y columns)
     * and returns out.
     */
    private static FloatPointer centreRows(Matrix x, Matrix y, NativeLinearAlgebra.Pair<double[], double[]> means, int from, int to, FloatPointer out) {
        int p = x.cols();
        int q = y.cols();
        double[] mx = means.first();
        double[] my = means.second();
        double[] sx = x.data();
        double[] sy = y.data();
        float[] row = new float[p + q];
        FloatBuffer buffer = out.asBuffer();
        for (int i = from; i < to; i++) {
            for (int j = 0; j < p; j++) {
                row[j] = (float) (sx[i * p + j] - mx[j]);
            }
            for (int j = 0; j < q; j++) {
                row[p + j] = (float) (sy[i * q + j] - my[j]);
            }
            buffer.put(i * (p + q), row);
        }
        return out;
    }

    /** The n × n kernel matrix. */
    double[] kernelMatrix(Matrix m) {
        int n = m.rows();
        int d = m.cols();
        double[] c = centred(m);
        double[] g = NativeLinearAlgebra.gram(c, n, d);
        if (kernel == Kernel.LINEAR) {
            return g;
        }
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            sq[i] = g[i * n + i];
        }
        double[] dist2 = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                dist2[i * n + j] = Math.max(0, sq[i] + sq[j] - 2 * g[i * n + j]);
            }
        }
        double s = width > 0 ? width : medianDistance(dist2, n);
        double scale = s > 0 ? -1 / (2 * s * s) : 0;
        double[] k = new double[n * n];
        for (int i = 0; i < k.length; i++) {
            k[i] = Math.exp(scale * dist2[i]);
        }
        return k;
    }

    private static double medianDistance(double[] dist2, int n) {
        double[] upper = new double[n * (n - 1) / 2];
        int t = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                upper[t++] = dist2[i * n + j];
            }
        }
        java.util.Arrays.sort(upper);
        return Math.sqrt(upper[upper.length / 2]);
    }

    private static double[] centred(Matrix m) {
        int n = m.rows();
        int d = m.cols();
        double[] mean = new double[d];
        double[] std = new double[d];
        Correlations.moments(m, mean, std);
        double[] c = new double[n * d];
        double[] src = m.data();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                c[i * d + j] = src[i * d + j] - mean[j];
            }
        }
        return c;
    }

    private double hsic(double[] k, double[] l, int n) {
        if (!unbiased) {
            // tr(K H L H) = Σ_ij (HKH)_ij L_ij; centre K's rows and columns once
            double[] kc = doublyCentred(k, n);
            double s = 0;
            for (int i = 0; i < k.length; i++) {
                s += kc[i] * l[i];
            }
            return s / ((n - 1.0) * (n - 1.0));
        }
        double trace = 0;
        double sumK = 0;
        double sumL = 0;
        double[] rowK = new double[n];
        double[] rowL = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                double kv = k[i * n + j];
                double lv = l[i * n + j];
                trace += kv * lv;
                rowK[i] += kv;
                rowL[i] += lv;
            }
            sumK += rowK[i];
            sumL += rowL[i];
        }
        double klOnes = 0;
        for (int i = 0; i < n; i++) {
            klOnes += rowK[i] * rowL[i];
        }
        return (trace + sumK * sumL / ((n - 1.0) * (n - 2.0)) - 2.0 * klOnes / (n - 2.0)) / (n * (n - 3.0));
    }

    private static double[] doublyCentred(double[] k, int n) {
        double[] row = new double[n];
        double all = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += k[i * n + j];
            }
            row[i] = s / n;
            all += s;
        }
        all /= (double) n * n;
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i * n + j] = k[i * n + j] - row[i] - row[j] + all;
            }
        }
        return c;
    }

    @Override
    public Estimate conditionalMutualInformation(Matrix x, Matrix y, Matrix z) {
        Samples.check(x, y, z);
        return mutualInformation(residuals(x, z), residuals(y, z));
    }

    @Override
    public Estimate mutualInformationWithLabels(Matrix x, int[] labels) {
        Samples.checkLabels(x, labels);
        return mutualInformation(x, oneHot(Samples.denseLabels(labels)));
    }

    @Override
    public Estimate conditionalMutualInformationWithLabels(Matrix x, int[] labels, Matrix z) {
        Samples.checkLabels(x, labels);
        return conditionalMutualInformation(x, oneHot(Samples.denseLabels(labels)), z);
    }

    private static Matrix oneHot(int[] dense) {
        int c = Math.max(1, Samples.classCount(dense));
        double[] d = new double[dense.length * c];
        for (int i = 0; i < dense.length; i++) {
            d[i * c + dense[i]] = 1;
        }
        return Matrix.wrap(dense.length, c, d);
    }

    /** Least-squares residuals of each column of a on [1, Z] (ridge 1e-10 on the normal equations). */
    static Matrix residuals(Matrix a, Matrix z) {
        int n = z.rows();
        int r = z.cols();
        int p = a.cols();
        double[] zc = centred(z);
        double[] ac = centred(a);
        double[] ztz = NativeLinearAlgebra.crossProduct(zc, n, r, 1.0);
        double scale = 0;
        for (int i = 0; i < r; i++) {
            scale = Math.max(scale, ztz[i * r + i]);
        }
        if (scale == 0) {
            return Matrix.wrap(n, p, ac);   // a constant Z explains nothing
        }
        for (int i = 0; i < r; i++) {
            ztz[i * r + i] += 1e-10 * scale;
        }
        double[] zta = NativeLinearAlgebra.crossProduct(zc, r, ac, p, n);
        double[] inv = NativeLinearAlgebra.inverse(ztz, r);
        if (inv == null) {
            return Matrix.wrap(n, p, ac);
        }
        double[] beta = new double[r * p];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int t = 0; t < r; t++) {
                    s += inv[i * r + t] * zta[t * p + j];
                }
                beta[i * p + j] = s;
            }
        }
        double[] res = ac.clone();
        IntStream.range(0, n).forEach(i -> {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int t = 0; t < r; t++) {
                    s += zc[i * r + t] * beta[t * p + j];
                }
                res[i * p + j] -= s;
            }
        });
        return Matrix.wrap(n, p, res);
    }
}
