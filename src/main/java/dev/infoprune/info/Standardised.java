package dev.infoprune.info;

import dev.infoprune.core.Matrix;

/** A matrix with every column centred and scaled to unit variance (constant columns become 0), as floats. */
final class Standardised {
    private Standardised() {
    }

    static float[] of(Matrix m) {
        int n = m.rows();
        int d = m.cols();
        double[] mean = new double[d];
        double[] sq = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += m.get(i, j);
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = m.get(i, j) - mean[j];
                sq[j] += v * v;
            }
        }
        float[] out = new float[n * d];
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(sq[j] / n);
            double scale = sd > 1e-12 * (1 + Math.abs(mean[j])) ? 1 / sd : 0;
            for (int i = 0; i < n; i++) {
                out[i * d + j] = (float) ((m.get(i, j) - mean[j]) * scale);
            }
        }
        return out;
    }

    /**
     * Σ over target columns of −½ log(1 − ρ²) for every column of x (both standardised, n rows): the linear-Gaussian
     * information of each (column, target column) pair, added up.
     */
    static double[] pairwiseLinearInformation(float[] x, int d, float[] y, int t, int n) {
        float[] corr = new float[d * t];
        Sgemm.atb(d, t, n, x, y, corr);
        double[] out = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (int k = 0; k < t; k++) {
                double rho = corr[j * t + k] / n;
                s += -0.5 * Math.log(Math.max(1e-12, 1 - Math.min(1, rho * rho)));
            }
            out[j] = s;
        }
        return out;
    }

    /** {@link #pairwiseLinearInformation} added up over each group's columns: the order of MIPP's tests. */
    static double[] groupRelevance(float[] x, int d, float[] y, int t, int n, int[][] groups) {
        double[] perColumn = pairwiseLinearInformation(x, d, y, t, n);
        double[] out = new double[groups.length];
        for (int g = 0; g < groups.length; g++) {
            for (int c : groups[g]) {
                out[g] += perColumn[c];
            }
        }
        return out;
    }
}
