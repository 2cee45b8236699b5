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
