package dev.infoprune.model.onnx;

import dev.infoprune.prune.MethodsByText;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.ReferenceForward;
import dev.infoprune.prune.CmiFilterPruning;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.prune.PruningMethod;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.RandomPruning;
import dev.infoprune.prune.Surgery;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static dev.infoprune.model.onnx.OnnxChecks.TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exported files run in ONNX Runtime give the DJL engine's outputs (inputs fed as they are, like predict), for
 * networks as trained and after surgery; importing the file gives back the same network.
 */
class OnnxEngineAgreementTest {
    private static final int BATCH = 16;

    @Test
    void randomNetworksAgreeWithTheEngine() {
        Normalization norm = new Normalization(new float[] {0.3f}, new float[] {1.7f});
        for (Network net : List.of(RandomNetworks.mlp(21, 10, 16, 8, 3), RandomNetworks.cnn(22, 1, 12, 12, 4),
                RandomNetworks.cnn(23, 3, 10, 14, 2).withNormalization(norm))) {
            assertEngineAndOnnxRuntimeAgree(net);
        }
    }

    @Test
    void networksPrunedByRandomPlansAgreeWithTheEngine() {
        for (Network net : List.of(RandomNetworks.mlp(31, 10, 16, 8, 3), RandomNetworks.cnn(32, 2, 12, 12, 4))) {
            for (long seed = 1; seed <= 3; seed++) {
                Network pruned = Surgery.apply(net, randomPlan(net, seed));
                assertThat(pruned.hiddenUnitCount()).isLessThan(net.hiddenUnitCount());
                assertEngineAndOnnxRuntimeAgree(pruned);
            }
        }
    }

    @Test
    void networksPrunedByEachMethodAgreeWithTheEngine() {
        Network cnn = RandomNetworks.cnn(41, 1, 12, 12, 3);
        Network mlp = RandomNetworks.mlp(42, 10, 16, 8, 3);
        List<PruningMethod> methods = List.of(
                new CmiFilterPruning(CmiFilterPruning.Settings.defaults().withFraction(0.6)),
                MethodsByText.create("mipp", Map.of("estimator", "gaussian", "ridge", "1")),
                MethodsByText.create("global-topk", Map.of("sparsity", "0.4", "min-per-layer", "1")),
                MethodsByText.create("local-magnitude", Map.of("sparsity", "0.5")),
                MethodsByText.create("itpruner", Map.of("sparsity", "0.5")),
                MethodsByText.create("random", Map.of("sparsity", "0.5", "seed", "3")));
        for (PruningMethod method : methods) {
            for (Network net : List.of(cnn, mlp)) {
                Dataset probe = labelledByTheNetwork(net, 120, 43);
                PruningPlan plan = method.plan(net, ActivationCapture.capture(net, probe, Progress.NONE), Progress.NONE).plan();
                Network pruned = Surgery.apply(net, plan);
                assertThat(pruned.hiddenUnitCount()).as(method.name()).isLessThan(net.hiddenUnitCount());
                assertEngineAndOnnxRuntimeAgree(pruned);
            }
        }
    }

    static void assertEngineAndOnnxRuntimeAgree(Network net) {
        float[] x = OnnxChecks.randomInputs(net.hashCode(), BATCH, net.inputSize());
        Matrix djl = Inference.outputsOfRawInputs(net, x, BATCH, "test inputs", Progress.NONE);
        double[][] engine = new double[BATCH][];
        for (int b = 0; b < BATCH; b++) {
            engine[b] = new double[djl.cols()];
            for (int i = 0; i < djl.cols(); i++) {
                engine[b][i] = djl.get(b, i);
            }
        }
        byte[] file = OnnxExport.toBytes(net);
        try (OnnxRuntimeRunner ort = OnnxRuntimeRunner.open(file, net.name())) {
            float[][] onnx = ort.run(x, BATCH);
            assertThat(OnnxChecks.maxAbsDiff(engine, onnx)).as("ONNX Runtime vs DJL for %s", net).isLessThan(TOLERANCE);
            if (!net.isGraph()) { // ReferenceForward reads chains; graphs are checked against PyTorch (GraphFixtureTest)
                assertThat(OnnxChecks.maxAbsDiff(OnnxChecks.referenceOutputs(net, x, BATCH), onnx))
                        .as("ONNX Runtime vs reference for %s", net).isLessThan(TOLERANCE);
            }
        }
        Network back = OnnxImport.fromBytes(file, net.name() + ".onnx", net.name());
        assertThat(back.sameWeightsAs(net)).isTrue();
        assertThat(back.normalization().mean()).containsExactly(net.normalization().mean());
        assertThat(back.normalization().std()).containsExactly(net.normalization().std());
    }

    /** Keeps a random non-empty subset of every prunable layer. */
    /** A random plan that fits the network: per layer on a chain, whole dependency groups on a graph. */
    static PruningPlan randomPlan(Network net, long seed) {
        if (net.isGraph()) {
            return new RandomPruning(0.5, seed).plan(net, null, Progress.NONE).plan();
        }
        Random r = new Random(seed);
        Map<String, int[]> kept = new LinkedHashMap<>();
        for (int i : net.prunableLayerIndices()) {
            int units = net.layer(i).units();
            int keep = 1 + r.nextInt(units - 1);
            List<Integer> all = new java.util.ArrayList<>(IntStream.range(0, units).boxed().toList());
            java.util.Collections.shuffle(all, r);
            kept.put(net.layer(i).name(), all.subList(0, keep).stream().mapToInt(Integer::intValue).sorted().toArray());
        }
        return new PruningPlan("random-test", Map.of(), seed, kept);
    }

    /** Random inputs labelled by the network's own argmax, so that hidden units carry label information. */
    static Dataset labelledByTheNetwork(Network net, int n, long seed) {
        float[] x = OnnxChecks.randomInputs(seed, n, net.inputSize());
        int[] labels = new int[n];
        for (int s = 0; s < n; s++) {
            double[] out = ReferenceForward.outputs(net, java.util.Arrays.copyOfRange(x, s * net.inputSize(), (s + 1) * net.inputSize()));
            labels[s] = IntStream.range(0, out.length).reduce((a, b) -> out[a] >= out[b] ? a : b).orElseThrow();
        }
        return new Dataset("probe", net.inputShape(), x, labels, net.classes());
    }
}
