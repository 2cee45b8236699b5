package dev.infoprune.prune.mipp;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.info.EstimatorSpec;
import dev.infoprune.info.InformationEstimator;

import java.util.Arrays;

/**
 * MIPP with any {@link InformationEstimator} (ksg, renyi, predictive, ...): each test estimates I(S∖{i};T) on
 * every subsample; I(S;T) is carried over from the previous removal, so a test costs R estimates (2R with the
 * null model). Δ is the estimator's own difference, without any bias correction: use the null model with
 * estimators whose estimates grow with dimension.
 */
final class EstimatorLayerTester implements LayerTester {
    private final InformationEstimator estimator;
    private final Matrix[] layer;
    private final Matrix[] target;
    private final Matrix[] noise;
    private final double[] unitInformation;
    private final boolean[] active;
    private final double[] with;
    private int lastTested = -1;
    private double[] lastWithout;

    EstimatorLayerTester(InformationEstimator estimator, Matrix layerActivations, Matrix targetActivations,
                         int[][] subsampleRows, double[][] noiseColumns, Progress progress) {
        this.estimator = estimator;
        int r = subsampleRows.length;
        this.layer = new Matrix[r];
        this.target = new Matrix[r];
        this.noise = noiseColumns == null ? null : new Matrix[r];
        for (int k = 0; k < r; k++) {
            layer[k] = layerActivations.selectRows(subsampleRows[k]);
            target[k] = targetActivations.selectRows(subsampleRows[k]);
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

    @Override
    public EstimatorSpec spec() {
        return estimator.spec();
    }

    @Override
    public double[] unitInformation() {
        return unitInformation.clone();
    }

    private int[] activeWithout(int unit) {
        return java.util.stream.IntStream.range(0, active.length).filter(j -> active[j] && j != unit).toArray();
    }

    @Override
    public Trial test(int unit, Progress progress) {
        int r = layer.length;
        int[] rest = activeWithout(unit);
        int[] all = activeWithout(-1);
        double[] without = new double[r];
        double[] nullDeltas = noise == null ? null : new double[r];
        for (int k = 0; k < r; k++) {
            progress.checkCancelled();
            without[k] = rest.length == 0 ? 0 : estimator.mutualInformation(layer[k].selectColumns(rest), target[k]).nats();
            if (nullDeltas != null) {
                Matrix withNoise = layer[k].selectColumns(all).appendColumns(noise[k]);
                nullDeltas[k] = estimator.mutualInformation(withNoise, target[k]).nats() - with[k];
            }
        }
        lastTested = unit;
        lastWithout = without.clone();
        return new Trial(with.clone(), without, nullDeltas);
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
