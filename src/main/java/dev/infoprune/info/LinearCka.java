package dev.infoprune.info;

import dev.infoprune.core.Matrix;

import java.util.List;

/**
 * Linear centred kernel alignment (Kornblith et al. 2019) between two sets of activations of the same samples:
 * {@code ⟨H X Xᵀ H, H Y Yᵀ H⟩_F / (‖H X Xᵀ H‖_F · ‖H Y Yᵀ H‖_F)}, H the centring matrix, which equals
 * {@code ‖Ỹᵀ X̃‖²_F / (‖X̃ᵀ X̃‖_F · ‖Ỹᵀ Ỹ‖_F)} on the column-centred X̃, Ỹ. 1 for X and Y equal up to an orthogonal
 * map and a scale, near 0 for unrelated ones; 0 when either is constant.
 *
 * <p>Columns may be anything per sample, e.g. whole flattened feature maps (ITPruner compares layers that way):
 * for more columns than samples the n × n sample-space Gram matrices are used, otherwise the feature-space
 * products; both give the same value.
 */
public final class LinearCka {
    private LinearCka() {
    }

    public static double between(Matrix x, Matrix y) {
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("CKA needs the same samples: " + x.rows() + " vs " + y.rows() + " rows");
        }
        if (Math.max(x.cols(), y.cols()) > x.rows()) {
            return ofCentredGrams(centredGram(x), centredGram(y));
        }
        double[] cx = centred(x);
        double[] cy = centred(y);
        double xy = crossFrobeniusSquared(cx, x.cols(), cy, y.cols(), x.rows());
        double xx = crossFrobeniusSquared(cx, x.cols(), cx, x.cols(), x.rows());
        double yy = crossFrobeniusSquared(cy, y.cols(), cy, y.cols(), y.rows());
        if (xx <= 0 || yy <= 0) {
            return 0;
        }
        return xy / Math.sqrt(xx * yy);
    }

    /**
     * CKA between every pair of the given layers' activations (same samples, any widths), each layer's centred
     * Gram matrix computed once: a symmetric matrix with ones on the diagonal (zero for a constant layer).
     */
    public static double[][] pairwise(List<Matrix> layers) {
        int n = layers.size();
        double[][] grams = new double[n][];
        double[] norms = new double[n];
        for (int i = 0; i < n; i++) {
            if (layers.get(i).rows() != layers.get(0).rows()) {
                throw new IllegalArgumentException("CKA needs the same samples in every layer");
            }
        }
        // one layer per task; each Gram matrix is still summed in its fixed order, so the result does not vary
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            grams[i] = centredGram(layers.get(i));
            norms[i] = Math.sqrt(dot(grams[i], grams[i]));
        });
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            out[i][i] = norms[i] > 0 ? 1 : 0;
            for (int j = i + 1; j < n; j++) {
                double v = norms[i] > 0 && norms[j] > 0 ? dot(grams[i], grams[j]) / (norms[i] * norms[j]) : 0;
                out[i][j] = v;
                out[j][i] = v;
            }
        }
        return out;
    }

    /**
     * {@code H X Xᵀ H} (n × n, row-major): the Gram matrix of the column-centred activations, summed in a fixed
     * order so that the same activations always give the same value (a threaded BLAS need not).
     */
    public static double[] centredGram(Matrix x) {
        double[] c = centred(x);
        int n = x.rows();
        int d = x.cols();
        double[] g = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double sum = 0;
                int a = i * d;
                int b = j * d;
                for (int k = 0; k < d; k++) {
                    sum += c[a + k] * c[b + k];
                }
                g[i * n + j] = sum;
                g[j * n + i] = sum;
            }
        }
        return g;
    }

    /** CKA from two centred Gram matrices of the same samples. */
    public static double ofCentredGrams(double[] kx, double[] ky) {
        double xx = dot(kx, kx);
        double yy = dot(ky, ky);
        if (xx <= 0 || yy <= 0) {
            return 0;
        }
        return dot(kx, ky) / Math.sqrt(xx * yy);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] centred(Matrix m) {
        int r = m.rows();
        int c = m.cols();
        double[] d = m.data().clone();
        for (int j = 0; j < c; j++) {
            double mean = 0;
            for (int i = 0; i < r; i++) {
                mean += d[i * c + j];
            }
            mean /= r;
            for (int i = 0; i < r; i++) {
                d[i * c + j] -= mean;
            }
        }
        return d;
    }

    /** ||Aᵀ B||²_F for row-major A (rows × ca) and B (rows × cb). */
    private static double crossFrobeniusSquared(double[] a, int ca, double[] b, int cb, int rows) {
        double[] prod = new double[ca * cb];
        for (int i = 0; i < rows; i++) {
            int ra = i * ca;
            int rb = i * cb;
            for (int p = 0; p < ca; p++) {
                double v = a[ra + p];
                if (v == 0) {
                    continue;
                }
                int base = p * cb;
                for (int q = 0; q < cb; q++) {
                    prod[base + q] += v * b[rb + q];
                }
            }
        }
        double sum = 0;
        for (double v : prod) {
            sum += v * v;
        }
        return sum;
    }
}
