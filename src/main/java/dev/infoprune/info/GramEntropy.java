package dev.infoprune.info;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Matrix-based Rényi α-entropies S_α(A) = log(Σ λ_i^α) / (1 − α) (α = 1: −Σ λ log λ) of A = P / tr P, where P
 * is a {@link Term}: the Hadamard product of some of the {@link GaussianKernels}, and optionally of the labels'
 * delta kernel [l_i = l_j], which makes P block-diagonal by class so that its spectrum is the union of the
 * blocks' spectra. All the terms of one estimate are taken in one parallel pass over the rows of the kernels.
 *
 * <p>α = 2: Σ λ² = ‖A‖²_F, summed during the pass in double precision (partial sums per row, added in row
 * order), with no matrix stored at all. Any other α: the pass writes each term's upper triangle to native
 * memory, then the terms' eigenvalues are computed in parallel, one LAPACK tridiagonal reduction each
 * ({@link NativeLinearAlgebra#eigenvalues}): in single precision for blocks of {@value #SINGLE_PRECISION_FROM}
 * rows or more when α ≥ 1 (about twice as fast), in double otherwise. Eigenvalues below the rounding floor
 * m · ε · λ_max are taken as 0, so that a Gram matrix of low rank gains no entropy from rounding, which matters
 * most for α &lt; 1.
 */
final class GramEntropy {
    static final int SINGLE_PRECISION_FROM = 400;

    /** The Hadamard product of the kernels with these indices, and of the labels' delta kernel when labels is not null. */
    record Term(int[] kernels, int[] labels) {
        static Term of(int... kernels) {
            return new Term(kernels, null);
        }

        Term withLabels(int[] denseLabels) {
            return new Term(kernels, denseLabels);
        }
    }

    private final double alpha;

    GramEntropy(double alpha) {
        this.alpha = alpha;
    }

    /** S_α of every term, in the order given. */
    double[] of(GaussianKernels kernels, Term... terms) {
        return alpha == 2 ? frobenius(kernels, terms) : spectral(kernels, terms);
    }

    /** One parallel task's rows: the kernels' and the terms' products (entries j ≥ i of row i), and room for a block row. */
    private static final class Rows {
        final double[][] kernels;
        final double[][] products;
        final double[] block;
        final float[] singles;

        Rows(int kernelCount, int termCount, int n) {
            kernels = new double[kernelCount][n];
            products = new double[termCount][n];
            block = new double[n];
            singles = new float[n];
        }

        /** Fills the kernels' rows at i and each term's product row. */
        void fill(GaussianKernels k, Term[] terms, int i) {
            int n = k.samples();
            for (int f = 0; f < kernels.length; f++) {
                k.row(f, i, kernels[f]);
            }
            for (int t = 0; t < terms.length; t++) {
                int[] fs = terms[t].kernels();
                double[] p = products[t];
                System.arraycopy(kernels[fs[0]], i, p, i, n - i);
                for (int q = 1; q < fs.length; q++) {
                    double[] r = kernels[fs[q]];
                    for (int j = i; j < n; j++) {
                        p[j] *= r[j];
                    }
                }
            }
        }
    }

    private double[] frobenius(GaussianKernels kernels, Term[] terms) {
        int n = kernels.samples();
        double[][] squares = new double[terms.length][n];
        double[][] diagonal = new double[terms.length][n];
        GaussianKernels.inParallel(n, () -> new Rows(kernels.count(), terms.length, n), (rows, i) -> {
            rows.fill(kernels, terms, i);
            for (int t = 0; t < terms.length; t++) {
                double[] p = rows.products[t];
                int[] labels = terms[t].labels();
                double s = 0;
                for (int j = i + 1; j < n; j++) {
                    if (labels == null || labels[i] == labels[j]) {
                        s += p[j] * p[j];
                    }
                }
                squares[t][i] = 2 * s + p[i] * p[i];
                diagonal[t][i] = p[i];
            }
        });
        double[] out = new double[terms.length];
        for (int t = 0; t < terms.length; t++) {
            double sum = 0;
            double trace = 0;
            for (int i = 0; i < n; i++) {
                sum += squares[t][i];
                trace += diagonal[t][i];
            }
            out[t] = -Math.log(sum / (trace * trace));
        }
        return out;
    }

    /** One symmetric matrix to decompose: a term's product on some rows (all of them, or one class), in native memory. */
    private final class Block {
        final int term;
        final int size;
        final boolean single;
        final Pointer matrix;

        Block(int term, int size) {
            this.term = term;
            this.size = size;
            this.single = size >= SINGLE_PRECISION_FROM && alpha >= 1;
            this.matrix = single ? new FloatPointer((long) size * size) : new DoublePointer((long) size * size);
        }

        /**
         * Writes values[from, from + length) as row a of the upper triangle, from position (a, a); thread-safe
         * for distinct rows. {@code singles} is scratch room for the single-precision copy.
         */
        void putRow(int a, double[] values, int from, int length, float[] singles) {
            int at = a * size + a;
            if (single) {
                for (int b = 0; b < length; b++) {
                    singles[b] = (float) values[from + b];
                }
                FloatBuffer buffer = ((FloatPointer) matrix).asBuffer();
                buffer.put(at, singles, 0, length);
            } else {
                DoubleBuffer buffer = ((DoublePointer) matrix).asBuffer();
                buffer.put(at, values, from, length);
            }
        }

        /** The eigenvalues with those below the rounding floor set to 0; frees the matrix. */
        double[] eigenvalues() {
            double[] ev;
            try (Pointer m = matrix) {
                ev = single ? NativeLinearAlgebra.eigenvalues((FloatPointer) m, size) : NativeLinearAlgebra.eigenvalues((DoublePointer) m, size);
            }
            double max = 0;
            for (double v : ev) {
                max = Math.max(max, v);
            }
            double floor = size * (single ? 1.2e-7 : 2.3e-16) * max;
            for (int i = 0; i < size; i++) {
                if (ev[i] < floor) {
                    ev[i] = 0;
                }
            }
            return ev;
        }
    }

    private double[] spectral(GaussianKernels kernels, Term[] terms) {
        int n = kernels.samples();
        // blocks[t][c]: the block of term t for class c (a single block, c = 0, without labels)
        List<Block> all = new ArrayList<>();
        Block[][] blocks = new Block[terms.length][];
        int[][] positions = new int[terms.length][];
        for (int t = 0; t < terms.length; t++) {
            int[] labels = terms[t].labels();
            int classes = labels == null ? 1 : Samples.classCount(labels);
            int[] sizes = new int[classes];
            positions[t] = new int[n];
            for (int i = 0; i < n; i++) {
                int c = labels == null ? 0 : labels[i];
                positions[t][i] = sizes[c]++;
            }
            blocks[t] = new Block[classes];
            for (int c = 0; c < classes; c++) {
                blocks[t][c] = new Block(t, sizes[c]);
                all.add(blocks[t][c]);
            }
        }
        double[] trace = new double[terms.length];
        double[][] diagonal = new double[terms.length][n];
        GaussianKernels.inParallel(n, () -> new Rows(kernels.count(), terms.length, n), (rows, i) -> {
            rows.fill(kernels, terms, i);
            for (int t = 0; t < terms.length; t++) {
                double[] p = rows.products[t];
                diagonal[t][i] = p[i];
                int[] labels = terms[t].labels();
                if (labels == null) {
                    blocks[t][0].putRow(i, p, i, n - i, rows.singles);
                    continue;
                }
                int length = 0;
                for (int j = i; j < n; j++) {
                    if (labels[j] == labels[i]) {
                        rows.block[length++] = p[j];
                    }
                }
                blocks[t][labels[i]].putRow(positions[t][i], rows.block, 0, length, rows.singles);
            }
        });
        for (int t = 0; t < terms.length; t++) {
            for (int i = 0; i < n; i++) {
                trace[t] += diagonal[t][i];
            }
        }
        double[][] spectra = all.parallelStream().map(Block::eigenvalues).toArray(double[][]::new);
        double[] sums = new double[terms.length];
        for (int b = 0; b < all.size(); b++) {
            int t = all.get(b).term;
            sums[t] += powerSum(spectra[b], trace[t]);
        }
        double[] out = new double[terms.length];
        for (int t = 0; t < terms.length; t++) {
            out[t] = alpha == 1 ? sums[t] : Math.log(sums[t]) / (1 - alpha);
        }
        return out;
    }

    /** Σ l^α (α = 1: Σ −l log l) over the positive normalised eigenvalues l = λ / trace. */
    private double powerSum(double[] ev, double trace) {
        double s = 0;
        for (double v : ev) {
            double l = Math.max(0, v / trace);
            if (l > 0) {
                s += alpha == 1 ? -l * Math.log(l) : Math.pow(l, alpha);
            }
        }
        return s;
    }
}
