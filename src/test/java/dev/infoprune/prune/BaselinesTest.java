package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Activation;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.Tensor;
import dev.infoprune.prune.mipp.Mipp;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselinesTest {
    /** fc1 (6 units) row u has every weight equal to u+1; fc2 (4 units) row u has weights (u+1)/100: tiny. */
    static Network knownMagnitudes() {
        float[] w1 = new float[6 * 3];
        for (int u = 0; u < 6; u++) {
            for (int i = 0; i < 3; i++) {
                w1[u * 3 + i] = (u % 2 == 0 ? 1 : -1) * (u + 1);
            }
        }
        float[] w2 = new float[4 * 6];
        for (int u = 0; u < 4; u++) {
            for (int i = 0; i < 6; i++) {
                w2[u * 6 + i] = (u + 1) / 100f;
            }
        }
        List<Layer> layers = List.of(
                new Dense("fc1", 3, 6, new Tensor(new int[] {6, 3}, w1), Tensor.zeros(6)),
                new Activation("r1", Activation.Kind.RELU),
                new Dense("fc2", 6, 4, new Tensor(new int[] {4, 6}, w2), Tensor.zeros(4)),
                new Activation("r2", Activation.Kind.RELU),
                new Dense("out", 4, 2, Tensor.filled(1f, 2, 4), Tensor.zeros(2)));
        return new Network("known", new int[] {3}, RandomNetworks.classes(2), layers, Normalization.IDENTITY, ModelCard.EMPTY);
    }

    @Test
    void globalTopKKeepsTheLargestUnitsNetworkWideAndEmptiesTheWeakLayer() {
        Network net = knownMagnitudes();
        PruningPlan plan = new GlobalTopK(UnitScore.L1, 0.6, 0).plan(net, null, Progress.NONE).plan();
        // 10 hidden units, keep 4: fc1's units 2..5 (L1 = 9, 12, 15, 18) beat every fc2 unit (L1 <= 0.24)
        assertThat(plan.keptIn("fc1")).containsExactly(2, 3, 4, 5);
        assertThat(plan.keptIn("fc2")).isEmpty();
        PlanSummary summary = PlanSummary.of(net, plan);
        assertThat(summary.emptiedLayers()).containsExactly("fc2");
        assertThat(summary.collapsedLayers()).containsExactly("fc2");
        assertThat(summary.sparsity()).isEqualTo(0.6);
    }

    @Test
    void globalTopKWithAPerLayerGuardKeepsTheBestOfEachLayer() {
        Network net = knownMagnitudes();
        PruningPlan plan = new GlobalTopK(UnitScore.L1, 0.6, 1).plan(net, null, Progress.NONE).plan();
        assertThat(plan.keptIn("fc2")).containsExactly(3);
        assertThat(plan.keptIn("fc1")).containsExactly(3, 4, 5);
        assertThat(plan.totalKept()).isEqualTo(4);
    }

    @Test
    void globalTopKByInformationWithLabelsDropsDeadUnitsFirst() {
        Network net = PlantedNetworks.mlp(3);
        Activations probe = PlantedNetworks.probe(net, 1, 600);
        int o = PlantedNetworks.ORIGINALS_2;
        int hidden = net.hiddenUnitCount();
        // remove exactly the four dead units of the network
        double sparsity = 4.0 / hidden;
        PruningPlan plan = MethodsByText.create("global-topk", Map.of("score", "mi", "sparsity", Double.toString(sparsity)))
                .plan(net, probe, Progress.NONE).plan();
        assertThat(plan.keptIn("fc2")).doesNotContain(PlantedNetworks.dead(o), PlantedNetworks.dead(o) + 1);
        assertThat(plan.keptIn("fc1")).doesNotContain(PlantedNetworks.dead(PlantedNetworks.ORIGINALS_1),
                PlantedNetworks.dead(PlantedNetworks.ORIGINALS_1) + 1);
        assertThat(plan.totalKept()).isEqualTo(hidden - 4);
    }

    @Test
    void localMagnitudeKeepsTheSameFractionOfEveryLayerByIncomingL1() {
        Network net = knownMagnitudes();
        PruningPlan plan = new LocalMagnitude(0.5).plan(net, null, Progress.NONE).plan();
        assertThat(plan.keptIn("fc1")).containsExactly(3, 4, 5);
        assertThat(plan.keptIn("fc2")).containsExactly(2, 3);
        PruningPlan extreme = new LocalMagnitude(0.99).plan(net, null, Progress.NONE).plan();
        assertThat(extreme.keptIn("fc1")).containsExactly(5);
        assertThat(extreme.keptIn("fc2")).containsExactly(3);
    }

    @Test
    void localMagnitudeScoresAConvFilterByItsWholeKernel() {
        Network cnn = RandomNetworks.cnn(1, 2, 12, 12, 3);
        int conv1 = cnn.indexOf("conv1");
        Conv2d c = (Conv2d) cnn.layer(conv1);
        float[] w = c.weight().copyData();
        // filter 2: one huge weight in the last input channel's last kernel position; filter 0: all zero
        java.util.Arrays.fill(w, 0, 2 * 9, 0f);
        w[2 * 18 + 17] = 50f;
        List<Layer> layers = new java.util.ArrayList<>(cnn.layers());
        layers.set(conv1, c.withWeights(Map.of("weight", new Tensor(c.weight().shape(), w), "bias", c.bias())));
        Network net = cnn.withLayers(layers);
        PruningPlan plan = new LocalMagnitude(0.75).plan(net, null, Progress.NONE).plan();
        assertThat(plan.keptIn("conv1")).containsExactly(2);
        PruningPlan half = new LocalMagnitude(0.5).plan(net, null, Progress.NONE).plan();
        assertThat(half.keptIn("conv1")).contains(2).doesNotContain(0);
    }

    @Test
    void randomIsSeededAndKeepsTheFractionOfEveryLayer() {
        Network net = RandomNetworks.mlp(1, 5, 40, 20, 3);
        PruningPlan a = new RandomPruning(0.75, 9).plan(net, null, Progress.NONE).plan();
        PruningPlan b = new RandomPruning(0.75, 9).plan(net, null, Progress.NONE).plan();
        PruningPlan c = new RandomPruning(0.75, 10).plan(net, null, Progress.NONE).plan();
        assertThat(a.keptIn("fc1")).hasSize(10).containsExactly(b.keptIn("fc1"));
        assertThat(a.keptIn("fc2")).hasSize(5).containsExactly(b.keptIn("fc2"));
        assertThat(c.keptIn("fc1")).isNotEqualTo(a.keptIn("fc1"));
        assertThat(a.seed()).isEqualTo(9);
    }

    @Test
    void theFactoryBuildsEveryMethodAndRejectsBadOptions() {
        assertThat(PruningMethods.names()).containsExactly("mipp", "global-topk", "local-magnitude", "random", "cmi", "itpruner", "snip", "grasp",
                "synflow", "thinet");
        assertThat(MethodsByText.create("mipp", Map.of("confidence", "0.9"))).isInstanceOf(Mipp.class);
        assertThat(((Mipp) MethodsByText.create("mipp", Map.of("confidence", "0.9", "repeats", "7"))).settings().repeats()).isEqualTo(7);
        assertThat(MethodsByText.create("random", Map.of("sparsity", "0.3", "seed", "4")).name()).isEqualTo("random");
        assertThatThrownBy(() -> MethodsByText.create("magic", Map.of())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown method magic").hasMessageContaining("global-topk");
        assertThatThrownBy(() -> MethodsByText.create("local-magnitude", Map.of("confidence", "0.9")))
                .hasMessage("--method local-magnitude: unknown option confidence (it takes sparsity)");
        assertThatThrownBy(() -> MethodsByText.create("random", Map.of("sparsity", "1.5")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("sparsity must be in [0, 1)");
        assertThatThrownBy(() -> MethodsByText.create("mipp", Map.of("confidence", "high")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("confidence must be a number");
        assertThatThrownBy(() -> MethodsByText.create("mipp", Map.of("repeats", "1")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("at least 2 repeats");
    }

    @Test
    void theFactoryBuildsEstimatorsByNameAndRefusesOptionsOfAnotherEstimator() {
        Mipp ksg = (Mipp) MethodsByText.create("mipp", Map.of("estimator", "ksg", "estimator.k", "5", "null-model", "true"));
        assertThat(ksg.settings().nullModel()).isTrue();
        assertThat(ksg.start(PlantedNetworks.mlp(1), PlantedNetworks.probe(PlantedNetworks.mlp(1), 2, 60)).settings().estimator().describe())
                .isEqualTo("ksg(algorithm=1, k=5, noise=1.0E-10, seed=0)");
        assertThatThrownBy(() -> MethodsByText.create("mipp", Map.of("estimator", "ksg", "ridge", "0.1")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("ridge applies to the gaussian estimator only");
        assertThatThrownBy(() -> MethodsByText.create("mipp", Map.of("estimator", "gaussian", "estimator.k", "4")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("gaussian path takes ridge and bias-corrected");
        assertThatThrownBy(() -> MethodsByText.create("mipp", Map.of("estimator.k", "4")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("the reconstruction estimator has no option k");
        assertThatThrownBy(() -> MethodsByText.create("mipp", Map.of("estimator", "ksg", "estimator.k", "0")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("estimator ksg");
        assertThatThrownBy(() -> MethodsByText.create("mipp", Map.of("estimator", "ksg", "estimator.bins", "4")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown option 'bins'");
        assertThatThrownBy(() -> MethodsByText.create("global-topk", Map.of("score", "mi", "estimator", "oracle")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown estimator 'oracle'");
        assertThat(((Mipp) MethodsByText.create("mipp", Map.of("estimator", "renyi", "estimator.alpha", "2"))).start(
                PlantedNetworks.mlp(1), PlantedNetworks.probe(PlantedNetworks.mlp(1), 2, 60)).settings().estimator().name())
                .isEqualTo("renyi");
    }
}
