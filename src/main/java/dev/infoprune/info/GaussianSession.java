package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * An incremental Gaussian estimate of how much a set S of units tells about a target T, on R subsamples: the session
 * starts with every unit in S, {@link #informationWithout(int)} estimates I(S∖{i};T) and {@link #remove(int)} takes a
 * unit out for good. Per subsample the correlation matrix of [units, T] is computed once; after that an estimate
 * costs O(|S|·|T| + |T|²) and a removal O(|S|² + |T|²), instead of two log-determinants per estimate.
 *
 * <p>The model: the units S are jointly Gaussian with T observed through a little noise (the {@code ridge},
 * relative to T's standardised variance), so that a target that is an exact function of S (the outputs of
 * the last hidden layer) has finite information: {@code I(S;T) = ½ log det(Σ_TT + λI) − ½ log det(Σ_T|S + λI)}.
 * With P = Σ_SS⁻¹ and b = Σ_TS P[:,i], removing unit i adds {@code b bᵀ / P_ii} to Σ_T|S, so
 * {@code Δ_i = ½ log(1 + bᵀ M b / P_ii)} with {@code M = (Σ_T|S + λI)⁻¹} (matrix determinant lemma); a removal
 * updates M by Sherman–Morrison and P by its Schur complement. A unit that is (numerically) a linear function
 * of the rest of S — a duplicate, a dead unit — carries nothing beyond S: its Δ is 0 exactly.
 *
 * <p>With {@code bias-corrected} every I(S;T) has its expected value under independence removed
 * ({@link GaussianParameters#independenceBias}), so that the Δ of a unit that adds nothing is centred on 0 rather
 * than on a small positive bias. Optionally each subsample carries one more variable z (a null model's noise),
 * whose Δ of being added to S is {@link #noiseGain()}. Deterministic: the same removals in the same order give
 * bit-identical results.
 */
public final class GaussianSession implements InformationSession {
    /** Added to Σ_SS so that it can be inverted when units are dead or duplicated. */
    private static final double UNIT_RIDGE = 1e-10;
    /** Below this conditional variance (of a unit with variance 1) a unit is a linear function of the rest of S. */
    private static final double COLLINEAR = 1e-7;

    private final GaussianParameters parameters;
    private final int units;
    private final int targets;
    private final Repeat[] repeats;
    private final double[] relevance;
    private final boolean[] active;
    private int setSize;

    /**
     * @param subsampleRows the rows of each subsample
     * @param noise         per subsample, the noise variable's value on each of its rows; null for none
     */
    public GaussianSession(Matrix layer, Matrix target, int[][] subsampleRows, double[][] noise, GaussianParameters parameters) {
        check(parameters);
        this.parameters = parameters;
        this.units = layer.cols();
        this.targets = target.cols();
        double[][] columns = new double[units + targets + 1][];
        for (int i = 0; i < units; i++) {
            columns[i] = layer.columnValues(i);
        }
        for (int j = 0; j < targets; j++) {
            columns[units + j] = target.columnValues(j);
        }
        this.repeats = new Repeat[subsampleRows.length];
        IntStream.range(0, repeats.length).parallel().forEach(r -> {
            double[][] cols = columns.clone();
            int count = units + targets;
            if (noise != null) {
                // the noise variable, defined on the subsample's rows
                double[] z = new double[layer.rows()];
                int[] rows = subsampleRows[r];
                for (int i = 0; i < rows.length; i++) {
                    z[rows[i]] = noise[r][i];
                }
                cols[count++] = z;
            }
            double[][] c = correlation(Arrays.copyOf(cols, count), subsampleRows[r]);
            repeats[r] = new Repeat(c, subsampleRows[r].length, noise != null);
        });
        this.relevance = unitInformation(correlation(Arrays.copyOf(columns, units + targets),
                IntStream.range(0, layer.rows()).toArray()));
        this.active = new boolean[units];
        Arrays.fill(active, true);
        this.setSize = units;
    }

    /** The session's model needs a positive ridge on T; an IllegalArgumentException says so. */
    public static GaussianParameters check(GaussianParameters parameters) {
        if (!(parameters.ridge() > 0)) {
            throw new IllegalArgumentException("gaussian ridge must be positive, got " + parameters.ridge());
        }
        return parameters;
    }

    @Override
    public EstimatorSpec spec() {
        return parameters.spec();
    }

    public int repeats() {
        return repeats.length;
    }

    /** I(unit; T) for every unit, on all rows (not bias-corrected): the order of the tests. */
    @Override
    public double[] relevance() {
        return relevance.clone();
    }

    /** I(S;T) per subsample. */
    public double[] information() {
        double[] out = new double[repeats.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = repeats[k].information() - bias(setSize, repeats[k].samples);
        }
        return out;
    }

    /** I(S∖{unit};T) per subsample. */
    public double[] informationWithout(int unit) {
        double[] out = new double[repeats.length];
        for (int k = 0; k < out.length; k++) {
            Repeat rep = repeats[k];
            out[k] = rep.information() - rep.delta(unit) - bias(setSize - 1, rep.samples);
        }
        return out;
    }

    public boolean hasNoise() {
        return repeats.length > 0 && repeats[0].hasNoise;
    }

    /** I(S ∪ {z};T) − I(S;T) per subsample, for the noise variable z ({@link #hasNoise()} must be true). */
    public double[] noiseGain() {
        double[] out = new double[repeats.length];
        for (int k = 0; k < out.length; k++) {
            Repeat rep = repeats[k];
            out[k] = rep.noiseDelta() - (bias(setSize + 1, rep.samples) - bias(setSize, rep.samples));
        }
        return out;
    }

    @Override
    public Comparison compare(int unit, Progress progress) {
        return new Comparison(information(), informationWithout(unit), hasNoise() ? noiseGain() : null);
    }

    @Override
    public void remove(int unit) {
        if (!active[unit]) {
            throw new IllegalStateException("unit " + unit + " was already removed");
        }
        for (Repeat rep : repeats) {
            rep.remove(unit);
        }
        active[unit] = false;
        setSize--;
    }

    private double bias(int k, int samples) {
        return parameters.biasCorrected() ? GaussianParameters.independenceBias(k, targets, samples) : 0;
    }

    private double[] unitInformation(double[][] c) {
        double[][] a = inverse(factor(block(c, units, units + targets, parameters.ridge())));
        double[] out = new double[units];
        for (int i = 0; i < units; i++) {
            double q = 0;
            for (int s = 0; s < targets; s++) {
                double cs = c[i][units + s];
                for (int u = 0; u < targets; u++) {
                    q += cs * a[s][u] * c[i][units + u];
                }
            }
            out[i] = c[i][i] == 0 ? 0 : -0.5 * Math.log(Math.max(1e-300, 1 - Math.min(q, 1)));
        }
        return out;
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

    /** x · y in four interleaved partial sums. */
    private static double dot(double[] x, double[] y) {
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
    private static double[][] block(double[][] a, int from, int to, double ridge) {
        int n = to - from;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[from + i], from, out[i], 0, n);
            out[i][i] += ridge;
        }
        return out;
    }

    /** The Cholesky factor of a positive definite matrix ({@link SpdInverse#factor}), row-major. */
    private static double[] factor(double[][] a) {
        int n = a.length;
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, flat, i * n, n);
        }
        double[] l = SpdInverse.factor(flat, n);
        if (l == null) {
            throw new ArithmeticException("matrix is not positive definite");
        }
        return l;
    }

    private static double[][] inverse(double[] factor) {
        int n = (int) Math.round(Math.sqrt(factor.length));
        double[] inv = SpdInverse.inverseOfFactor(factor, n);
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(inv, i * n, (i + 1) * n);
        }
        return out;
    }

    private static double logDet(double[] factor) {
        return SpdInverse.logDetOfFactor(factor, (int) Math.round(Math.sqrt(factor.length)));
    }

    /** The state of one subsample: P = Σ_SS⁻¹ over the active units, Σ_TS, M = (Σ_T|S + λI)⁻¹ and log-determinants. */
    private final class Repeat {
        final int samples;
        final boolean hasNoise;
        final double[][] p;
        final double[][] cTS;
        final double[][] m;
        final double logDetTT;
        double logDetG;
        final double[] zS;
        final double[] zT;

        Repeat(double[][] c, int samples, boolean withNoise) {
            this.samples = samples;
            this.hasNoise = withNoise;
            this.p = inverse(factor(block(c, 0, units, UNIT_RIDGE)));
            this.cTS = new double[targets][units];
            for (int t = 0; t < targets; t++) {
                System.arraycopy(c[units + t], 0, cTS[t], 0, units);
            }
            double[][] tt = block(c, units, units + targets, parameters.ridge());
            this.logDetTT = logDet(factor(tt));
            // G + λI = Σ_TT + λI − Σ_TS P Σ_ST
            double[][] sp = new double[targets][units];
            for (int t = 0; t < targets; t++) {
                for (int j = 0; j < units; j++) {
                    double s = 0;
                    double[] row = p[j];
                    double[] ct = cTS[t];
                    for (int i = 0; i < units; i++) {
                        s += ct[i] * row[i];
                    }
                    sp[t][j] = s;
                }
            }
            double[][] g = new double[targets][targets];
            for (int a = 0; a < targets; a++) {
                for (int b = 0; b <= a; b++) {
                    double v = tt[a][b] - dot(sp[a], cTS[b]);
                    g[a][b] = v;
                    g[b][a] = v;
                }
            }
            double[] lg = factor(g);
            this.logDetG = logDet(lg);
            this.m = inverse(lg);
            if (withNoise) {
                int z = units + targets;
                zS = new double[units];
                zT = new double[targets];
                System.arraycopy(c[z], 0, zS, 0, units);
                System.arraycopy(c[z], units, zT, 0, targets);
            } else {
                zS = null;
                zT = null;
            }
        }

        double information() {
            return 0.5 * (logDetTT - logDetG);
        }

        /** b = Σ_TS P[:, i] over the active units. */
        private double[] b(int i) {
            double[] b = new double[targets];
            for (int t = 0; t < targets; t++) {
                double[] ct = cTS[t];
                double s = 0;
                for (int j = 0; j < units; j++) {
                    if (active[j]) {
                        s += ct[j] * p[j][i];
                    }
                }
                b[t] = s;
            }
            return b;
        }

        private double quadratic(double[] b, double[] mb) {
            double q = 0;
            for (int t = 0; t < targets; t++) {
                double s = 0;
                for (int u = 0; u < targets; u++) {
                    s += m[t][u] * b[u];
                }
                mb[t] = s;
                q += b[t] * s;
            }
            return q;
        }

        double delta(int i) {
            double pii = p[i][i];
            if (1 / pii < COLLINEAR) {
                return 0;
            }
            double[] b = b(i);
            return 0.5 * Math.log1p(quadratic(b, new double[targets]) / pii);
        }

        /** Raw Δ of adding the noise variable z to S: ½ log(1 + rᵀ M r / Var(z|S)), r = Cov(T, z | S). */
        double noiseDelta() {
            double[] pz = new double[units];
            double vz = 1;
            for (int j = 0; j < units; j++) {
                if (!active[j]) {
                    continue;
                }
                double s = 0;
                for (int i = 0; i < units; i++) {
                    if (active[i]) {
                        s += p[j][i] * zS[i];
                    }
                }
                pz[j] = s;
                vz -= zS[j] * s;
            }
            double[] r = new double[targets];
            for (int t = 0; t < targets; t++) {
                double s = zT[t];
                for (int j = 0; j < units; j++) {
                    if (active[j]) {
                        s -= cTS[t][j] * pz[j];
                    }
                }
                r[t] = s;
            }
            if (vz < COLLINEAR) {
                return 0;
            }
            return 0.5 * Math.log1p(quadratic(r, new double[targets]) / vz);
        }

        void remove(int i) {
            double pii = p[i][i];
            if (1 / pii >= COLLINEAR) {
                double[] b = b(i);
                double[] mb = new double[targets];
                double q = quadratic(b, mb);
                double denom = pii + q;
                for (int t = 0; t < targets; t++) {
                    for (int u = 0; u < targets; u++) {
                        m[t][u] -= mb[t] * mb[u] / denom;
                    }
                }
                logDetG += Math.log1p(q / pii);
            }
            double[] pi = p[i];
            for (int j = 0; j < units; j++) {
                if (!active[j] || j == i) {
                    continue;
                }
                double f = p[j][i] / pii;
                if (f == 0) {
                    continue;
                }
                double[] pj = p[j];
                for (int l = 0; l < units; l++) {
                    pj[l] -= f * pi[l];
                }
            }
            for (int j = 0; j < units; j++) {
                p[j][i] = 0;
                pi[j] = 0;
            }
        }
    }
}
