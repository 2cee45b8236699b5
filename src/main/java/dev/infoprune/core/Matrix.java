package dev.infoprune.core;

import java.util.Arrays;

/**
 * An immutable dense matrix of doubles, row-major: rows are samples, columns are variables. This is what
 * activations, data features and estimator inputs are exchanged as.
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0 || (long) rows * cols != data.length) {
            throw new IllegalArgumentException("matrix " + rows + "x" + cols + " needs " + (long) rows * cols
                    + " values, got " + data.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Wraps a row-major array without copying; the caller hands over ownership and must not modify it. */
    public static Matrix wrap(int rows, int cols, double[] rowMajor) {
        return new Matrix(rows, cols, rowMajor);
    }

    public static Matrix of(double[][] rowsOfValues) {
        int r = rowsOfValues.length;
        int c = r == 0 ? 0 : rowsOfValues[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (rowsOfValues[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rowsOfValues[i].length + " values, expected " + c);
            }
            System.arraycopy(rowsOfValues[i], 0, d, i * c, c);
        }
        return new Matrix(r, c, d);
    }

    public static Matrix column(double[] values) {
        return new Matrix(values.length, 1, values.clone());
    }

    public static Matrix fromFloats(int rows, int cols, float[] rowMajor) {
        double[] d = new double[rowMajor.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = rowMajor[i];
        }
        return new Matrix(rows, cols, d);
    }

    /** Labels as one column of doubles (for estimators that treat them as a discrete variable). */
    public static Matrix ofLabels(int[] labels) {
        double[] d = new double[labels.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = labels[i];
        }
        return new Matrix(labels.length, 1, d);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public double get(int row, int col) {
        return data[row * cols + col];
    }

    /** The backing row-major array, for fast numerical kernels. Never modify it. */
    public double[] data() {
        return data;
    }

    public double[] columnValues(int col) {
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = data[i * cols + col];
        }
        return out;
    }

    public double[] rowValues(int row) {
        return Arrays.copyOfRange(data, row * cols, (row + 1) * cols);
    }

    public Matrix selectColumns(int[] columns) {
        double[] d = new double[rows * columns.length];
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            int out = i * columns.length;
            for (int j = 0; j < columns.length; j++) {
                d[out + j] = data[base + columns[j]];
            }
        }
        return new Matrix(rows, columns.length, d);
    }

    public Matrix selectRows(int[] rowIndices) {
        double[] d = new double[rowIndices.length * cols];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(data, rowIndices[i] * cols, d, i * cols, cols);
        }
        return new Matrix(rowIndices.length, cols, d);
    }

    /** This matrix with {@code other}'s columns appended on the right. */
    public Matrix appendColumns(Matrix other) {
        if (other.rows != rows) {
            throw new IllegalArgumentException("cannot join " + rows + " rows with " + other.rows);
        }
        int c = cols + other.cols;
        double[] d = new double[rows * c];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols, d, i * c, cols);
            System.arraycopy(other.data, i * other.cols, d, i * c + cols, other.cols);
        }
        return new Matrix(rows, c, d);
    }

    /** The first row and column (0-based) holding NaN or an infinity, or null when all values are finite. */
    public int[] firstNonFinite() {
        for (int i = 0; i < data.length; i++) {
            if (!Double.isFinite(data[i])) {
                return new int[] {i / cols, i % cols};
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Matrix[" + rows + "x" + cols + "]";
    }
}
