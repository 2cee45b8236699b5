package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;

import java.util.Arrays;

/**
 * An {@link InformationSession} on any {@link InformationEstimator} (ksg, renyi, predictive, ...): each comparison
 * estimates I(S∖{i};T) on every subsample; I(S;T) is carried over from the previous removal, so a comparison costs
 * R estimates (2R with a noise variable). Δ is the estimator's own difference, without any bias correction: use a noise variable with
 * estimators whose estimates grow with dimension. Units and targets are standardised per subsample; a unit that
 * is constant or an exact copy of another unit still in S gets Δ = 0 exactly (no estimate).
 */
public final class EstimatorSession implements InformationSession {
    private final InformationEstimator estimator;
    private final Matrix[] layer;
    private final Matrix[] target;
    private final Matrix[] noise;
    private final double[] unitInformation;
    private final boolean[] active;
    private final double[] with;
    private int lastTested = -1;
    private double[] lastWithout;

    /**
     * @param subsampleRows the rows of each subsample
     * @param noiseColumns  per subsample, a noise variable's value on each of its rows; null for none
     */
    public EstimatorSession(InformationEstimator estimator, Matrix layerActivations, Matrix targetActivations,
                            int[][] subsampleRows, double[][] noiseColumns, Progress progress) {
        this.estimator = estimator;
        int r = subsampleRows.length;
        this.layer = new Matrix[r];
        this.target = new Matrix[r];
        this.noise = noiseColumns == null ? null : new Matrix[r];
        for (int k = 0; k < r; k++) {
            layer[k] = standardised(layerActivations.selectRows(subsampleRows[k]));
            target[k] = standardised(targetActivations.selectRows(subsampleRows[k]));
            if (noise != null) {
                noise[k] = Matrix.column(noiseColumns[k]);
            }
        }
        int units = layerActivations.cols();
        this.unitInformation = new double[units];
        for (int i = 0; i < units; i++) {
            progress.checkCancelled();
            progress.update("ordering units by I(unit; T)", i, units);
            unitInformation[i] = estimator.mutualInformation(layerActivations.selectColumns(new int[] {i}), targetActivations).nats();
        }
        this.active = new boolean[units];
        Arrays.fill(active, true);
        this.with = new double[r];
        for (int k = 0; k < r; k++) {
            progress.checkCancelled();
            with[k] = estimator.mutualInformation(layer[k], target[k]).nats();
        }
    }

    /**
     * Every column centred and scaled to unit variance (a constant column is only centred). MI does not change
     * under such maps, but nearest-neighbour (max-norm) and kernel estimators do: without it a unit with a large
     * scale dominates the distances, whatever it carries.
     */
    static Matrix standardised(Matrix m) {
        int n = m.rows();
        int c = m.cols();
        double[] src = m.data();
        double[] out = new double[src.length];
        for (int j = 0; j < c; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += src[i * c + j];
            }
            mean /= n;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = src[i * c + j] - mean;
                ss += d * d;
            }
            double sd = Math.sqrt(ss / Math.max(1, n - 1));
            double scale = sd > 1e-12 ? 1 / sd : 1;
            for (int i = 0; i < n; i++) {
                out[i * c + j] = (src[i * c + j] - mean) * scale;
            }
        }
        return Matrix.wrap(n, c, out);
    }

    @Override
    public EstimatorSpec spec() {
        return estimator.spec();
    }

    @Override
    public double[] relevance() {
        return unitInformation.clone();
    }

    private int[] activeWithout(int unit) {
        return java.util.stream.IntStream.range(0, active.length).filter(j -> active[j] && j != unit).toArray();
    }

    @Override
    public Comparison compare(int unit, Progress progress) {
        int r = layer.length;
        int[] rest = activeWithout(unit);
        int[] all = activeWithout(-1);
        double[] without = new double[r];
        double[] nullDeltas = noise == null ? null : new double[r];
        for (int k = 0; k < r; k++) {
            progress.checkCancelled();
            if (addsNothing(layer[k], unit, rest)) {
                // by the data processing inequality a constant or a copy of a unit still in S carries nothing
                // more; estimators would only add their tie-breaking noise to an exact 0
                without[k] = with[k];
                if (nullDeltas != null) {
                    nullDeltas[k] = 0;
                }
                continue;
            }
            without[k] = rest.length == 0 ? 0 : estimator.mutualInformation(layer[k].selectColumns(rest), target[k]).nats();
            if (nullDeltas != null) {
                Matrix withNoise = layer[k].selectColumns(all).appendColumns(noise[k]);
                nullDeltas[k] = estimator.mutualInformation(withNoise, target[k]).nats() - with[k];
            }
        }
        lastTested = unit;
        lastWithout = without.clone();
        return new Comparison(with.clone(), without, nullDeltas);
    }

    /** True when column {@code unit} is constant or equal, sample by sample, to one of the columns {@code rest}. */
    static boolean addsNothing(Matrix m, int unit, int[] rest) {
        int n = m.rows();
        int c = m.cols();
        double[] d = m.data();
        boolean constant = true;
        for (int i = 1; i < n && constant; i++) {
            constant = d[i * c + unit] == d[unit];
        }
        if (constant) {
            return true;
        }
        for (int other : rest) {
            boolean same = true;
            for (int i = 0; i < n && same; i++) {
                same = d[i * c + unit] == d[i * c + other];
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void remove(int unit) {
        if (!active[unit]) {
            throw new IllegalStateException("unit " + unit + " was already removed");
        }
        if (lastTested == unit) {
            System.arraycopy(lastWithout, 0, with, 0, with.length);
        } else {
            int[] rest = activeWithout(unit);
            for (int k = 0; k < with.length; k++) {
                with[k] = rest.length == 0 ? 0 : estimator.mutualInformation(layer[k].selectColumns(rest), target[k]).nats();
            }
        }
        active[unit] = false;
        lastTested = -1;
    }
}
