package dev.infoprune.info;

import dev.infoprune.core.Matrix;

import java.util.Random;

/** Seeded samples with known information content, for closed-form checks. */
final class GaussianData {
    private GaussianData() {
    }

    /** Column pair (X, Y) with correlation rho; MI = −½ ln(1 − ρ²). */
    static Matrix[] bivariate(long seed, int n, double rho) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double s = Math.sqrt(1 - rho * rho);
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            y[i] = rho * x[i] + s * r.nextGaussian();
        }
        return new Matrix[] {Matrix.column(x), Matrix.column(y)};
    }

    static double bivariateMi(double rho) {
        return -0.5 * Math.log(1 - rho * rho);
    }

    /** X = Z + e1, Y = X + e2 (chain) or Y = Z + e2 (common cause), all unit variances. Returns {X, Y, Z}. */
    static Matrix[] chain(long seed, int n, boolean yFromX) {
        Random r = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = r.nextGaussian();
            x[i] = z[i] + r.nextGaussian();
            y[i] = (yFromX ? x[i] : z[i]) + r.nextGaussian();
        }
        return new Matrix[] {Matrix.column(x), Matrix.column(y), Matrix.column(z)};
    }

    /** n samples of d independent standard normals. */
    static Matrix normal(long seed, int n, int d) {
        Random r = new Random(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return Matrix.wrap(n, d, v);
    }

    /** Y = X·A + noise with X (n × p), noise standard normal; returns {X, Y}. */
    static Matrix[] linear(long seed, int n, int p, double[][] a) {
        Random r = new Random(seed);
        int q = a[0].length;
        double[] x = new double[n * p];
        double[] y = new double[n * q];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i * p + j] = r.nextGaussian();
            }
            for (int k = 0; k < q; k++) {
                double s = r.nextGaussian();
                for (int j = 0; j < p; j++) {
                    s += x[i * p + j] * a[j][k];
                }
                y[i * q + k] = s;
            }
        }
        return new Matrix[] {Matrix.wrap(n, p, x), Matrix.wrap(n, q, y)};
    }

    /** MI of Y = XA + N(0, I) with X ~ N(0, I): ½ log det(I + AᵀA). Computed here for q ≤ 2. */
    static double linearMi(double[][] a) {
        int q = a[0].length;
        double[][] m = new double[q][q];
        for (int i = 0; i < q; i++) {
            for (int j = 0; j < q; j++) {
                double s = i == j ? 1 : 0;
                for (double[] row : a) {
                    s += row[i] * row[j];
                }
                m[i][j] = s;
            }
        }
        double det = q == 1 ? m[0][0] : m[0][0] * m[1][1] - m[0][1] * m[1][0];
        return 0.5 * Math.log(det);
    }

    static final double CHAIN_CMI = Math.log(2) / 2;   // 0.34657
    static final double CHAIN_MI = 0.5 * Math.log(3);  // 0.54931
}
