package dev.infoprune.info;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;

/** Input checks shared by every estimator: same rows, finite values, enough samples. */
final class Samples {
    private Samples() {
    }

    /** Checks one argument; {@code name} is how the user knows it (X, Y, Z). */
    static void check(String name, Matrix m) {
        if (m == null) {
            throw new BadInputException(name, "is missing");
        }
        if (m.rows() < 2) {
            throw new BadInputException(name, "needs at least 2 samples (rows), got " + m.rows());
        }
        if (m.cols() < 1) {
            throw new BadInputException(name, "has no columns");
        }
        int[] at = m.firstNonFinite();
        if (at != null) {
            throw new BadInputException(name, "value " + m.get(at[0], at[1]) + " at row " + at[0] + ", column " + at[1]
                    + " (zero-based); estimators need finite numbers");
        }
    }

    static void check(Matrix x, Matrix y) {
        check("X", x);
        check("Y", y);
        sameRows("Y", y, x.rows());
    }

    static void check(Matrix x, Matrix y, Matrix z) {
        check(x, y);
        check("Z", z);
        sameRows("Z", z, x.rows());
    }

    static void sameRows(String name, Matrix m, int rows) {
        if (m.rows() != rows) {
            throw new BadInputException(name, "has " + m.rows() + " rows but X has " + rows + "; rows are samples and must match");
        }
    }

    static void checkLabels(Matrix x, int[] labels) {
        check("X", x);
        if (labels == null) {
            throw new BadInputException("labels", "are missing");
        }
        if (labels.length != x.rows()) {
            throw new BadInputException("labels", "there are " + labels.length + " labels but X has " + x.rows() + " rows");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new BadInputException("labels", "label " + labels[i] + " at row " + i + " is negative");
            }
        }
    }

    /** Labels renumbered 0..c-1 in order of first appearance; returns the class count in {@code counts.length}. */
    static int[] denseLabels(int[] labels) {
        java.util.HashMap<Integer, Integer> ids = new java.util.HashMap<>();
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            out[i] = ids.computeIfAbsent(labels[i], l -> ids.size());
        }
        return out;
    }

    static int classCount(int[] dense) {
        int c = 0;
        for (int l : dense) {
            c = Math.max(c, l + 1);
        }
        return c;
    }

    /** The columns of m, copied into column-major arrays. */
    static double[][] columns(Matrix m) {
        double[][] out = new double[m.cols()][m.rows()];
        double[] d = m.data();
        int c = m.cols();
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < c; j++) {
                out[j][i] = d[i * c + j];
            }
        }
        return out;
    }

    /** Treats a column matrix of whole numbers as labels, or returns null when it is not one. */
    static int[] asLabels(Matrix m) {
        if (m.cols() != 1) {
            return null;
        }
        int[] out = new int[m.rows()];
        for (int i = 0; i < out.length; i++) {
            double v = m.get(i, 0);
            if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
                return null;
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** One-hot encoding of dense labels without the last class (c-1 columns; a full one-hot is singular). */
    static Matrix oneHotDropLast(int[] dense) {
        int c = classCount(dense);
        int w = Math.max(1, c - 1);
        double[] d = new double[dense.length * w];
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] < w && c > 1) {
                d[i * w + dense[i]] = 1;
            }
        }
        return Matrix.wrap(dense.length, w, d);
    }
}
