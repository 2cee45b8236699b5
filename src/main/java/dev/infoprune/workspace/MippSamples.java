package dev.infoprune.workspace;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetFit;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.SampleChoice;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;
import dev.infoprune.prune.mipp.Mipp;

/**
 * The activations a loss-based MIPP run is fitted on, as {@code infoprune prune} takes them: about 5,000 samples
 * (the probe split when it has that many, else the training split), conv filters as seeded position samples.
 */
public final class MippSamples {
    /** The activations and, in words, where the samples came from. */
    public record Captured(Activations activations, String source) {
    }

    private MippSamples() {
    }

    public static Captured capture(Network network, DataChoice data, Mipp mipp, Progress progress) {
        progress.update("Reading " + data.spec(), 0, 1);
        Splits raw = DatasetLocator.resolve(data.spec(), data.seed());
        Dataset probe = DatasetFit.fit(raw.probe(), network);
        Dataset train = DatasetFit.fit(raw.train(), network);
        SampleChoice choice = SampleChoice.of(probe, train, Mipp.PAPER_SAMPLES, data.seed());
        Activations acts = ActivationCapture.capture(network, choice.data(), mipp.captureOptions(), progress);
        return new Captured(acts, choice.source());
    }
}
