package dev.infoprune.info;

import java.util.Arrays;

/**
 * Gaussian-kernel Gram matrices of multivariate variables for the matrix-based Rényi entropy, one kernel
 * width per variable by the median heuristic: {@code K_ij = exp(−‖x_i − x_j‖² / 2σ²)} with
 * {@code σ = scale · median_{i<j} ‖x_i − x_j‖}. A feature map (all its positions, or a sample of them) is one
 * variable, so its width follows its own spread and dimension instead of one width for every scalar.
 *
 * <p>When more than half of the pairs coincide the median is 0; the median of the non-zero distances is used
 * then. A variable whose samples are all equal has the all-ones Gram matrix (zero entropy).
 */
public final class GaussianGram {
    private GaussianGram() {
    }

    /**
     * The strict upper triangle, row by row, of the Gram matrix of the samples taken in {@code order}.
     *
     * @param data  row-major samples × {@code stride} values; the variable is columns {@code [from, from + width)}
     * @param order the samples, in the order the Gram matrix is laid out
     * @param scale multiplies the median distance
     */
    public static float[] medianWidthUpper(double[] data, int stride, int from, int width, int[] order, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("the kernel width scale must be positive, got " + scale);
        }
        int n = order.length;
        int triangle = n * (n - 1) / 2;
        double[] sq = new double[triangle];
        int p = 0;
        for (int i = 0; i < n; i++) {
            int a = order[i] * stride + from;
            for (int j = i + 1; j < n; j++) {
                int b = order[j] * stride + from;
                double s = 0;
                for (int k = 0; k < width; k++) {
                    double d = data[a + k] - data[b + k];
                    s += d * d;
                }
                sq[p++] = s;
            }
        }
        double median = medianDistance(sq);
        float[] k = new float[triangle];
        if (!(median > 0)) {
            Arrays.fill(k, 1f);
            return k;
        }
        double sigma = scale * median;
        double inv = 1.0 / (2 * sigma * sigma);
        for (int q = 0; q < triangle; q++) {
            k[q] = (float) Math.exp(-sq[q] * inv);
        }
        return k;
    }

    /** The median of the distances whose squares are given, or of the non-zero ones when that is 0; 0 if all are. */
    static double medianDistance(double[] squared) {
        double[] sorted = squared.clone();
        Arrays.sort(sorted);
        double m = median(sorted, 0);
        if (m > 0) {
            return Math.sqrt(m);
        }
        int firstPositive = 0;
        while (firstPositive < sorted.length && !(sorted[firstPositive] > 0)) {
            firstPositive++;
        }
        return firstPositive == sorted.length ? 0 : Math.sqrt(median(sorted, firstPositive));
    }

    private static double median(double[] sorted, int from) {
        int m = sorted.length - from;
        if (m == 0) {
            return 0;
        }
        int mid = from + m / 2;
        return m % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
