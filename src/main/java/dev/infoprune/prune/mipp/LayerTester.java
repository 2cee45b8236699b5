package dev.infoprune.prune.mipp;

import dev.infoprune.core.Progress;
import dev.infoprune.info.EstimatorSpec;

/**
 * The information side of MIPP for one layer and its fixed target T: scores units for the test order, tests
 * a unit against the current set S on every subsample, and removes units from S. Deterministic: the same
 * removals in the same order give bit-identical results.
 */
interface LayerTester {
    EstimatorSpec spec();

    /** I(unit; T) for every unit of the layer, on all probe samples. */
    double[] unitInformation();

    /** I(S;T) and I(S∖{unit};T) per subsample, and the null model's Δ per subsample when it is on. */
    Trial test(int unit, Progress progress);

    void remove(int unit);

    record Trial(double[] with, double[] without, double[] nullDeltas) {
    }
}
