package dev.infoprune.prune;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.Gradients;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;

/**
 * First-order saliency of a unit: Σ |θ · ∂L/∂θ| over its own parameters (its incoming weights — a conv filter's
 * whole kernel — and its bias), with L the mean cross-entropy over the probe samples and the gradient taken
 * through DJL ({@link Gradients}). It estimates how much the loss would change if the unit's parameters were
 * set to zero; a unit whose output nothing reads has exactly zero saliency. The gradients are computed once per
 * network and reused for all its layers.
 */
public final class GradientSaliency implements UnitScore {
    public static final String NAME = "saliency";
    private final Dataset probeData;
    private Network lastNetwork;
    private Gradients lastGradients;

    /** @param probeData the probe split's inputs and labels (the samples the activations were captured on) */
    public GradientSaliency(Dataset probeData) {
        this.probeData = probeData;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[] score(Network network, int layerIndex, Activations probe) {
        Gradients g = gradients(network);
        Layer layer = network.layer(layerIndex);
        return UnitSums.absolute(layer, g.of(layer.name(), "weight"), g.of(layer.name(), "bias"));
    }

    private synchronized Gradients gradients(Network network) {
        if (network != lastNetwork) {
            lastGradients = Gradients.of(network, probeData, Progress.NONE);
            lastNetwork = network;
        }
        return lastGradients;
    }
}
