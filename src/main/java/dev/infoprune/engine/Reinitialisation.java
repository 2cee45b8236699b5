package dev.infoprune.engine;

import dev.infoprune.model.Activation;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Dropout;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The same network with fresh weights, as {@code infoprune train} would start it, for pruning at initialisation:
 * dense and conv weights He-normal for the activation that follows ({@link KaimingNormal}), biases 0, BatchNorm at
 * the identity. Architecture, input normalisation and classes are kept; the card keeps data set, seed and
 * training epochs (the budget the untrained network is trained for) and drops the trained accuracy.
 */
public final class Reinitialisation {
    private Reinitialisation() {
    }

    public static Network of(Network network, long seed) {
        Random random = new Random(seed);
        List<Layer> layers = network.layers();
        List<Layer> fresh = new ArrayList<>(layers.size());
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            Activation.Kind after = activationAfter(layers, i);
            if (l instanceof Dense d) {
                fresh.add(d.withWeights(Map.of("weight", KaimingNormal.draw(random, d.in(), after, d.out(), d.in()),
                        "bias", Tensor.zeros(d.out()))));
            } else if (l instanceof Conv2d c) {
                int perGroup = c.in() / c.groups();
                fresh.add(c.withWeights(Map.of("weight", KaimingNormal.draw(random, perGroup * c.kernel() * c.kernel(), after,
                        c.out(), perGroup, c.kernel(), c.kernel()), "bias", Tensor.zeros(c.out()))));
            } else if (l instanceof BatchNorm b) {
                BatchNorm identity = BatchNorm.identity(b.name(), b.channels());
                fresh.add(new BatchNorm(b.name(), b.channels(), b.eps(), identity.weight(), identity.bias(),
                        identity.runningMean(), identity.runningVar()));
            } else {
                fresh.add(l);
            }
        }
        ModelCard c = network.card();
        ModelCard card = new ModelCard(c.dataset(), c.seed(), c.epochs(), null, null, c.architecture(),
                "re-initialised with seed " + seed + " (He-normal weights, zero biases, identity BatchNorm) from "
                        + network.name());
        return network.withLayers(fresh).withCard(card);
    }

    /** The activation a layer's output goes through, past BatchNorm and dropout; null when none follows. */
    private static Activation.Kind activationAfter(List<Layer> layers, int i) {
        for (int j = i + 1; j < layers.size(); j++) {
            Layer next = layers.get(j);
            if (next instanceof Activation a) {
                return a.kind();
            }
            if (!(next instanceof BatchNorm) && !(next instanceof Dropout)) {
                return null;
            }
        }
        return null;
    }
}
