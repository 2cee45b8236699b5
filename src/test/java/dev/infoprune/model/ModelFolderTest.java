package dev.infoprune.model;

import dev.infoprune.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aCnnWrittenAndReadBackHasIdenticalWeights() throws Exception {
        Network cnn = RandomNetworks.cnn(7, 1, 12, 12, 3)
                .withCard(new ModelCard("synthetic", 7L, 2, 0.5, 1.0, "test", null))
                .withNormalization(new Normalization(new float[] {0.25f}, new float[] {0.5f}));
        Path dir = tmp.resolve("cnn");
        ModelFolder.write(cnn, dir);
        Network back = ModelFolder.read(dir);
        assertThat(back.sameWeightsAs(cnn)).isTrue();
        assertThat(back.card()).isEqualTo(cnn.card());
        assertThat(back.normalization().mean()).containsExactly(0.25f);
        assertThat(back.classes()).isEqualTo(cnn.classes());
        assertThat(back.macs()).isEqualTo(cnn.macs());
    }

    @Test
    void theNewLayerTypesAreVersionOneJsonWithPyTorchsParameterNames() throws Exception {
        Network net = RandomNetworks.chain(2, 5, 6, 3, Activation.leakyRelu("leaky", 0.2), Activation.elu("elu", 0.5),
                new Activation("r6", Activation.Kind.RELU6), Activation.clip("clip", -1, 2), new Activation("gelu", Activation.Kind.GELU),
                new Activation("silu", Activation.Kind.SILU), new Activation("hswish", Activation.Kind.HARDSWISH),
                Activation.hardSigmoid("hsig", 0.2, 0.5));
        Path dir = tmp.resolve("acts");
        ModelFolder.write(net, dir);
        assertThat(ModelFolder.read(dir).sameWeightsAs(net)).isTrue();
        var layers = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("model.json").toFile());
        assertThat(layers.get("version").asInt()).isEqualTo(1);
        assertThat(layers.get("layers").get(1).toString()).isEqualTo("{\"type\":\"leakyrelu\",\"name\":\"leaky\",\"negative_slope\":0.2}");
        assertThat(layers.get("layers").get(7).toString()).isEqualTo("{\"type\":\"clip\",\"name\":\"clip\",\"min\":-1.0,\"max\":2.0}");
        assertThat(layers.get("layers").get(13).toString()).isEqualTo("{\"type\":\"hardswish\",\"name\":\"hswish\"}");
        assertThat(layers.get("layers").get(15).toString())
                .isEqualTo("{\"type\":\"hardsigmoid\",\"name\":\"hsig\",\"alpha\":0.2,\"beta\":0.5}");

        Network pools = RandomNetworks.paddedPoolCnn(1, 2, 3);
        ModelFolder.write(pools, tmp.resolve("pools"));
        assertThat(ModelFolder.read(tmp.resolve("pools")).sameWeightsAs(pools)).isTrue();
        String json = Files.readString(tmp.resolve("pools").resolve("model.json"));
        assertThat(json).contains("\"padding\" : 1", "\"count_include_pad\" : false");
    }

    @Test
    void handWrittenJsonTakesPyTorchsDefaultsAndRejectsMissingOrMalformedParameters() throws Exception {
        Network defaults = readLayers("{\"type\": \"leakyrelu\"}, {\"type\": \"elu\"}, {\"type\": \"hardsigmoid\"}, "
                + "{\"type\": \"avgpool\", \"kernel\": 3, \"stride\": 1, \"padding\": 1}");
        assertThat(defaults.layer(0)).isEqualTo(Activation.leakyRelu("leakyrelu0", 0.01));
        assertThat(defaults.layer(1)).isEqualTo(Activation.elu("elu1", 1.0));
        assertThat(defaults.layer(2)).isEqualTo(Activation.hardSigmoid("hardsigmoid2", 1.0 / 6, 0.5));
        assertThat(defaults.layer(3)).isEqualTo(new Pool("avgpool3", Pool.Kind.AVG, 3, 1, 1, true));
        assertThatThrownBy(() -> readLayers("{\"type\": \"clip\", \"min\": 0}"))
                .hasMessageContaining("layer 0 (clip): \"max\" must be a number");
        assertThatThrownBy(() -> readLayers("{\"type\": \"elu\", \"alpha\": \"big\"}"))
                .hasMessageContaining("layer 0 (elu): \"alpha\" must be a number");
        assertThatThrownBy(() -> readLayers("{\"type\": \"maxpool\", \"kernel\": 2, \"padding\": 2}"))
                .hasMessageContaining("layer 0 (maxpool): pool maxpool0: padding 2 must be between 0 and half the window (1)");
        assertThatThrownBy(() -> readLayers("{\"type\": \"avgpool\", \"kernel\": 3, \"padding\": 1, \"count_include_pad\": 0}"))
                .hasMessageContaining("\"count_include_pad\" must be true or false");
        assertThatThrownBy(() -> readLayers("{\"type\": \"swish\"}"))
                .hasMessageContaining("unknown layer type \"swish\" (supported: dense, conv2d, batchnorm, relu, sigmoid, tanh, leakyrelu");
    }

    @Test
    void shufflesSlicesAndCeilModePoolingAreReadWithTheirParametersAndCheckedWhenRead() throws Exception {
        Network net = readLayers("{\"type\": \"shuffle\", \"groups\": 2}, {\"type\": \"slice\", \"start\": 0, \"end\": 2}, "
                + "{\"type\": \"maxpool\", \"kernel\": 3, \"stride\": 1, \"padding\": 1, \"ceil_mode\": true}");
        assertThat(net.layer(0)).isEqualTo(new ChannelShuffle("shuffle0", 2));
        assertThat(net.layer(1)).isEqualTo(new ChannelSlice("slice1", 0, 2));
        assertThat(net.layer(2)).isEqualTo(new Pool("maxpool2", Pool.Kind.MAX, 3, 1, 1, true, true));
        assertThatThrownBy(() -> readLayers("{\"type\": \"shuffle\", \"groups\": 4}"))
                .hasMessageContaining("layer 0 (shuffle): channel shuffle shuffle0 needs [c, h, w] inputs whose channels divide "
                        + "into 4 groups, got [2, 6, 6]");
        assertThatThrownBy(() -> readLayers("{\"type\": \"slice\", \"start\": 1, \"end\": 3}"))
                .hasMessageContaining("layer 0 (slice): channel slice slice0 takes channels 1..3 of a [c, h, w] input, got [2, 6, 6]");
        assertThatThrownBy(() -> readLayers("{\"type\": \"avgpool\", \"kernel\": 2, \"ceil_mode\": true}"))
                .hasMessageContaining("layer 0 (avgpool): pool avgpool0: ceil mode is supported for max pooling only");
        assertThatThrownBy(() -> readLayers("{\"type\": \"maxpool\", \"kernel\": 2, \"ceil_mode\": 1}"))
                .hasMessageContaining("\"ceil_mode\" must be true or false");
    }

    /** A version 1 model.json with input [2, 6, 6], the given shape-keeping layers, then flatten and a dense output. */
    private Network readLayers(String layers) throws Exception {
        Path dir = tmp.resolve("hand" + System.nanoTime());
        Files.createDirectories(dir);
        String json = "{\"format\": \"infoprune-model\", \"version\": 1, \"input\": {\"shape\": [2, 6, 6]}, \"layers\": ["
                + layers + ", {\"type\": \"flatten\", \"name\": \"f\"}, {\"type\": \"dense\", \"name\": \"d\", \"out\": 2}]}";
        Files.writeString(dir.resolve("model.json"), json);
        // every layer given keeps the [2, 6, 6] shape, so the dense output takes 72 values
        java.util.Map<String, Tensor> weights = java.util.Map.of("d.weight", Tensor.zeros(2, 72), "d.bias", Tensor.zeros(2));
        try (var out = Files.newOutputStream(dir.resolve("weights.npz"))) {
            NpzWeights.write(weights, out);
        }
        return ModelFolder.read(dir);
    }

    @Test
    void overwritingAFolderReplacesItWhole() throws Exception {
        Path dir = tmp.resolve("m");
        ModelFolder.write(RandomNetworks.mlp(1, 5, 4, 3, 2), dir);
        Files.writeString(dir.resolve("stale.txt"), "old");
        ModelFolder.write(RandomNetworks.mlp(2, 5, 6, 3, 2), dir);
        assertThat(dir.resolve("stale.txt")).doesNotExist();
        assertThat(ModelFolder.read(dir).unitLayerWidths()).containsExactly(6, 3, 2);
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("m");
        }
    }

    @Test
    void countsParametersAndMultiplyAccumulates() {
        Network mlp = RandomNetworks.mlp(1, 64, 128, 64, 10);
        assertThat(mlp.parameterCount()).isEqualTo(64 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10);
        assertThat(mlp.macs()).isEqualTo(64 * 128 + 128 * 64 + 64 * 10);
        assertThat(mlp.prunableLayerNames()).containsExactly("fc1", "fc2");
        Network cnn = RandomNetworks.cnn(1, 1, 12, 12, 3);
        // conv1: 12x12 out, 4 filters of 1x3x3; conv2: 4x4 out, 5 filters of 4x3x3; fc1: 5*2*2 -> 7; out 7 -> 3
        assertThat(cnn.macs()).isEqualTo(12 * 12 * 4 * 9 + 4 * 4 * 5 * 4 * 9 + 20 * 7 + 7 * 3);
        assertThat(cnn.prunableLayerNames()).containsExactly("conv1", "conv2", "fc1");
    }

    @Test
    void aTruncatedNpzIsAClearError() throws Exception {
        Path dir = tmp.resolve("m");
        ModelFolder.write(RandomNetworks.mlp(1, 5, 4, 3, 2), dir);
        Path npz = dir.resolve("weights.npz");
        byte[] bytes = Files.readAllBytes(npz);
        Files.write(npz, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> ModelFolder.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(npz.toString()).hasMessageContaining("truncated or corrupt");
    }

    @Test
    void aWeightOfTheWrongShapeNamesTheWeight() throws Exception {
        Path dir = tmp.resolve("m");
        ModelFolder.write(RandomNetworks.mlp(1, 5, 4, 3, 2), dir);
        var weights = new java.util.LinkedHashMap<>(NpzWeights.read(dir.resolve("weights.npz")));
        weights.put("fc2.weight", Tensor.zeros(3, 5));
        try (var out = Files.newOutputStream(dir.resolve("weights.npz"))) {
            NpzWeights.write(weights, out);
        }
        assertThatThrownBy(() -> ModelFolder.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessage(dir.resolve("weights.npz") + ": weight fc2.weight has shape [3, 5], expected [3, 4]");
    }

    @Test
    void aMissingFolderOrModelJsonIsAClearError() throws Exception {
        assertThatThrownBy(() -> ModelFolder.read(tmp.resolve("nope")))
                .hasMessage(tmp.resolve("nope") + ": no such model folder");
        Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> ModelFolder.read(tmp.resolve("empty")))
                .hasMessage(tmp.resolve("empty") + ": not a model folder (no model.json)");
    }

    @Test
    void anUnknownLayerTypeIsNamed() throws Exception {
        Path dir = tmp.resolve("m");
        ModelFolder.write(RandomNetworks.mlp(1, 5, 4, 3, 2), dir);
        Path json = dir.resolve("model.json");
        Files.writeString(json, Files.readString(json).replace("\"tanh\"", "\"swish\""));
        assertThatThrownBy(() -> ModelFolder.read(dir)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(json + ": layer 3 (swish): unknown layer type \"swish\"");
    }

    @Test
    void numpyReadsTheWeightsWithTheDocumentedNamesAndShapes() throws Exception {
        Path python = PythonCheck.pythonWithNumpy();
        org.junit.jupiter.api.Assumptions.assumeTrue(python != null, "python3 with numpy not installed");
        Path dir = tmp.resolve("cnn");
        ModelFolder.write(RandomNetworks.cnn(3, 1, 12, 12, 3), dir);
        Process p = new ProcessBuilder(python.toString(), "-c",
                "import numpy, sys\nz = numpy.load(sys.argv[1])\n"
                        + "print(';'.join(k + str(list(z[k].shape)) + str(z[k].dtype) for k in z.files))",
                dir.resolve("weights.npz").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out.split(";")).contains("conv1.weight[4, 1, 3, 3]float32", "conv1.bias[4]float32",
                "bn1.running_var[4]float32", "conv2.weight[5, 4, 3, 3]float32", "fc1.weight[7, 20]float32",
                "out.bias[3]float32");
    }
}
