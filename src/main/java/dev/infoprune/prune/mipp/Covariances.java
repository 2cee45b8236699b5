package dev.infoprune.prune.mipp;

/** Small dense symmetric linear algebra for the Gaussian fast path (matrices as double[n][n]). */
final class Covariances {
    private Covariances() {
    }

    /**
     * Correlation matrix of the given columns on the given rows (columns are standardised on those rows;
     * a constant column becomes all zeros, so its row and column of the result are zero).
     */
    static double[][] correlation(double[][] columns, int[] rows) {
        int p = columns.length;
        int m = rows.length;
        double[][] z = new double[p][m];
        for (int c = 0; c < p; c++) {
            double[] src = columns[c];
            double[] dst = z[c];
            double mean = 0;
            for (int i = 0; i < m; i++) {
                dst[i] = src[rows[i]];
                mean += dst[i];
            }
            mean /= m;
            double ss = 0;
            for (int i = 0; i < m; i++) {
                dst[i] -= mean;
                ss += dst[i] * dst[i];
            }
            double scale = ss > 1e-24 * m ? 1 / Math.sqrt(ss) : 0;
            for (int i = 0; i < m; i++) {
                dst[i] *= scale;
            }
        }
        double[][] c = new double[p][p];
        for (int a = 0; a < p; a++) {
            double[] za = z[a];
            for (int b = 0; b <= a; b++) {
                double v = dot(za, z[b]);
                c[a][b] = v;
                c[b][a] = v;
            }
        }
        return c;
    }

    static double dot(double[] x, double[] y) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = x.length;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[i] * y[i];
            s1 += x[i + 1] * y[i + 1];
            s2 += x[i + 2] * y[i + 2];
            s3 += x[i + 3] * y[i + 3];
        }
        for (; i < n; i++) {
            s0 += x[i] * y[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The sub-matrix {@code a[from..to)×[from..to)} plus {@code ridge} on the diagonal. */
    static double[][] block(double[][] a, int from, int to, double ridge) {
        int n = to - from;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[from + i], from, out[i], 0, n);
            out[i][i] += ridge;
        }
        return out;
    }

    /** Lower Cholesky factor of a symmetric positive definite matrix. */
    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double d = a[j][j];
            double[] lj = l[j];
            for (int k = 0; k < j; k++) {
                d -= lj[k] * lj[k];
            }
            if (!(d > 0)) {
                throw new ArithmeticException("matrix is not positive definite at " + j);
            }
            double djj = Math.sqrt(d);
            lj[j] = djj;
            for (int i = j + 1; i < n; i++) {
                double[] li = l[i];
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= li[k] * lj[k];
                }
                li[j] = s / djj;
            }
        }
        return l;
    }

    static double logDetFromCholesky(double[][] l) {
        double s = 0;
        for (int i = 0; i < l.length; i++) {
            s += Math.log(l[i][i]);
        }
        return 2 * s;
    }

    /** Inverse of {@code L Lᵀ} given L. */
    static double[][] inverseFromCholesky(double[][] l) {
        int n = l.length;
        double[][] linv = new double[n][n];
        for (int i = 0; i < n; i++) {
            linv[i][i] = 1 / l[i][i];
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int k = j; k < i; k++) {
                    s -= l[i][k] * linv[k][j];
                }
                linv[i][j] = s / l[i][i];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int k = i; k < n; k++) {
                    s += linv[k][i] * linv[k][j];
                }
                inv[i][j] = s;
                inv[j][i] = s;
            }
        }
        return inv;
    }
}
