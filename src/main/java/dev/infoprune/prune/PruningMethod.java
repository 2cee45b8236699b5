package dev.infoprune.prune;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;

/**
 * A way of choosing which hidden units to keep. Settings (sparsity, estimator, confidence, seed...) are fixed
 * when the method is built; {@link #plan} only looks at the network and its activations on the probe split.
 */
public interface PruningMethod {
    /** The name used on the command line and in reports, e.g. {@code mipp}, {@code global-topk}. */
    String name();

    /** The plan, and the trace of its decisions where the method records one (MIPP). */
    PlanResult plan(Network network, Activations probe, Progress progress);

    /**
     * The same method reading the probe inputs the activations were captured on, for methods that capture
     * more than the activations give (whole feature maps: CMI and ITPruner); the others return themselves.
     */
    default PruningMethod withProbeInputs(Dataset probeInputs) {
        return this;
    }
}
