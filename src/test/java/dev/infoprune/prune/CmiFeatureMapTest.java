package dev.infoprune.prune;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetFit;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.SampleModels;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** CMI with feature maps as multivariate variables, each with its own median-heuristic kernel width. */
class CmiFeatureMapTest {
    private static final int N = 256;
    /** conv1 4 filters (8×8 maps), conv2 5 filters (2×2 maps), fc1 7 units, 8 classes. */
    private static final Network NET = RandomNetworks.cnn(1, 1, 8, 8, 8);

    private static int[] labels() {
        Random r = new Random(42);
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = r.nextInt(8);
        }
        return y;
    }

    /**
     * conv2's five 2×2 maps: 0, 1, 3 carry the label's bits 0, 1 and 2 at every position (+ noise), 2 is an exact
     * duplicate of map 0, 4 is constant; {@code scale3} multiplies map 3. conv1: map 0 carries bit 0, the others
     * noise. fc1 and the output: noise.
     */
    private static Activations planted(int[] y, double scale3) {
        Random r = new Random(7);
        double[][] conv1 = new double[N][4 * 64];
        double[][] conv2 = new double[N][5 * 4];
        double[][] fc1 = new double[N][7];
        double[][] out = new double[N][8];
        for (int i = 0; i < N; i++) {
            for (int p = 0; p < 64; p++) {
                conv1[i][p] = (y[i] & 1) + 0.3 * r.nextGaussian();
                for (int f = 1; f < 4; f++) {
                    conv1[i][f * 64 + p] = r.nextGaussian();
                }
            }
            for (int p = 0; p < 4; p++) {
                conv2[i][p] = (y[i] & 1) + 0.3 * r.nextGaussian();
                conv2[i][4 + p] = (y[i] >> 1 & 1) + 0.3 * r.nextGaussian();
                conv2[i][8 + p] = conv2[i][p];
                conv2[i][12 + p] = scale3 * ((y[i] >> 2 & 1) + 0.3 * r.nextGaussian());
                conv2[i][16 + p] = 0.7;
            }
            for (int u = 0; u < 7; u++) {
                fc1[i][u] = r.nextGaussian();
            }
            out[i][y[i]] = 1;
        }
        Map<String, Matrix> m = new LinkedHashMap<>();
        m.put("conv1", Matrix.of(conv1));
        m.put("conv2", Matrix.of(conv2));
        m.put("fc1", Matrix.of(fc1));
        m.put("out", Matrix.of(out));
        return new Activations(m, "out", y);
    }

    private static CmiFilterPruning.Settings independent() {
        return CmiFilterPruning.Settings.defaults().withDirection(CmiFilterPruning.Direction.INDEPENDENT);
    }

    @Test
    void theDuplicateMapAndTheConstantMapAreRankedLast() {
        Activations acts = planted(labels(), 1);
        List<CmiFilterPruning.LayerSelection> sel = new CmiFilterPruning(independent()).select(NET, acts, Progress.NONE);
        assertThat(sel).extracting(CmiFilterPruning.LayerSelection::layer).containsExactly("conv1", "conv2");
        CmiFilterPruning.LayerSelection conv2 = sel.get(1);
        int[] order = conv2.order();
        assertThat(Arrays.copyOf(order, 3)).as("order %s", Arrays.toString(order)).containsExactlyInAnyOrder(0, 1, 3);
        assertThat(Arrays.copyOfRange(order, 3, 5)).containsExactlyInAnyOrder(2, 4);
        // the constant map's Gram matrix is all ones: it adds exactly nothing wherever it comes
        double[] gains = CmiFilterPruning.gains(new CmiFilterPruning(independent().withCutoff(CmiFilterPruning.Cutoff.KNEE))
                .select(NET, acts, Progress.NONE).get(1).curve());
        int constantAt = order[3] == 4 ? 3 : 4;
        assertThat(gains[constantAt]).isCloseTo(0, within(1e-9));
        assertThat(gains[2]).isGreaterThan(gains[3]).isGreaterThan(0);
    }

    @Test
    void eachMapHasItsOwnWidthSoScalingOneMapChangesNothing() {
        int[] y = labels();
        CmiFilterPruning.LayerSelection plain = new CmiFilterPruning(independent().withCutoff(CmiFilterPruning.Cutoff.KNEE))
                .select(NET, planted(y, 1), Progress.NONE).get(1);
        CmiFilterPruning.LayerSelection scaled = new CmiFilterPruning(independent().withCutoff(CmiFilterPruning.Cutoff.KNEE))
                .select(NET, planted(y, 1000), Progress.NONE).get(1);
        assertThat(scaled.order()).containsExactly(plain.order());
        for (int k = 0; k < plain.curve().length; k++) {
            assertThat(scaled.curve()[k]).isCloseTo(plain.curve()[k], within(1e-6));
        }
    }

    @Test
    void convLayersOnlyByDefaultAndDenseLayersOnRequest() {
        Activations acts = planted(labels(), 1);
        PruningPlan plan = new CmiFilterPruning(independent()).plan(NET, acts, Progress.NONE).plan();
        assertThat(plan.keptIn("fc1")).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(plan.keptCount("conv2")).isLessThan(5);
        assertThat(plan.settings()).containsEntry("layers", "auto").containsEntry("prunedLayers", List.of("conv1", "conv2"));
        List<CmiFilterPruning.LayerSelection> all = new CmiFilterPruning(independent()
                .withLayers(CmiFilterPruning.Layers.ALL)).select(NET, acts, Progress.NONE);
        assertThat(all).extracting(CmiFilterPruning.LayerSelection::layer).containsExactly("conv1", "conv2", "fc1");
        // a network without conv layers: auto prunes its dense layers, conv prunes nothing
        Network mlp = RandomNetworks.mlp(1, 8, 6, 5, 4);
        assertThat(CmiFilterPruning.layersInScope(mlp, CmiFilterPruning.Layers.AUTO)).containsExactly("fc1", "fc2");
        assertThat(CmiFilterPruning.layersInScope(mlp, CmiFilterPruning.Layers.CONV)).isEmpty();
    }

    @Test
    void bidirectionalAlsoConditionsOnTheNextLayer() {
        Activations acts = planted(labels(), 1);
        CmiFilterPruning.LayerSelection forward = new CmiFilterPruning(independent()
                .withDirection(CmiFilterPruning.Direction.FORWARD)).select(NET, acts, Progress.NONE).get(0);
        CmiFilterPruning.LayerSelection both = new CmiFilterPruning(independent()
                .withDirection(CmiFilterPruning.Direction.BIDIRECTIONAL)).select(NET, acts, Progress.NONE).get(0);
        // conv1's map 0 carries bit 0, which conv2 carries too: given conv2, conv1 has less to add
        assertThat(forward.order()[0]).isZero();
        assertThat(both.total()).isLessThan(forward.total());
        assertThat(MethodsByText.create("cmi", Map.of("direction", "bidirectional")))
                .extracting(m -> ((CmiFilterPruning) m).settings().direction())
                .isEqualTo(CmiFilterPruning.Direction.BIDIRECTIONAL);
    }

    @Test
    void onVggFashionTheDefaultsRemoveOnlyConvFilters() {
        Network vgg = SampleModels.load("vgg-fashion");
        Dataset probe = DatasetFit.fit(DatasetLocator.resolve("fashion-mnist", 1).probe(), vgg).head(300);
        Activations means = ActivationCapture.capture(vgg, probe, Progress.NONE);
        CmiFilterPruning cmi = (CmiFilterPruning) MethodsByText.create("cmi", Map.of("samples", "64"), probe);
        assertThat(cmi.settings().alpha()).isEqualTo(1.01);
        PruningPlan plan = cmi.plan(vgg, means, Progress.NONE).plan();
        assertThat(plan.settings()).containsEntry("maps", "flattened maps");
        int removed = 0;
        for (String layer : vgg.prunableLayerNames()) {
            int units = vgg.layer(vgg.indexOf(layer)).units();
            boolean conv = vgg.layer(vgg.indexOf(layer)) instanceof dev.infoprune.model.Conv2d;
            if (!conv) {
                assertThat(plan.keptCount(layer)).as(layer).isEqualTo(units);
            } else {
                removed += units - plan.keptCount(layer);
            }
        }
        assertThat(removed).isPositive();
        // a seeded sample of positions instead of the whole maps: said in the plan, reproducible with the seed
        Map<String, String> sampled = Map.of("samples", "64", "positions", "5", "seed", "2");
        PruningPlan fewer = MethodsByText.create("cmi", sampled, probe).plan(vgg, means, Progress.NONE).plan();
        assertThat(fewer.settings()).containsEntry("maps", "5 seeded positions per map").containsEntry("positions", 5);
        assertThat(MethodsByText.create("cmi", sampled, probe).plan(vgg, means, Progress.NONE).plan().kept())
                .usingRecursiveComparison().isEqualTo(fewer.kept());
    }

    /**
     * 24 units, each the label plus its own strong noise: every further unit sharpens the label, so the true
     * information keeps rising. At the maps' own widths the Hadamard product saturates after a few units.
     */
    private static Activations noisyCopies(int[] y) {
        Random r = new Random(11);
        double[][] fc1 = new double[N][24];
        double[][] fc2 = new double[N][5];
        double[][] out = new double[N][8];
        for (int i = 0; i < N; i++) {
            for (int u = 0; u < 24; u++) {
                fc1[i][u] = y[i] + 2.0 * r.nextGaussian();
            }
            for (int u = 0; u < 5; u++) {
                fc2[i][u] = r.nextGaussian();
            }
            out[i][y[i]] = 1;
        }
        Map<String, Matrix> m = new LinkedHashMap<>();
        m.put("fc1", Matrix.of(fc1));
        m.put("fc2", Matrix.of(fc2));
        m.put("out", Matrix.of(out));
        return new Activations(m, "out", y);
    }

    @Test
    void theJointWidthKeepsTheCurveRisingWhereTheMapsOwnWidthsSaturate() {
        Network mlp = RandomNetworks.mlp(1, 8, 24, 5, 8);
        Activations acts = noisyCopies(labels());
        CmiFilterPruning.LayerSelection grown = new CmiFilterPruning(independent()).select(mlp, acts, Progress.NONE).get(0);
        CmiFilterPruning.LayerSelection own = new CmiFilterPruning(independent().withWidthGrowth(0))
                .select(mlp, acts, Progress.NONE).get(0);
        double[] g = CmiFilterPruning.gains(grown.curve());
        double[] o = CmiFilterPruning.gains(own.curve());
        // exchangeable units that each add information: the 95 % cutoff keeps most of them ...
        assertThat(grown.kept()).as("gains %s", Arrays.toString(g)).isGreaterThanOrEqualTo(18);
        assertThat(g[g.length - 1]).isGreaterThan(0.1 * g[0]);
        // ... where the saturated product stops after fewer than half, its last gains a sliver of its first
        assertThat(own.kept()).as("gains %s", Arrays.toString(o)).isLessThan(12);
        assertThat(own.total()).isGreaterThan(grown.total());
    }
}
