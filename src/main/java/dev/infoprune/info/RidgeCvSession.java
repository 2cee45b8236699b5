package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * MIPP's fast mode (not the paper's estimator): the target T regressed on the kept groups by closed-form ridge
 * regression, the held-out loss from k-fold cross-validation, the k folds as the repeats. Removing a group is a
 * rank-p downdate of each fold's inverse Gram matrix, so a test costs O(d·(d + t)) per fold instead of a re-fit.
 * Linear: a unit the target needs only through a non-linearity counts for what a linear map can read from it.
 */
public final class RidgeCvSession implements LossSession {
    public static final String NAME = "ridge-cv";
    public static final double DEFAULT_LAMBDA = 1.0;

    private final int d;
    private final int t;
    private final int[][] groups;
    private final boolean[] removed;
    private final double lambda;
    private final long seed;
    private final Fold[] folds;
    private final double[] relevance;

    public RidgeCvSession(Matrix inputs, int[][] groups, Matrix target, int folds, double lambda, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("ridge-cv needs at least 2 folds, got " + folds);
        }
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be positive and finite, got " + lambda);
        }
        int n = inputs.rows();
        if (n < 2 * folds) {
            throw new IllegalArgumentException("ridge-cv with " + folds + " folds needs at least " + 2 * folds + " rows, got " + n);
        }
        this.d = inputs.cols();
        this.t = target.cols();
        this.groups = groups;
        this.removed = new boolean[groups.length];
        this.lambda = lambda;
        this.seed = seed;
        float[] x = Standardised.of(inputs);
        float[] y = Standardised.of(target);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x5DEECE66DL);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[perm[i]] = (int) ((long) i * folds / n);
        }
        this.folds = new Fold[folds];
        for (int f = 0; f < folds; f++) {
            this.folds[f] = new Fold(x, y, n, fold, f);
        }
        this.relevance = Standardised.groupRelevance(x, d, y, t, n, groups);
    }

    @Override
    public EstimatorSpec spec() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lambda", lambda);
        return new EstimatorSpec(NAME, p);
    }

    @Override
    public int groups() {
        return groups.length;
    }

    @Override
    public int repeats() {
        return folds.length;
    }

    @Override
    public double[] baselineLoss() {
        double[] out = new double[folds.length];
        for (int f = 0; f < folds.length; f++) {
            out[f] = folds[f].baseline;
        }
        return out;
    }

    @Override
    public double[] relevance() {
        return relevance.clone();
    }

    @Override
    public double[] loss(Progress progress) {
        double[] out = new double[folds.length];
        for (int f = 0; f < folds.length; f++) {
            out[f] = folds[f].rss / folds[f].norm;
        }
        return out;
    }

    @Override
    public double[] lossWithout(int group, Progress progress) {
        check(group);
        double[] out = new double[folds.length];
        for (int f = 0; f < folds.length; f++) {
            progress.checkCancelled();
            out[f] = folds[f].downdate(groups[group], false) / folds[f].norm;
        }
        return out;
    }

    @Override
    public void remove(int group) {
        check(group);
        for (Fold f : folds) {
            f.downdate(groups[group], true);
        }
        removed[group] = true;
    }

    private void check(int group) {
        if (group < 0 || group >= groups.length) {
            throw new IllegalArgumentException("no group " + group);
        }
        if (removed[group]) {
            throw new IllegalArgumentException("group " + group + " was already removed");
        }
    }

    /** One fold: the ridge fit on the other folds and its residuals on this one, kept as sufficient statistics. */
    private final class Fold {
        final double[] ginv;   // d × d, (XᵀX + λI)⁻¹ on the training rows; removed columns' rows and columns are 0
        final double[] beta;   // d × t
        final double[] hold;   // d × d, X_hᵀ X_h on the held-out rows
        final double[] m;      // d × t, X_hᵀ R with R the held-out residuals
        double rss;
        final double norm;
        final double baseline;

        Fold(float[] x, float[] y, int n, int[] fold, int f) {
            int trainRows = 0;
            int heldRows = 0;
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    heldRows++;
                } else {
                    trainRows++;
                }
            }
            float[] xt = new float[trainRows * d];
            float[] yt = new float[trainRows * t];
            float[] xh = new float[heldRows * d];
            float[] yh = new float[heldRows * t];
            int a = 0;
            int b = 0;
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    System.arraycopy(x, i * d, xh, b * d, d);
                    System.arraycopy(y, i * t, yh, b * t, t);
                    b++;
                } else {
                    System.arraycopy(x, i * d, xt, a * d, d);
                    System.arraycopy(y, i * t, yt, a * t, t);
                    a++;
                }
            }
            double[] gram = NativeLinearAlgebra.crossProduct(toDouble(xt), trainRows, d, 1);
            for (int j = 0; j < d; j++) {
                gram[j * d + j] += lambda;
            }
            double[] inv = SpdInverse.of(gram, d);
            if (inv == null) {
                throw new IllegalArgumentException("the ridge Gram matrix is not positive definite");
            }
            ginv = inv;
            double[] xty = NativeLinearAlgebra.crossProduct(toDouble(xt), d, toDouble(yt), t, trainRows);
            beta = multiply(ginv, d, d, xty, t);
            hold = NativeLinearAlgebra.crossProduct(toDouble(xh), heldRows, d, 1);
            double[] resid = new double[heldRows * t];
            double[] mean = new double[t];
            for (int i = 0; i < trainRows; i++) {
                for (int j = 0; j < t; j++) {
                    mean[j] += yt[i * t + j];
                }
            }
            double base = 0;
            double[] xhd = toDouble(xh);
            for (int i = 0; i < heldRows; i++) {
                for (int j = 0; j < t; j++) {
                    double fit = 0;
                    for (int c = 0; c < d; c++) {
                        fit += xhd[i * d + c] * beta[c * t + j];
                    }
                    double e = yh[i * t + j] - fit;
                    resid[i * t + j] = e;
                    rss += e * e;
                    double e0 = yh[i * t + j] - mean[j] / trainRows;
                    base += e0 * e0;
                }
            }
            m = NativeLinearAlgebra.crossProduct(xhd, d, resid, t, heldRows);
            norm = (double) heldRows * t;
            baseline = base / norm;
        }

        /**
         * The held-out RSS with the columns {@code g} also removed; with {@code commit} the fold takes that state.
         * With U = G⁻¹[:, g], K = (G⁻¹[g, g])⁻¹ and V = K β[g, :], the coefficients become β − U V, so the residuals
         * gain X_h U V (and M = X_hᵀR gains H U V) and RSS' = RSS + 2 Σ (Uᵀ M) ∘ V + Σ (Uᵀ H U) ∘ (V Vᵀ).
         */
        double downdate(int[] g, boolean commit) {
            int p = g.length;
            double[] u = SpdInverse.columns(ginv, d, g);
            double[] k = SpdInverse.blockInverse(ginv, d, g);
            if (k == null) {
                throw new IllegalStateException("a group's block of the inverse Gram matrix is singular");
            }
            double[] bg = new double[p * t];
            for (int q = 0; q < p; q++) {
                System.arraycopy(beta, g[q] * t, bg, q * t, t);
            }
            double[] v = multiply(k, p, p, bg, t);
            double[] utm = multiplyTransposed(u, d, p, m, t);
            double[] hu = multiply(hold, d, d, u, p);
            double[] uhu = multiplyTransposed(u, d, p, hu, p);
            double cross = 0;
            for (int i = 0; i < p * t; i++) {
                cross += utm[i] * v[i];
            }
            double quad = 0;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    double vv = 0;
                    for (int j = 0; j < t; j++) {
                        vv += v[a * t + j] * v[b * t + j];
                    }
                    quad += uhu[a * p + b] * vv;
                }
            }
            double next = Math.max(0, rss + 2 * cross + quad);
            if (commit) {
                SpdInverse.removeGroup(ginv, d, g, u, k);
                double[] uv = multiply(u, d, p, v, t);
                double[] huv = multiply(hu, d, p, v, t);
                for (int i = 0; i < d * t; i++) {
                    beta[i] -= uv[i];
                    m[i] += huv[i];
                }
                for (int c : g) {
                    java.util.Arrays.fill(beta, c * t, (c + 1) * t, 0);
                }
                rss = next;
            }
            return next;
        }
    }

    private static double[] toDouble(float[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i];
        }
        return out;
    }

    /** A (r × k) · B (k × c). */
    private static double[] multiply(double[] a, int r, int k, double[] b, int c) {
        return product(a, r, k, b, c, false);
    }

    /** Aᵀ · B with A stored r × k and B stored r × c: k × c. */
    private static double[] multiplyTransposed(double[] a, int r, int k, double[] b, int c) {
        return product(a, r, k, b, c, true);
    }

    /** A · B or Aᵀ · B, A stored r × k, skipping A's zeros; each output sums in the order of A's entries. */
    private static double[] product(double[] a, int r, int k, double[] b, int c, boolean transposed) {
        double[] out = new double[(transposed ? k : r) * c];
        for (int i = 0; i < r; i++) {
            for (int q = 0; q < k; q++) {
                double av = a[i * k + q];
                if (av == 0) {
                    continue;
                }
                int outRow = (transposed ? q : i) * c;
                int bRow = (transposed ? i : q) * c;
                for (int j = 0; j < c; j++) {
                    out[outRow + j] += av * b[bRow + j];
                }
            }
        }
        return out;
    }
}
