package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import org.bytedeco.javacpp.DoublePointer;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Gram matrices of the matrix-based Rényi α-entropy (Sánchez Giraldo, Rao, Príncipe 2015) for a fixed set of
 * samples, kept so that greedy selection computes each variable's Gram matrix once and then only multiplies.
 *
 * <p>Every variable here is one scalar per sample (a unit, or a filter's map averaged over space). Its Gram
 * matrix is a Gaussian kernel on the standardised values, {@code K_ij = exp(-(x_i-x_j)² / 2σ²)} with
 * {@code σ = γ·n^(-1/5)} (Silverman's rule for one dimension, γ adjustable); a constant variable gives the
 * all-ones matrix (zero entropy). The labels' Gram matrix is {@code [y_i = y_j]}. Joint entropies use the
 * Hadamard product of the Gram matrices, normalised to trace 1; since every kernel here has a unit diagonal,
 * the normalised matrix is simply {@code K/n}.
 *
 * <p>Only the strict upper triangle is stored (row by row). Samples are reordered by label at construction,
 * so the same-label pairs of each row are one contiguous run, which makes the joint entropy with the labels a
 * partial sum of the same pass. For α = 2, {@code S₂(A) = -log ||A||²_F} needs no eigenvalues; any other α
 * takes the full matrix's eigenvalues ({@link SymmetricEigenvalues}).
 */
public final class RenyiGrams {
    private final int n;
    private final double alpha;
    private final int[] order;
    private final int[] runEnd;
    private final int triangle;
    private final double labelEntropy;
    /** Per thread, room for one n × n matrix in native memory, rewritten by every spectral entropy. */
    private final ThreadLocal<DoublePointer> scratch;

    /**
     * @param labels the samples' labels, in the order their values will be given (they are reordered inside)
     * @param alpha  Rényi order, positive
     */
    public RenyiGrams(int[] labels, double alpha) {
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("Rényi order α must be positive, got " + alpha);
        }
        this.n = labels.length;
        this.alpha = alpha;
        this.order = IntStream.range(0, n).boxed()
                .sorted((a, b) -> labels[a] != labels[b] ? Integer.compare(labels[a], labels[b]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
        this.runEnd = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            runEnd[i] = i + 1 < n && labels[order[i + 1]] == labels[order[i]] ? runEnd[i + 1] : i + 1;
        }
        this.triangle = n * (n - 1) / 2;
        this.scratch = ThreadLocal.withInitial(() -> new DoublePointer((long) n * n));
        this.labelEntropy = entropyWithLabels(ones(), false);
    }

    int samples() {
        return n;
    }

    double alpha() {
        return alpha;
    }

    /** The strict upper triangle of the all-ones Gram matrix: the neutral element of the Hadamard product. */
    public double[] ones() {
        double[] t = new double[triangle];
        Arrays.fill(t, 1.0);
        return t;
    }

    /** Gram matrix (strict upper triangle) of one variable given in the caller's sample order. */
    float[] gram(double[] values, double widthScale) {
        if (values.length != n) {
            throw new IllegalArgumentException("expected " + n + " values, got " + values.length);
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / Math.max(1, n - 1));
        float[] k = new float[triangle];
        if (!(sd > 1e-12 * (1 + Math.abs(mean)))) {
            Arrays.fill(k, 1f);
            return k;
        }
        double sigma = widthScale * Math.pow(n, -1.0 / 5);
        double scale = 1.0 / (2 * sigma * sigma * sd * sd);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = values[order[i]];
        }
        int p = 0;
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            for (int j = i + 1; j < n; j++) {
                double d = xi - x[j];
                k[p++] = (float) Math.exp(-d * d * scale);
            }
        }
        return k;
    }

    /**
     * Gram matrix (strict upper triangle) of one multivariate variable: columns {@code [from, from + width)} of
     * {@code values} (rows in the caller's sample order), Gaussian kernel with the median-heuristic width times
     * {@code scale} ({@link GaussianGram}).
     */
    public float[] mapGram(Matrix values, int from, int width, double scale) {
        if (values.rows() != n) {
            throw new IllegalArgumentException("expected " + n + " samples, got " + values.rows());
        }
        return GaussianGram.medianWidthUpper(values.data(), values.cols(), from, width, order, scale);
    }

    /** {@code product ∘= gram}, in place. */
    public static void multiplyInto(double[] product, float[] gram) {
        for (int p = 0; p < product.length; p++) {
            product[p] *= gram[p];
        }
    }

    /** H(labels). */
    double labelEntropy() {
        return labelEntropy;
    }

    /** Matrix-Rényi entropy of the Gram matrix whose upper triangle is given. */
    double entropy(double[] tri) {
        return entropyWithLabels(tri, true);
    }

    /** I(X; labels) = H(X) + H(labels) − H(X, labels) for the Gram matrix of X. */
    public double mutualInformationWithLabels(double[] tri) {
        return entropy(tri) + labelEntropy - entropyWithLabels(tri, false);
    }

    /**
     * I(X ∪ {v}; labels) where X's Gram matrix is {@code product} and v's is {@code gram}, without forming
     * the product (one pass for α = 2).
     */
    public double mutualInformationWithLabels(double[] product, float[] gram) {
        if (alpha != 2) {
            double[] joint = product.clone();
            multiplyInto(joint, gram);
            return mutualInformationWithLabels(joint);
        }
        double all = 0;
        double same = 0;
        int p = 0;
        for (int i = 0; i < n; i++) {
            int end = runEnd[i];
            for (int j = i + 1; j < end; j++, p++) {
                double v = product[p] * gram[p];
                same += v * v;
            }
            double rest = 0;
            for (int j = end; j < n; j++, p++) {
                double v = product[p] * gram[p];
                rest += v * v;
            }
            all += rest;
        }
        all += same;
        return frobeniusEntropy(all) + labelEntropy - frobeniusEntropy(same);
    }

    /** Entropy of the Gram matrix, or (all = false) of its Hadamard product with the labels' Gram matrix. */
    private double entropyWithLabels(double[] tri, boolean all) {
        if (alpha == 2) {
            double sum = 0;
            int p = 0;
            for (int i = 0; i < n; i++) {
                int end = all ? n : runEnd[i];
                for (int j = i + 1; j < end; j++, p++) {
                    sum += tri[p] * tri[p];
                }
                p += n - end;
            }
            return frobeniusEntropy(sum);
        }
        if (!all) {
            return blockEntropy(tri);
        }
        // LAPACK reads the lower triangle in column-major order, which is the row-major upper triangle: only
        // that is written, straight into this thread's native matrix, without a Java copy of the whole matrix
        DoublePointer matrix = scratch.get();
        java.nio.DoubleBuffer buffer = matrix.asBuffer();
        double[] row = new double[n];
        int p = 0;
        for (int i = 0; i < n; i++) {
            row[0] = 1.0 / n;
            for (int j = i + 1; j < n; j++, p++) {
                row[j - i] = tri[p] / n;
            }
            buffer.put(i * n + i, row, 0, n - i);
        }
        double sum = addPowers(0, NativeLinearAlgebra.eigenvalues(matrix, n), alpha);
        return alpha == 1 ? sum : Math.log(sum) / (1 - alpha);
    }

    /**
     * S_α of the Gram matrix times the labels' (divided by n): with the samples sorted by label that matrix is
     * block diagonal, one block per label, so its eigenvalues are those of the blocks.
     */
    private double blockEntropy(double[] tri) {
        double sum = 0;
        int start = 0;
        while (start < n) {
            int end = runEnd[start];
            int m = end - start;
            double[] block = new double[m * m];
            for (int a = 0; a < m; a++) {
                int i = start + a;
                block[a * m + a] = 1.0 / n;
                int rowBase = i * n - i * (i + 1) / 2 - i - 1;
                for (int b = a + 1; b < m; b++) {
                    double v = tri[rowBase + start + b] / n;
                    block[a * m + b] = v;
                    block[b * m + a] = v;
                }
            }
            sum = addPowers(sum, m == 1 ? new double[] {block[0]} : SymmetricEigenvalues.of(block, m), alpha);
            start = end;
        }
        return alpha == 1 ? sum : Math.log(sum) / (1 - alpha);
    }

    /** S₂ of K/n from the sum of squares of K's strict upper triangle. */
    private double frobeniusEntropy(double upperSumOfSquares) {
        double frob = (n + 2 * upperSumOfSquares) / ((double) n * n);
        return -Math.log(frob);
    }

    /** {@code sum} plus l^α (α = 1: −l log l) for each positive eigenvalue l, added one by one. */
    private static double addPowers(double sum, double[] eigenvalues, double alpha) {
        for (double l : eigenvalues) {
            if (l > 0) {
                sum += alpha == 1 ? -l * Math.log(l) : Math.pow(l, alpha);
            }
        }
        return sum;
    }
}
