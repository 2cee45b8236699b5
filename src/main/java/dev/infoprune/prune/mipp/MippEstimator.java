package dev.infoprune.prune.mipp;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.info.EstimatorSession;
import dev.infoprune.info.EstimatorSpec;
import dev.infoprune.info.GaussianParameters;
import dev.infoprune.info.GaussianSession;
import dev.infoprune.info.InformationEstimator;
import dev.infoprune.info.InformationSession;
import dev.infoprune.info.LossSessions;

/**
 * Which estimate a MIPP run tests units on, as an explicit choice: a loss-based session (reconstruction, ridge-cv),
 * the incremental Gaussian session, or any plug-in {@link InformationEstimator}. {@link #of(EstimatorSpec)} reads
 * the choice from the settings' spec; a plug-in needs its instance ({@link #plugIn}).
 */
public sealed interface MippEstimator {
    /** The estimator's name and every parameter, as plans and traces record it. */
    EstimatorSpec spec();

    /** Whether it fits models on many samples and sees a conv filter as its map's positions. */
    default boolean lossBased() {
        return false;
    }

    /** The spec's estimator, its parameters checked and their defaults filled in. */
    static MippEstimator of(EstimatorSpec spec) {
        if (LossSessions.handles(spec.name())) {
            return new LossBased(LossSessions.normalise(spec));
        }
        if (GaussianParameters.NAME.equals(spec.name())) {
            return new Gaussian(GaussianSession.check(MippEstimators.GAUSSIAN.with(spec)));
        }
        return new Unbuilt(spec);
    }

    static MippEstimator plugIn(InformationEstimator estimator) {
        return new PlugIn(java.util.Objects.requireNonNull(estimator, "estimator"));
    }

    /** The session that tests one layer's units. */
    InformationSession session(Layer layer);

    /**
     * What a layer's session reads: the activations and each unit's columns, the target, the subsamples' rows and the
     * null model's noise per subsample (null without it) for the information estimators, the repeats and seed for
     * the loss-based ones.
     */
    record Layer(Matrix activations, int[][] groups, Matrix target, int[][] rows, double[][] noise, int repeats, long seed) {
    }

    record LossBased(EstimatorSpec spec) implements MippEstimator {
        @Override
        public boolean lossBased() {
            return true;
        }

        @Override
        public InformationSession session(Layer layer) {
            return LossSessions.create(spec, layer.activations(), layer.groups(), layer.target(), layer.repeats(),
                    layer.seed());
        }
    }

    record Gaussian(GaussianParameters parameters) implements MippEstimator {
        @Override
        public EstimatorSpec spec() {
            return parameters.spec();
        }

        @Override
        public InformationSession session(Layer layer) {
            return new GaussianSession(layer.activations(), layer.target(), layer.rows(), layer.noise(), parameters);
        }
    }

    record PlugIn(InformationEstimator estimator) implements MippEstimator {
        @Override
        public EstimatorSpec spec() {
            return estimator.spec();
        }

        @Override
        public InformationSession session(Layer layer) {
            return new EstimatorSession(estimator, layer.activations(), layer.target(), layer.rows(), layer.noise(),
                    Progress.NONE);
        }
    }

    /** A plug-in named by the settings whose instance was not given: a run cannot start on it. */
    record Unbuilt(EstimatorSpec spec) implements MippEstimator {
        @Override
        public InformationSession session(Layer layer) {
            throw new IllegalStateException(spec.name() + " was not built");
        }
    }
}
