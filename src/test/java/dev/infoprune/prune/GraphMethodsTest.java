package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.CaptureOptions;
import dev.infoprune.model.Network;
import dev.infoprune.model.onnx.OnnxImport;
import dev.infoprune.prune.mipp.Mipp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pruning methods on graph networks: a dependency group at a time. */
class GraphMethodsTest {
    private static Network fixture(String model) {
        return OnnxImport.read(Path.of("src/test/resources/onnx", model + "_op17.onnx"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"graph_resnet8", "graph_mobilenet", "graph_concat"})
    void theirPlansKeepGroupsConsistentAndShrinkTheNetwork(String model) {
        Network net = fixture(model);
        for (PruningMethod method : List.of(new LocalMagnitude(0.5), new RandomPruning(0.5, 3),
                new GlobalTopK(UnitScore.L1, 0.5, 0))) {
            PruningPlan plan = method.plan(net, null, Progress.NONE).plan();
            assertThatCode(() -> DependencyGroups.check(net, plan)).as(method.name()).doesNotThrowAnyException();
            assertThat(Surgery.apply(net, plan).parameterCount()).as(method.name()).isLessThan(net.parameterCount());
        }
    }

    @Test
    void localMagnitudeKeepsTheSameShareOfEveryGroupByTheSumOverItsProducers() {
        Network net = fixture("graph_resnet8");
        PruningPlan plan = new LocalMagnitude(0.5).plan(net, null, Progress.NONE).plan();
        DependencyGroup coupled = DependencyGroups.of(net).groups().stream().filter(DependencyGroup::coupled)
                .findFirst().orElseThrow();
        double[] sum = new double[coupled.channels()];
        for (GroupMember p : coupled.producers()) {
            double[] s = UnitScore.L1.score(net, net.indexOf(p.layer()), null);
            for (int j = 0; j < sum.length; j++) {
                sum[j] += s[p.channels()[j]];
            }
        }
        int[] best = Ranking.topK(sum, Ranking.keptCount(sum.length, 0.5));
        for (GroupMember p : coupled.producers()) {
            assertThat(IntStream.of(plan.keptIn(p.layer())).filter(u -> p.channelsStream().anyMatch(c -> c == u)).toArray())
                    .as(p.layer()).containsExactly(IntStream.of(best).map(j -> p.channels()[j]).sorted().toArray());
        }
    }

    /** Quicker settings: MIPP's Gaussian estimator (the default loss-based one runs in the CLI test), 5 SynFlow rounds. */
    private static final Map<String, Map<String, String>> FAST = Map.of(Mipp.NAME, Map.of("estimator", "gaussian"),
            "synflow", Map.of("rounds", "5"));

    /**
     * Every method of the registry (at its defaults but {@link #FAST}, sparsity 0.5 where it has one) on each graph
     * fixture, given random probe inputs: a group-consistent plan that keeps every coupled group's channels whole,
     * except the methods that rank groups by the sum over their producers, and that shrinks the uncoupled layers.
     */

    @ParameterizedTest
    @ValueSource(strings = {"graph_resnet8", "graph_mobilenet", "graph_concat"})
    void everyMethodPrunesAGraphGroupConsistently(String model) {
        Network net = fixture(model);
        Dataset probe = randomInputs(net, 300);
        Activations activations = ActivationCapture.capture(net, probe, Progress.NONE);
        Activations positions = ActivationCapture.capture(net, probe, CaptureOptions.positions(4, 1), Progress.NONE);
        List<String> uncoupled = UncoupledLayers.names(net);
        List<String> summing = List.of(GlobalTopK.NAME, LocalMagnitude.NAME, RandomPruning.NAME, "snip", "grasp", "synflow");
        for (String name : PruningMethods.names()) {
            MethodType type = PruningMethods.type(name);
            Map<String, String> options = new HashMap<>(FAST.getOrDefault(name, Map.of()));
            type.setting("sparsity").ifPresent(s -> options.put("sparsity", "0.5"));
            PruningMethod method = MethodsByText.create(name, options, probe).withProbeInputs(probe);
            boolean lossBased = method instanceof Mipp m && m.lossBased();
            if (name.equals(Mipp.NAME) && uncoupled.isEmpty()) {
                assertThatThrownBy(() -> method.plan(net, activations, Progress.NONE)).isInstanceOf(BadInputException.class)
                        .hasMessageContaining("has no layer MIPP can test");
                continue;
            }
            PruningPlan plan = method.plan(net, lossBased ? positions : activations, Progress.NONE).plan();
            assertThatCode(() -> DependencyGroups.check(net, plan)).as(name).doesNotThrowAnyException();
            Network smaller = Surgery.apply(net, plan);
            if (!summing.contains(name)) {
                for (String layer : net.prunableLayerNames()) {
                    if (!uncoupled.contains(layer)) {
                        assertThat(plan.keptCount(layer)).as(name + " keeps coupled " + layer + " whole")
                                .isEqualTo(net.layer(net.indexOf(layer)).units());
                    }
                }
            }
            if (!uncoupled.isEmpty() && !name.equals(Mipp.NAME)) {
                assertThat(smaller.parameterCount()).as(name).isLessThan(net.parameterCount());
            }
        }
    }

    private static Dataset randomInputs(Network net, int n) {
        Random random = new Random(4);
        float[] x = new float[n * net.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        List<String> classes = IntStream.range(0, net.outputSize()).mapToObj(String::valueOf).toList();
        int[] labels = IntStream.range(0, n).map(i -> i % classes.size()).toArray();
        return new Dataset("random", net.inputShape(), x, labels, classes);
    }
}
