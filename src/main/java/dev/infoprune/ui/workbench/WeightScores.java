package dev.infoprune.ui.workbench;

import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;
import dev.infoprune.ui.network.NodeScore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scores a network has without any data: L1 and L2 norms of each hidden unit's incoming weights. */
final class WeightScores {
    static final String L1 = "weight-l1";
    static final String L2 = "weight-l2";
    private static final String SOURCE = "incoming weights, no data needed";

    private WeightScores() {
    }

    static List<NodeScore> of(Network network) {
        Map<String, double[]> l1 = new LinkedHashMap<>();
        Map<String, double[]> l2 = new LinkedHashMap<>();
        for (int index : network.prunableLayerIndices()) {
            Layer layer = network.layer(index);
            Tensor w = layer instanceof Dense d ? d.weight() : ((Conv2d) layer).weight();
            double[] a = new double[layer.units()];
            double[] b = new double[layer.units()];
            for (int u = 0; u < a.length; u++) {
                a[u] = w.sliceL1(u);
                b[u] = w.sliceL2(u);
            }
            l1.put(layer.name(), a);
            l2.put(layer.name(), b);
        }
        return List.of(new NodeScore(L1, "‖w‖₁ (L1 of incoming weights)", "", SOURCE, l1),
                new NodeScore(L2, "‖w‖₂ (L2 of incoming weights)", "", SOURCE, l2));
    }
}
