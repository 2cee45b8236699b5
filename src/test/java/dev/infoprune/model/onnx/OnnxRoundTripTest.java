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
    void everyActivationAndPaddedPoolingRunInOnnxRuntimeAndImportBackUnchanged() throws Exception {
        // parameters off PyTorch's defaults (hardsigmoid 0.2/0.4, clip -0.5..1.5) and both count_include_pad values
        Network chain = RandomNetworks.chain(3, 6, 9, 4,
                Activation.leakyRelu("leaky1", 0.2), Activation.elu("elu2", 0.7), new Activation("relu6_3", Activation.Kind.RELU6),
                Activation.clip("clip4", -0.5, 1.5), new Activation("gelu5", Activation.Kind.GELU),
                new Activation("silu6", Activation.Kind.SILU), new Activation("hswish7", Activation.Kind.HARDSWISH),
                Activation.hardSigmoid("hsig8", 0.2, 0.4), new Activation("hsig9", Activation.Kind.HARDSIGMOID));
        assertRoundTrip(chain, 4);
        assertRoundTrip(RandomNetworks.paddedPoolCnn(6, 3, 2), 5);
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
    void globalNormalisationIsLeftToTheCallerAndComesBackFromTheMetadata() throws Exception {
        Network net = RandomNetworks.cnn(4, 1, 8, 8, 3)
                .withNormalization(new Normalization(new float[] {0.25f}, new float[] {0.5f}));
        Network back = assertRoundTrip(net, 4);
        assertThat(back.normalization().mean()).containsExactly(0.25f);
        assertThat(back.normalization().std()).containsExactly(0.5f);
    }

    @Test
    void perFeatureNormalisationIsLeftToTheCallerAndComesBackFromTheMetadata() throws Exception {
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
}
