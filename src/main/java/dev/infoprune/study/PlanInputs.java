package dev.infoprune.study;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;
import dev.infoprune.prune.PruningMethod;
import dev.infoprune.prune.mipp.Mipp;

/**
 * The activations a method plans on. Most methods take the probe activations every method shares; MIPP with a
 * loss-based estimator takes its own: about 5,000 samples (the probe split when it has them, else the training
 * split), conv filters as seeded position samples, as the paper fits its estimator on 20 batches.
 */
public final class PlanInputs {
    private PlanInputs() {
    }

    /** Whether {@code method} plans on activations of its own rather than the shared probe activations. */
    public static boolean ownSamples(PruningMethod method) {
        return method instanceof Mipp mipp && mipp.lossBased();
    }

    /** The activations {@code method} plans on: its own when {@link #ownSamples}, else {@code probe}. */
    public static Activations of(PruningMethod method, Network network, Splits data, long seed, Activations probe,
                                 Progress progress) {
        if (!(method instanceof Mipp mipp) || !mipp.lossBased()) {
            return probe;
        }
        return mipp.samples(network, data.probe(), data.train(), seed, progress).activations();
    }
}
