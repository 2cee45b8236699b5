package dev.infoprune.prune.mipp;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.info.EstimatorSpec;
import org.apache.commons.math3.special.Gamma;

import java.util.Map;

/**
 * MIPP's Gaussian estimator, incremental. Per subsample the correlation matrix of [layer units, T] is computed
 * once; after that a test costs O(|S|·|T| + |T|²) and a removal O(|S|² + |T|²), instead of two
 * log-determinants per test.
 *
 * <p>The model: the units S are jointly Gaussian with T observed through a little noise (the {@code ridge},
 * relative to T's standardised variance), so that a target that is an exact function of S (the outputs of
 * the last hidden layer) has finite information: {@code I(S;T) = ½ log det(Σ_TT + λI) − ½ log det(Σ_T|S + λI)}.
 * With P = Σ_SS⁻¹ and b = Σ_TS P[:,i], removing unit i adds {@code b bᵀ / P_ii} to Σ_T|S, so
 * {@code Δ_i = ½ log(1 + bᵀ M b / P_ii)} with {@code M = (Σ_T|S + λI)⁻¹} (matrix determinant lemma); a removal
 * updates M by Sherman–Morrison and P by its Schur complement. A unit that is (numerically) a linear function
 * of the rest of S — a duplicate, a dead unit — carries nothing beyond S: its Δ is 0 exactly.
 *
 * <p>With {@code bias-corrected} (default) every I(S;T) has its expected value under independence removed
 * (the Gaussian plug-in estimate is −½ ln of Wilks' Λ, whose expectation is a sum of digammas), so that the Δ
 * of a unit that adds nothing is centred on 0 rather than on a small positive bias, which would otherwise
 * make every unit look significant.
 */
final class GaussianLayerTester implements LayerTester {
    static final String NAME = "gaussian";
    static final double DEFAULT_RIDGE = 1e-3;
    /** Added to Σ_SS so that it can be inverted when units are dead or duplicated. */
    private static final double UNIT_RIDGE = 1e-10;
    /** Below this conditional variance (of a unit with variance 1) a unit is a linear function of the rest of S. */
    private static final double COLLINEAR = 1e-7;

    private final EstimatorSpec spec;
    private final double ridge;
    private final boolean biasCorrected;
    private final int units;
    private final int targets;
    private final Repeat[] repeats;
    private final double[] unitInformation;
    private final boolean[] active;
    private int setSize;

    static EstimatorSpec defaultSpec() {
        return new EstimatorSpec(NAME, Map.of("ridge", DEFAULT_RIDGE, "bias-corrected", true));
    }

    /** Accepts the spec's {@code ridge} and {@code bias-corrected} parameters; others are an error. */
    static EstimatorSpec normalise(EstimatorSpec spec) {
        double ridge = DEFAULT_RIDGE;
        boolean corrected = true;
        for (Map.Entry<String, Object> e : spec.parameters().entrySet()) {
            switch (e.getKey()) {
                case "ridge" -> ridge = Double.parseDouble(String.valueOf(e.getValue()));
                case "bias-corrected" -> corrected = Boolean.parseBoolean(String.valueOf(e.getValue()));
                default -> throw new IllegalArgumentException("the gaussian estimator has no parameter " + e.getKey()
                        + " (it takes ridge and bias-corrected)");
            }
        }
        if (!(ridge > 0)) {
            throw new IllegalArgumentException("gaussian ridge must be positive, got " + ridge);
        }
        return new EstimatorSpec(NAME, Map.of("ridge", ridge, "bias-corrected", corrected));
    }

    GaussianLayerTester(EstimatorSpec spec, Matrix layer, Matrix target, int[][] subsampleRows, double[][] noise) {
        this.spec = normalise(spec);
        this.ridge = ((Number) this.spec.parameters().get("ridge")).doubleValue();
        this.biasCorrected = (Boolean) this.spec.parameters().get("bias-corrected");
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
        java.util.stream.IntStream.range(0, repeats.length).parallel().forEach(r -> {
            double[][] cols = columns.clone();
            int count = units + targets;
            if (noise != null) {
                // the null model's variable, defined on the subsample's rows
                double[] z = new double[layer.rows()];
                int[] rows = subsampleRows[r];
                for (int i = 0; i < rows.length; i++) {
                    z[rows[i]] = noise[r][i];
                }
                cols[count++] = z;
            }
            double[][] c = Covariances.correlation(java.util.Arrays.copyOf(cols, count), subsampleRows[r]);
            repeats[r] = new Repeat(c, subsampleRows[r].length, noise != null);
        });
        int[] all = new int[layer.rows()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        this.unitInformation = unitInformation(Covariances.correlation(java.util.Arrays.copyOf(columns, units + targets), all));
        this.active = new boolean[units];
        java.util.Arrays.fill(active, true);
        this.setSize = units;
    }

    private double[] unitInformation(double[][] c) {
        double[][] a = Covariances.inverseFromCholesky(Covariances.cholesky(Covariances.block(c, units, units + targets, ridge)));
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

    @Override
    public EstimatorSpec spec() {
        return spec;
    }

    @Override
    public double[] unitInformation() {
        return unitInformation.clone();
    }

    @Override
    public Trial test(int unit, Progress progress) {
        int r = repeats.length;
        double[] with = new double[r];
        double[] without = new double[r];
        double[] nullDeltas = repeats[0].hasNull ? new double[r] : null;
        for (int k = 0; k < r; k++) {
            Repeat rep = repeats[k];
            double raw = rep.information();
            double delta = rep.delta(unit);
            with[k] = raw - bias(setSize, rep.samples);
            without[k] = raw - delta - bias(setSize - 1, rep.samples);
            if (nullDeltas != null) {
                nullDeltas[k] = rep.nullDelta() - (bias(setSize + 1, rep.samples) - bias(setSize, rep.samples));
            }
        }
        return new Trial(with, without, nullDeltas);
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

    /** E[Î(S;T)] under independence with |S| = k, |T| = t, m samples: ½ Σ_j ψ((ν−j+1)/2) − ψ((ν−k−j+1)/2), ν = m−1. */
    double bias(int k, int samples) {
        if (!biasCorrected || k == 0) {
            return 0;
        }
        int nu = samples - 1;
        if (nu - k - targets + 1 <= 0) {
            throw new IllegalArgumentException("the Gaussian estimate needs more samples per subsample (" + samples
                    + ") than units plus targets (" + (k + targets) + ")");
        }
        double s = 0;
        for (int j = 1; j <= targets; j++) {
            s += Gamma.digamma((nu - j + 1) / 2.0) - Gamma.digamma((nu - k - j + 1) / 2.0);
        }
        return 0.5 * s;
    }

    /** The state of one subsample: P = Σ_SS⁻¹ over the active units, Σ_TS, M = (Σ_T|S + λI)⁻¹ and log-determinants. */
    private final class Repeat {
        final int samples;
        final boolean hasNull;
        final double[][] p;
        final double[][] cTS;
        final double[][] m;
        final double logDetTT;
        double logDetG;
        final double[] zS;
        final double[] zT;

        Repeat(double[][] c, int samples, boolean withNull) {
            this.samples = samples;
            this.hasNull = withNull;
            this.p = Covariances.inverseFromCholesky(Covariances.cholesky(Covariances.block(c, 0, units, UNIT_RIDGE)));
            this.cTS = new double[targets][units];
            for (int t = 0; t < targets; t++) {
                System.arraycopy(c[units + t], 0, cTS[t], 0, units);
            }
            double[][] tt = Covariances.block(c, units, units + targets, ridge);
            this.logDetTT = Covariances.logDetFromCholesky(Covariances.cholesky(tt));
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
                    double v = tt[a][b] - Covariances.dot(sp[a], cTS[b]);
                    g[a][b] = v;
                    g[b][a] = v;
                }
            }
            double[][] lg = Covariances.cholesky(g);
            this.logDetG = Covariances.logDetFromCholesky(lg);
            this.m = Covariances.inverseFromCholesky(lg);
            if (withNull) {
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

        /** Raw Δ of adding the null model's variable z to S: ½ log(1 + rᵀ M r / Var(z|S)), r = Cov(T, z | S). */
        double nullDelta() {
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
