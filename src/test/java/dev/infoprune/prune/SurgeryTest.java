package dev.infoprune.prune;

import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.ReferenceForward;
import dev.infoprune.model.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SurgeryTest {

    static void assertShrunkEqualsMasked(Network net, PruningPlan plan, long seed) {
        Network shrunk = Surgery.apply(net, plan);
        Network masked = Masking.apply(net, plan);
        assertThat(shrunk.layers()).hasSameSizeAs(net.layers());
        assertThat(masked.unitLayerWidths()).containsExactly(net.unitLayerWidths());
        for (int li : net.prunableLayerIndices()) {
            String name = net.layer(li).name();
            assertThat(shrunk.layer(li).units()).as(name)
                    .isEqualTo(plan.kept().containsKey(name) ? plan.keptCount(name) : net.layer(li).units());
        }
        assertThat(shrunk.outputSize()).isEqualTo(net.outputSize());
        Random r = new Random(seed);
        for (int sample = 0; sample < 5; sample++) {
            float[] x = TestPlans.randomInput(r, net.inputSize());
            double[] a = ReferenceForward.outputs(shrunk, x);
            double[] b = ReferenceForward.outputs(masked, x);
            for (int o = 0; o < a.length; o++) {
                assertThat(a[o]).as("output %d of sample %d", o, sample).isCloseTo(b[o], within(1e-5));
            }
        }
    }

    @Test
    void randomPlansOnMlpsGiveTheMaskedOutputs() {
        for (long seed = 0; seed < 20; seed++) {
            Network net = RandomNetworks.mlp(seed, 6, 9, 7, 3);
            assertShrunkEqualsMasked(net, TestPlans.random(net, seed * 31 + 1), seed);
        }
    }

    @Test
    void randomPlansOnCnnsGiveTheMaskedOutputs() {
        for (long seed = 0; seed < 12; seed++) {
            Network net = RandomNetworks.cnn(seed, 2, 14, 14, 4);
            assertShrunkEqualsMasked(net, TestPlans.random(net, seed * 17 + 5), seed);
        }
    }

    @Test
    void randomPlansAcrossGlobalPoolingAndBatchNormOfDenseLayersGiveTheMaskedOutputs() {
        for (long seed = 0; seed < 12; seed++) {
            Network net = TestPlans.globalPoolCnn(seed);
            assertShrunkEqualsMasked(net, TestPlans.random(net, seed + 100), seed);
        }
    }

    @Test
    void maskingActuallyChangesTheOutputsSoTheComparisonCanFail() {
        Network net = RandomNetworks.mlp(3, 6, 9, 7, 3);
        PruningPlan plan = new PruningPlan("t", Map.of(), 0, Map.of("fc1", new int[] {0, 2}, "fc2", new int[] {1, 3, 5}));
        float[] x = TestPlans.randomInput(new Random(1), 6);
        double[] original = ReferenceForward.outputs(net, x);
        double[] masked = ReferenceForward.outputs(Masking.apply(net, plan), x);
        assertThat(masked).isNotEqualTo(original);
        assertThat(Math.abs(masked[0] - original[0]) + Math.abs(masked[1] - original[1])).isGreaterThan(1e-3);
    }

    @Test
    void keepsTheChosenRowsAndColumnsOfDenseLayers() {
        Network net = RandomNetworks.mlp(5, 4, 6, 5, 2);
        PruningPlan plan = new PruningPlan("t", Map.of(), 0, Map.of("fc1", new int[] {4, 1}, "fc2", new int[] {0, 3}));
        Network shrunk = Surgery.apply(net, plan);
        Dense fc1 = (Dense) net.layer(0);
        Dense newFc1 = (Dense) shrunk.layer(0);
        assertThat(newFc1.out()).isEqualTo(2);
        assertThat(newFc1.weight().data()[0]).isEqualTo(fc1.weight().data()[1 * 4]);      // row 1 first (sorted)
        assertThat(newFc1.weight().data()[4 + 3]).isEqualTo(fc1.weight().data()[4 * 4 + 3]); // row 4
        Dense fc2 = (Dense) net.layer(2);
        Dense newFc2 = (Dense) shrunk.layer(2);
        assertThat(newFc2.in()).isEqualTo(2);
        // row 3 of fc2, columns 1 and 4
        assertThat(newFc2.weight().data()[1 * 2]).isEqualTo(fc2.weight().data()[3 * 6 + 1]);
        assertThat(newFc2.weight().data()[1 * 2 + 1]).isEqualTo(fc2.weight().data()[3 * 6 + 4]);
        assertThat(shrunk.parameterCount()).isEqualTo(4L * 2 + 2 + 2L * 2 + 2 + 2L * 2 + 2);
    }

    @Test
    void aFilterOwnsItsMapsConsecutiveInputsOfTheDenseLayerAfterAFlatten() {
        Network net = RandomNetworks.cnn(2, 1, 14, 14, 3);
        // conv2 has 5 filters; after pool2 each map is 1x1? (14/2-2)/2 = 2 -> 2x2 = 4 inputs per filter
        PruningPlan plan = new PruningPlan("t", Map.of(), 0, Map.of("conv2", new int[] {1, 4}));
        Network shrunk = Surgery.apply(net, plan);
        Dense fc1 = (Dense) net.layer(net.indexOf("fc1"));
        Dense newFc1 = (Dense) shrunk.layer(net.indexOf("fc1"));
        assertThat(fc1.in()).isEqualTo(20);
        assertThat(newFc1.in()).isEqualTo(8);
        for (int o = 0; o < fc1.out(); o++) {
            for (int j = 0; j < 4; j++) {
                assertThat(newFc1.weight().data()[o * 8 + j]).isEqualTo(fc1.weight().data()[o * 20 + 4 + j]);
                assertThat(newFc1.weight().data()[o * 8 + 4 + j]).isEqualTo(fc1.weight().data()[o * 20 + 16 + j]);
            }
        }
        Conv2d conv2 = (Conv2d) shrunk.layer(net.indexOf("conv2"));
        assertThat(conv2.weight().shape()).containsExactly(2, 4, 3, 3);
    }

    @Test
    void batchNormKeepsTheEntriesOfTheKeptFilters() {
        Network net = RandomNetworks.cnn(4, 1, 10, 10, 2);
        PruningPlan plan = new PruningPlan("t", Map.of(), 0, Map.of("conv1", new int[] {0, 3}));
        Network shrunk = Surgery.apply(net, plan);
        var bn = (dev.infoprune.model.BatchNorm) shrunk.layer(net.indexOf("bn1"));
        var old = (dev.infoprune.model.BatchNorm) net.layer(net.indexOf("bn1"));
        assertThat(bn.channels()).isEqualTo(2);
        assertThat(bn.runningMean().data()).containsExactly(old.runningMean().data()[0], old.runningMean().data()[3]);
        assertThat(bn.weight().data()).containsExactly(old.weight().data()[0], old.weight().data()[3]);
    }

    @Test
    void anEmptyPlanLeavesTheNetworkAsItWas() {
        Network net = RandomNetworks.cnn(7, 1, 10, 10, 2);
        PruningPlan plan = new PruningPlan("t", Map.of(), 0, Map.of());
        assertThat(Surgery.apply(net, plan).sameWeightsAs(net)).isTrue();
        assertThat(Masking.apply(net, plan).sameWeightsAs(net)).isTrue();
    }

    @Test
    void anEmptiedLayerStillGivesTheMaskedOutputs() {
        Network net = RandomNetworks.mlp(9, 5, 6, 4, 3);
        PruningPlan plan = new PruningPlan("t", Map.of(), 0, Map.of("fc2", new int[0]));
        assertShrunkEqualsMasked(net, plan, 9);
        assertThat(PlanSummary.of(net, plan).emptiedLayers()).containsExactly("fc2");
    }

    @Test
    void summaryReportsWidthsSparsityAndCollapsedLayers() {
        Network net = RandomNetworks.mlp(1, 5, 10, 6, 3);
        PruningPlan plan = new PruningPlan("t", Map.of(), 0, Map.of("fc1", new int[] {1, 2, 3, 4}, "fc2", new int[] {5}));
        PlanSummary s = PlanSummary.of(net, plan);
        assertThat(s.layers()).containsExactly(new PlanSummary.LayerWidth("fc1", 10, 4), new PlanSummary.LayerWidth("fc2", 6, 1));
        assertThat(s.hiddenBefore()).isEqualTo(16);
        assertThat(s.hiddenAfter()).isEqualTo(5);
        assertThat(s.sparsity()).isCloseTo(11.0 / 16, within(1e-12));
        assertThat(s.collapsedLayers()).isEqualTo(List.of("fc2"));
        assertThat(s.emptiedLayers()).isEmpty();
    }

    @Test
    void tensorShapesAreConsistentForTheWholeShrunkCnn() {
        Network net = RandomNetworks.cnn(11, 3, 12, 12, 4);
        PruningPlan plan = TestPlans.random(net, 77);
        Network shrunk = Surgery.apply(net, plan);
        // the Network constructor re-derives every shape; check the weights agree with the layer fields
        for (var layer : shrunk.layers()) {
            for (Map.Entry<String, Tensor> w : layer.weights().entrySet()) {
                assertThat(w.getValue().size()).isEqualTo((int) Tensor.sizeOf(w.getValue().shape()));
            }
        }
        assertThat(shrunk.parameterCount()).isLessThanOrEqualTo(net.parameterCount());
    }
}
