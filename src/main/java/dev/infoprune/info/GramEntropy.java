package dev.infoprune.info;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;

/**
 * The matrix-based Rényi α-entropy S_α(A) = log(Σ λ_i^α) / (1 − α) (α = 1: −Σ λ log λ) of A = P / tr P, where P
 * is the Hadamard product of Gram matrices given by their upper triangles ({@link GaussianGram}), and optionally
 * of the labels' delta kernel [l_i = l_j]: P is then block-diagonal by class and its spectrum is the union of the
 * blocks' spectra. The product is never stored as a Java array.
 *
 * <p>α = 2: Σ λ² = ‖A‖²_F, one pass over the triangle, in double precision, partial sums per row added in row
 * order. Any other α: the eigenvalues of P by tridiagonal reduction ({@link NativeLinearAlgebra#eigenvalues}), in
 * single precision from {@value #SINGLE_PRECISION_FROM} rows on when α ≥ 1 (about twice as fast), in double
 * otherwise; eigenvalues below the rounding floor n · ε · λ_max are taken as 0, so that a Gram matrix of low
 * rank gains no entropy from rounding, which matters most for α &lt; 1.
 */
final class GramEntropy {
    static final int SINGLE_PRECISION_FROM = 400;

    private final double alpha;

    GramEntropy(double alpha) {
        this.alpha = alpha;
    }

    /** S_α of the normalised Hadamard product of the factors (upper triangles of n × n), same-label pairs only when labels are given. */
    double of(int n, int[] labels, double[]... factors) {
        if (alpha == 2) {
            return frobenius(n, labels, factors);
        }
        if (labels == null) {
            return fromEigenvalues(eigenvalues(n, IntStream.range(0, n).toArray(), factors), trace(n, factors));
        }
        int classes = Samples.classCount(labels);
        double[] all = new double[n];
        int filled = 0;
        for (int c = 0; c < classes; c++) {
            int cc = c;
            int[] rows = IntStream.range(0, n).filter(i -> labels[i] == cc).toArray();
            double[] ev = eigenvalues(n, rows, factors);
            System.arraycopy(ev, 0, all, filled, ev.length);
            filled += ev.length;
        }
        return fromEigenvalues(all, trace(n, factors));
    }

    private static double product(double[][] factors, int at) {
        double v = factors[0][at];
        for (int f = 1; f < factors.length; f++) {
            v *= factors[f][at];
        }
        return v;
    }

    private static double trace(int n, double[][] factors) {
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += product(factors, i * n + i);
        }
        return t;
    }

    private double frobenius(int n, int[] labels, double[][] factors) {
        double[] rowSums = new double[n];
        GaussianGram.balancedRows(n, i -> {
            int row = i * n;
            double s = 0;
            for (int j = i + 1; j < n; j++) {
                if (labels == null || labels[i] == labels[j]) {
                    double v = product(factors, row + j);
                    s += v * v;
                }
            }
            double diagonal = product(factors, row + i);
            rowSums[i] = 2 * s + diagonal * diagonal;
        });
        double sum = 0;
        for (double s : rowSums) {
            sum += s;
        }
        double trace = trace(n, factors);
        return -Math.log(sum / (trace * trace));
    }

    /** Eigenvalues of the product restricted to the given (ascending) rows and columns, floored. */
    private double[] eigenvalues(int n, int[] rows, double[][] factors) {
        int m = rows.length;
        boolean single = m >= SINGLE_PRECISION_FROM && alpha >= 1;
        double[] ev;
        if (single) {
            try (FloatPointer block = new FloatPointer((long) m * m)) {
                FloatBuffer buffer = block.asBuffer();
                GaussianGram.balancedRows(m, a -> {
                    float[] row = new float[m - a];
                    for (int b = a; b < m; b++) {
                        row[b - a] = (float) product(factors, rows[a] * n + rows[b]);
                    }
                    buffer.put(a * m + a, row);
                });
                ev = NativeLinearAlgebra.eigenvalues(block, m);
            }
        } else {
            try (DoublePointer block = new DoublePointer((long) m * m)) {
                DoubleBuffer buffer = block.asBuffer();
                GaussianGram.balancedRows(m, a -> {
                    double[] row = new double[m - a];
                    for (int b = a; b < m; b++) {
                        row[b - a] = product(factors, rows[a] * n + rows[b]);
                    }
                    buffer.put(a * m + a, row);
                });
                ev = NativeLinearAlgebra.eigenvalues(block, m);
            }
        }
        double max = 0;
        for (double v : ev) {
            max = Math.max(max, v);
        }
        double floor = m * (single ? 1.2e-7 : 2.3e-16) * max;
        for (int i = 0; i < m; i++) {
            if (ev[i] < floor) {
                ev[i] = 0;
            }
        }
        return ev;
    }

    private double fromEigenvalues(double[] ev, double trace) {
        double s = 0;
        for (double v : ev) {
            double l = Math.max(0, v / trace);
            if (l > 0) {
                s += alpha == 1 ? -l * Math.log(l) : Math.pow(l, alpha);
            }
        }
        return alpha == 1 ? s : Math.log(s) / (1 - alpha);
    }
}
