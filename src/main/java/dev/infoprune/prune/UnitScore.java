package dev.infoprune.prune;

import dev.infoprune.engine.Activations;
import dev.infoprune.info.InformationEstimator;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;

/** A score per hidden unit, higher = more worth keeping. */
public interface UnitScore {
    String name();

    double[] score(Network network, int layerIndex, Activations probe);

    /** L1 norm of the unit's incoming weights (a conv filter's whole kernel). */
    UnitScore L1 = new UnitScore() {
        @Override
        public String name() {
            return "l1";
        }

        @Override
        public double[] score(Network network, int layerIndex, Activations probe) {
            Layer layer = network.layer(layerIndex);
            var w = layer.weights().get("weight");
            double[] out = new double[layer.units()];
            for (int u = 0; u < out.length; u++) {
                out[u] = w.sliceL1(u);
            }
            return out;
        }
    };

    /** I(unit; labels) on the probe split with the given estimator. */
    static UnitScore mutualInformationWithLabels(InformationEstimator estimator) {
        return new UnitScore() {
            @Override
            public String name() {
                return "mi(" + estimator.spec().describe() + ")";
            }

            @Override
            public double[] score(Network network, int layerIndex, Activations probe) {
                return estimator.mutualInformationWithLabelsPerColumn(probe.of(network.layer(layerIndex).name()), probe.labels());
            }
        };
    }
}
