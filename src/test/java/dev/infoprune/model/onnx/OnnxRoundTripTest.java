package dev.infoprune.model.onnx;

import dev.infoprune.model.Activation;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.GlobalAvgPool;
import dev.infoprune.model.Flatten;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.infoprune.model.onnx.OnnxChecks.TOLERANCE;
import static dev.infoprune.model.onnx.OnnxChecks.ortDeviation;
import static org.assertj.core.api.Assertions.assertThat;

class OnnxRoundTripTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomMlpRunsInOnnxRuntimeAndImportsBackUnchanged(long seed) throws Exception {
        Network net = RandomNetworks.mlp(seed, 9, 12, 7, 4);
        assertRoundTrip(net, seed);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void randomCnnRunsInOnnxRuntimeAndImportsBackUnchanged(long seed) throws Exception {
        Network net = RandomNetworks.cnn(seed, 2, 12, 10, 3);
        assertRoundTrip(net, seed);
    }

    @Test
    void globalPoolingStridesPaddingAndVectorBatchNormRoundTrip() throws Exception {
        Random r = new Random(5);
        List<Layer> layers = List.of(
                new Conv2d("stem", 3, 6, 5, 2, 2, RandomNetworks.random(r, 0.3, 6, 3, 5, 5), RandomNetworks.random(r, 0.1, 6)),
                new Activation("act", Activation.Kind.TANH),
                new GlobalAvgPool("gap"),
                new Flatten("flat"),
                new Dense("fc", 6, 5, RandomNetworks.random(r, 0.5, 5, 6), RandomNetworks.random(r, 0.1, 5)),
                new BatchNorm("bn", 5, 1e-3, RandomNetworks.random(r, 0.5, 5), RandomNetworks.random(r, 0.1, 5),
                        RandomNetworks.random(r, 0.1, 5), Tensor.filled(0.7f, 5)),
                new Activation("sig", Activation.Kind.SIGMOID),
                new Dense("head", 5, 2, RandomNetworks.random(r, 0.5, 2, 5), RandomNetworks.random(r, 0.1, 2)));
        Network net = new Network("mixed", new int[] {3, 11, 9}, List.of("no", "yes"), layers, Normalization.IDENTITY,
                ModelCard.EMPTY);
        assertRoundTrip(net, 5);
    }

    @Test
    void globalNormalisationIsBakedIntoTheGraphAndComesBack() throws Exception {
        Network net = RandomNetworks.cnn(4, 1, 8, 8, 3)
                .withNormalization(new Normalization(new float[] {0.25f}, new float[] {0.5f}));
        Network back = assertRoundTrip(net, 4);
        assertThat(back.normalization().mean()).containsExactly(0.25f);
        assertThat(back.normalization().std()).containsExactly(0.5f);
    }

    @Test
    void perFeatureNormalisationIsBakedIntoTheGraphAndComesBack() throws Exception {
        Random r = new Random(8);
        float[] mean = new float[6];
        float[] std = new float[6];
        for (int i = 0; i < 6; i++) {
            mean[i] = (float) r.nextGaussian();
            std[i] = 0.5f + r.nextFloat();
        }
        Network net = RandomNetworks.mlp(8, 6, 5, 4, 3).withNormalization(new Normalization(mean, std));
        Network back = assertRoundTrip(net, 8);
        assertThat(back.normalization().mean()).containsExactly(mean);
        assertThat(back.normalization().std()).containsExactly(std);
    }

    @Test
    void prunedNetworksExportAndImport() throws Exception {
        Network mlp = RandomNetworks.mlp(11, 9, 12, 7, 4);
        assertRoundTrip(keepUnits(mlp, "fc1", new int[] {0, 3, 4, 10}, 1), 11);
        Network cnn = RandomNetworks.cnn(12, 2, 12, 12, 3);
        assertRoundTrip(keepUnits(cnn, "conv1", new int[] {1, 3}, 1), 12);
        // conv2 feeds the flatten: each filter owns 2x2 positions of fc1's input
        assertRoundTrip(keepUnits(cnn, "conv2", new int[] {0, 2, 4}, 4), 12);
    }

    @Test
    void writeIsAtomicAndReplacesAnExistingFile() throws Exception {
        Network net = RandomNetworks.mlp(2, 5, 4, 3, 2);
        Path file = dir.resolve("model.onnx");
        Files.writeString(file, "old");
        OnnxExport.write(net, file);
        assertThat(OnnxImport.read(file).sameWeightsAs(net)).isTrue();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("model.onnx");
        }
    }

    private Network assertRoundTrip(Network net, long seed) throws Exception {
        double deviation = ortDeviation(net, 5, seed);
        assertThat(deviation).as("ONNX Runtime vs reference for %s", net).isLessThan(TOLERANCE);
        Path file = dir.resolve(net.name() + "-" + seed + ".onnx");
        OnnxExport.write(net, file);
        Network back = OnnxImport.read(file);
        assertThat(back.sameWeightsAs(net)).as("import gives back %s", net).isTrue();
        assertThat(back.layers()).isEqualTo(net.layers());
        assertThat(back.classes()).isEqualTo(net.classes());
        assertThat(back.name()).isEqualTo(net.name());
        assertThat(back.inputShape()).isEqualTo(net.inputShape());
        return back;
    }

    /**
     * Keeps some units of one layer the way surgery does: rows of its weight, the matching BatchNorm entries,
     * and the matching inputs of the next dense/conv layer ({@code group} inputs per unit after a flatten).
     */
    static Network keepUnits(Network net, String layerName, int[] keep, int group) {
        List<Layer> layers = new ArrayList<>(net.layers());
        int i = net.indexOf(layerName);
        Layer l = layers.get(i);
        layers.set(i, l.withWeights(java.util.Map.of("weight", l.weights().get("weight").selectFirstAxis(keep),
                "bias", l.weights().get("bias").selectFirstAxis(keep))));
        for (int j = i + 1; j < layers.size(); j++) {
            Layer next = layers.get(j);
            if (next instanceof BatchNorm bn) {
                var w = new java.util.HashMap<String, Tensor>();
                bn.weights().forEach((k, v) -> w.put(k, v.selectFirstAxis(keep)));
                layers.set(j, bn.withWeights(w));
            } else if (next.isPrunable()) {
                layers.set(j, next.withWeights(java.util.Map.of("weight", next.weights().get("weight").selectSecondAxis(keep, group),
                        "bias", next.weights().get("bias"))));
                break;
            }
        }
        return net.withLayers(layers).withName(net.name() + "-pruned");
    }
}
