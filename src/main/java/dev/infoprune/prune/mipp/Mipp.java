package dev.infoprune.prune.mipp;

import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.InformationEstimator;
import dev.infoprune.model.Network;
import dev.infoprune.prune.PlanResult;
import dev.infoprune.prune.PruningMethod;
import dev.infoprune.prune.PruningPlan;

/** MIPP as a {@link PruningMethod}: runs a {@link MippRun} to the end. */
public final class Mipp implements PruningMethod {
    public static final String NAME = "mipp";
    private final MippSettings settings;
    private final MippEstimator estimator;

    /** MIPP on the settings' own estimator (gaussian, reconstruction or ridge-cv: {@link MippEstimator#of}). */
    public Mipp(MippSettings settings) {
        this(settings, MippEstimator.of(settings.estimator()));
    }

    private Mipp(MippSettings settings, MippEstimator estimator) {
        this.settings = settings;
        this.estimator = estimator;
    }

    /** MIPP on a plug-in estimator; its spec replaces the settings' one when a run starts. */
    public static Mipp withPlugIn(MippSettings settings, InformationEstimator estimator) {
        return new Mipp(settings, MippEstimator.plugIn(estimator));
    }

    @Override
    public String name() {
        return NAME;
    }

    public MippSettings settings() {
        return settings;
    }

    /** How many samples the loss-based estimators want (the paper trains its estimator on 20 batches). */
    public static final int PAPER_SAMPLES = 5000;
    /** Positions drawn from each conv filter's map, so that a filter is a multivariate variable. */
    public static final int FILTER_POSITIONS = 16;

    /** Whether the estimator is loss-based (reconstruction, ridge-cv): it wants many samples and whole maps. */
    public boolean lossBased() {
        return estimator.lossBased();
    }

    /**
     * How to capture conv layers for this run: the loss-based estimators see each filter as a seeded subsample of
     * positions of its map; the information estimators see its spatial mean.
     */
    public dev.infoprune.engine.CaptureOptions captureOptions() {
        return lossBased() ? dev.infoprune.engine.CaptureOptions.positions(FILTER_POSITIONS, settings.seed())
                : dev.infoprune.engine.CaptureOptions.spatialMean();
    }

    /** The activations a loss-based run is fitted on and, in words, where their samples came from. */
    public record Samples(Activations activations, String source) {
    }

    /**
     * Captures what a loss-based run is fitted on: about {@link #PAPER_SAMPLES} samples ({@code probe} when it has
     * them, else {@code train}, as {@link dev.infoprune.data.SampleChoice} picks), conv filters as
     * {@link #captureOptions()} says. Both data sets must already fit the network.
     */
    public Samples samples(Network network, dev.infoprune.data.Dataset probe, dev.infoprune.data.Dataset train, long seed,
                           Progress progress) {
        dev.infoprune.data.SampleChoice choice = dev.infoprune.data.SampleChoice.of(probe, train, PAPER_SAMPLES, seed);
        return new Samples(dev.infoprune.engine.ActivationCapture.capture(network, choice.data(), captureOptions(), progress),
                choice.source());
    }

    public MippRun start(Network network, Activations probe) {
        return MippRun.start(network, probe, settings, estimator);
    }

    @Override
    public PlanResult plan(Network network, Activations probe, Progress progress) {
        MippRun run = start(network, probe);
        run.runToEnd(progress);
        return new PlanResult(run.plan(), run.trace());
    }
}
