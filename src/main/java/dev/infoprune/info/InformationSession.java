package dev.infoprune.info;

import dev.infoprune.core.Progress;

/**
 * An incremental estimate of how much a set S of units tells about a fixed target T, on R repeats (subsamples or
 * held-out splits): the session starts with every unit in S, {@link #compare} estimates I(S;T) and I(S∖{unit};T)
 * per repeat, and {@link #remove} takes a unit out of S for good. Deterministic: the same removals in the same
 * order give bit-identical results. Implemented by {@link GaussianSession} (closed form), {@link EstimatorSession}
 * (any {@link InformationEstimator}) and the loss-based {@link LossSession}s.
 */
public interface InformationSession {
    /** The estimator's name and parameters, for plans, traces and legends. */
    EstimatorSpec spec();

    /** A cheap relevance of each unit to T on its own, to order the tests (least relevant first). */
    double[] relevance();

    /** I(S;T) and I(S∖{unit};T) per repeat and, where the session carries a noise variable z, I(S ∪ {z};T) − I(S;T). */
    Comparison compare(int unit, Progress progress);

    /** Takes a unit out of S for good. */
    void remove(int unit);

    /** @param noiseGains per repeat; null when the session has no noise variable */
    record Comparison(double[] with, double[] without, double[] noiseGains) {
    }
}
