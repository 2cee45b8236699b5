package dev.infoprune.workspace;

import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;
import dev.infoprune.prune.mipp.MippRun;
import dev.infoprune.prune.mipp.MippSettings;
import dev.infoprune.prune.mipp.MippTrace;

/**
 * Where a MIPP run stands, as a session keeps it: the run's settings, the estimator the user chose (null or
 * {@code gaussian}: MIPP's fast Gaussian path, whose parameters are in the settings), every step computed so far (also those beyond the position after stepping back) and the
 * position. {@link #resume} rebuilds the run on the same network and probe activations.
 */
public record MippState(MippSettings settings, EstimatorChoice estimator, MippTrace trace, int position) {
    public MippState {
        if (position < 0 || position > trace.steps().size()) {
            throw new IllegalArgumentException("position " + position + " is outside 0.." + trace.steps().size());
        }
    }

    /**
     * The state of {@code run}; {@code estimator} is what the run was started with (null when it was started
     * without an estimator instance). Call it on the thread that drives the run.
     */
    public static MippState of(MippRun run, EstimatorChoice estimator) {
        int position = run.position();
        run.goTo(run.computedSteps());
        MippTrace all = run.trace();
        run.goTo(position);
        return new MippState(run.settings(), estimator, all, position);
    }

    /** The run again, at the saved position, with the saved steps ahead of it kept for stepping forward. */
    public MippRun resume(Network network, Activations probe) {
        boolean fastGaussian = estimator == null || estimator.name().equals(dev.infoprune.info.GaussianEstimator.NAME);
        MippRun run = fastGaussian ? MippRun.resume(network, probe, settings, trace)
                : MippRun.resume(network, probe, settings, dev.infoprune.prune.mipp.MippEstimator.plugIn(estimator.create()), trace);
        run.goTo(position);
        return run;
    }
}
