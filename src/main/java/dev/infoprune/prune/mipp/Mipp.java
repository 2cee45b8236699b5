package dev.infoprune.prune.mipp;

import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.InformationEstimator;
import dev.infoprune.model.Network;
import dev.infoprune.prune.PruningMethod;
import dev.infoprune.prune.PruningPlan;

/** MIPP as a {@link PruningMethod}: runs a {@link MippRun} to the end. */
public final class Mipp implements PruningMethod {
    public static final String NAME = "mipp";
    private final MippSettings settings;
    private final InformationEstimator estimator;

    /** {@code estimator} may be null for the fast Gaussian path. */
    public Mipp(MippSettings settings, InformationEstimator estimator) {
        this.settings = settings;
        this.estimator = estimator;
    }

    @Override
    public String name() {
        return NAME;
    }

    public MippSettings settings() {
        return settings;
    }

    public MippRun start(Network network, Activations probe) {
        return estimator == null ? MippRun.start(network, probe, settings) : MippRun.start(network, probe, settings, estimator);
    }

    @Override
    public PruningPlan plan(Network network, Activations probe, Progress progress) {
        MippRun run = start(network, probe);
        run.runToEnd(progress);
        return run.plan();
    }
}
