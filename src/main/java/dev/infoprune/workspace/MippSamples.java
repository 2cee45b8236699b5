package dev.infoprune.workspace;

import dev.infoprune.core.Progress;
import dev.infoprune.data.DatasetFit;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Splits;
import dev.infoprune.model.Network;
import dev.infoprune.prune.mipp.Mipp;

/**
 * The activations a loss-based MIPP run is fitted on, as {@code infoprune prune} takes them: about 5,000 samples
 * (the probe split when it has that many, else the training split), conv filters as seeded position samples.
 */
public final class MippSamples {
    private MippSamples() {
    }

    public static Mipp.Samples capture(Network network, DataChoice data, Mipp mipp, Progress progress) {
        progress.update("Reading " + data.spec(), 0, 1);
        Splits raw = DatasetLocator.resolve(data.spec(), data.seed());
        return mipp.samples(network, DatasetFit.fit(raw.probe(), network), DatasetFit.fit(raw.train(), network), data.seed(),
                progress);
    }
}
