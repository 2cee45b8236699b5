package dev.infoprune.prune.mipp;

import dev.infoprune.info.EstimatorSpec;
import dev.infoprune.info.LossSessions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The knobs of one MIPP run. {@code confidence} is the only sparsity knob: a unit stays when the one-sided
 * interval at this level puts its Δ above zero (or above the null model's Δ).
 *
 * @param estimator  the information estimator: {@code reconstruction} (the paper's loss-based estimate, default),
 *                   {@code ridge-cv} (its fast closed-form mode), {@code gaussian} (a fast incremental path), or any
 *                   plug-in estimator
 * @param repeats    R, the number of seeded subsamples each Δ is estimated on (at least 2)
 * @param confidence x, the one-sided confidence level, in (0, 1)
 * @param subsample  the fraction of probe samples in each subsample, in (0, 1] (the information estimators; the
 *                   loss-based ones hold out rows instead)
 * @param nullModel  compare Δ with the Δ of an injected random Gaussian variable instead of with 0
 * @param seed       seeds the subsamples and the null model's variables
 */
public record MippSettings(EstimatorSpec estimator, int repeats, double confidence, double subsample,
                           boolean nullModel, long seed) {
    public static final int DEFAULT_REPEATS = 5;
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final double DEFAULT_SUBSAMPLE = 0.8;

    public MippSettings {
        if (repeats < 2) {
            throw new IllegalArgumentException("MIPP needs at least 2 repeats for a confidence interval, got " + repeats);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1 (exclusive), got " + confidence);
        }
        if (!(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("subsample fraction must be in (0, 1], got " + subsample);
        }
        if (nullModel && LossSessions.handles(estimator.name())) {
            throw new IllegalArgumentException("the null model applies to the gaussian and plug-in estimators; "
                    + estimator.name() + " re-fits the \"with\" side the same way instead");
        }
    }

    /** The paper's MIPP: the reconstruction estimator, R = 5, x = 0.95. */
    public static MippSettings defaults() {
        return new MippSettings(LossSessions.defaultSpec(), DEFAULT_REPEATS, DEFAULT_CONFIDENCE,
                DEFAULT_SUBSAMPLE, false, 0);
    }

    /** The linear-Gaussian estimator on subsamples (the estimator MIPP used before the paper's was built). */
    public static MippSettings gaussian() {
        return defaults().withEstimator(MippEstimators.GAUSSIAN.spec());
    }

    public MippSettings withEstimator(EstimatorSpec spec) {
        return new MippSettings(spec, repeats, confidence, subsample, nullModel, seed);
    }

    public MippSettings withRepeats(int r) {
        return new MippSettings(estimator, r, confidence, subsample, nullModel, seed);
    }

    public MippSettings withConfidence(double x) {
        return new MippSettings(estimator, repeats, x, subsample, nullModel, seed);
    }

    public MippSettings withSubsample(double f) {
        return new MippSettings(estimator, repeats, confidence, f, nullModel, seed);
    }

    public MippSettings withNullModel(boolean on) {
        return new MippSettings(estimator, repeats, confidence, subsample, on, seed);
    }

    public MippSettings withSeed(long s) {
        return new MippSettings(estimator, repeats, confidence, subsample, nullModel, s);
    }

    /** The settings as they go into plan.json and trace.json. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("estimator", estimator.describe());
        m.put("repeats", repeats);
        m.put("confidence", confidence);
        m.put("subsample", subsample);
        m.put("nullModel", nullModel);
        return m;
    }
}
