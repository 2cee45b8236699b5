package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GradientSaliencyTest {
    static Network net;
    static Dataset data;
    static Activations probe;

    @BeforeAll
    static void setUp() {
        net = PlantedNetworks.mlp(3);
        probe = PlantedNetworks.probe(net, 11, 600);
        float[][] x = PlantedNetworks.inputs(11, 600);
        float[] flat = new float[600 * PlantedNetworks.IN];
        for (int i = 0; i < 600; i++) {
            System.arraycopy(x[i], 0, flat, i * PlantedNetworks.IN, PlantedNetworks.IN);
        }
        data = new Dataset("planted-probe", new int[] {PlantedNetworks.IN}, flat, probe.labels(),
                RandomNetworks.classes(PlantedNetworks.CLASSES));
    }

    @Test
    void unitsNothingReadsHaveZeroSaliencyAndOrdinaryUnitsDoNot() {
        GradientSaliency saliency = new GradientSaliency(data);
        for (String layer : new String[] {"fc1", "fc2"}) {
            int originals = layer.equals("fc1") ? PlantedNetworks.ORIGINALS_1 : PlantedNetworks.ORIGINALS_2;
            double[] s = saliency.score(net, net.indexOf(layer), probe);
            assertThat(s).hasSize(PlantedNetworks.width(originals));
            for (int u : PlantedNetworks.planted(originals)) {
                // dead units have zero weights and a ReLU that never opens; ignored units have zero outgoing weights
                assertThat(s[u]).as("%s planted unit %d", layer, u).isZero();
            }
            for (int u = 0; u < originals; u++) {
                assertThat(s[u]).as("%s original %d", layer, u).isPositive();
            }
        }
    }

    @Test
    void globalTopKBySaliencyDropsThePlantedUnitsFirst() {
        int hidden = PlantedNetworks.width(PlantedNetworks.ORIGINALS_1) + PlantedNetworks.width(PlantedNetworks.ORIGINALS_2);
        double sparsity = 8.0 / hidden; // exactly the four planted units of each layer
        PruningPlan plan = MethodsByText.create("global-topk", Map.of("score", "saliency", "sparsity", Double.toString(sparsity)), data)
                .plan(net, probe, Progress.NONE).plan();
        assertThat(plan.settings()).containsEntry("score", "saliency");
        for (String layer : new String[] {"fc1", "fc2"}) {
            int originals = layer.equals("fc1") ? PlantedNetworks.ORIGINALS_1 : PlantedNetworks.ORIGINALS_2;
            int[] kept = plan.keptIn(layer);
            assertThat(kept).as(layer).hasSize(originals + 2);
            for (int u : PlantedNetworks.planted(originals)) {
                assertThat(Arrays.stream(kept).anyMatch(k -> k == u)).as("%s keeps planted %d", layer, u).isFalse();
            }
        }
    }

    @Test
    void saliencyWithoutProbeDataIsAClearError() {
        assertThatThrownBy(() -> MethodsByText.create("global-topk", Map.of("score", "saliency")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("saliency needs the probe data");
    }
}
