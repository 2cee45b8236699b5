package dev.infoprune.prune;

import dev.infoprune.core.Matrix;

/**
 * Linear centred kernel alignment (Kornblith et al. 2019) between two sets of activations of the same samples:
 * {@code ||Yᵀ X||²_F / (||Xᵀ X||_F · ||Yᵀ Y||_F)} on column-centred X and Y. 1 for X and Y equal up to an
 * orthogonal map and a scale, near 0 for unrelated ones; 0 when either is constant.
 */
final class LinearCka {
    private LinearCka() {
    }

    static double between(Matrix x, Matrix y) {
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException("CKA needs the same samples: " + x.rows() + " vs " + y.rows() + " rows");
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
