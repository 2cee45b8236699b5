package dev.infoprune.model;

import dev.infoprune.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelLocatorTest {
    @TempDir
    Path tmp;

    @Test
    void aModelFolderPathIsRead() throws Exception {
        Network mlp = RandomNetworks.mlp(3, 6, 5, 4, 3);
        Path dir = tmp.resolve("m");
        ModelFolder.write(mlp, dir);
        assertThat(ModelLocator.resolve(dir.toString()).sameWeightsAs(mlp)).isTrue();
        assertThat(ModelLocator.resolve(dir.resolve("model.json").toString()).sameWeightsAs(mlp)).isTrue();
    }

    @Test
    void bundledSamplesAreReadFromTheClassPath() throws Exception {
        Map<String, Network> models = new LinkedHashMap<>();
        models.put("tiny-mlp", RandomNetworks.mlp(1, 4, 5, 3, 2).withCard(new ModelCard("iris", 1L, 3, 0.9, 0.3, "mlp", null)));
        models.put("tiny-cnn", RandomNetworks.cnn(2, 1, 8, 8, 3));
        try (var ignored = TestSampleModels.offer(tmp.resolve("cp"), models)) {
            assertThat(SampleModels.names()).containsExactly("tiny-mlp", "tiny-cnn");
            Network mlp = ModelLocator.resolve("tiny-mlp");
            assertThat(mlp.sameWeightsAs(models.get("tiny-mlp"))).isTrue();
            assertThat(mlp.card().testAccuracy()).isEqualTo(0.9);
            assertThat(ModelLocator.resolve("tiny-cnn").sameWeightsAs(models.get("tiny-cnn"))).isTrue();
            assertThatThrownBy(() -> ModelLocator.resolve("tiny"))
                    .isInstanceOf(BadInputException.class)
                    .hasMessage("tiny: no such model folder, .onnx file or bundled sample model (bundled: tiny-mlp, tiny-cnn)");
        }
    }

    @Test
    void aDamagedBundledSampleNamesItsResource() throws Exception {
        try (var ignored = TestSampleModels.offer(tmp.resolve("cp"), Map.of("broken", RandomNetworks.mlp(1, 4, 5, 3, 2)))) {
            Path npz = tmp.resolve("cp/sample-models/broken/weights.npz");
            byte[] bytes = Files.readAllBytes(npz);
            Files.write(npz, Arrays.copyOf(bytes, bytes.length / 2));
            assertThatThrownBy(() -> ModelLocator.resolve("broken"))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith("sample-models/broken/weights.npz (bundled): not a readable NumPy .npz archive");
        }
    }

    @Test
    void theIndexOnTheRealClassPathListsOnlyLoadableModels() {
        for (String name : SampleModels.names()) {
            Network n = SampleModels.load(name);
            assertThat(n.layers()).as(name).isNotEmpty();
        }
    }

    @Test
    void onnxFilesAreImported() throws Exception {
        Path fixture = Path.of(ModelLocatorTest.class.getResource("/onnx/mlp_op17.onnx").toURI());
        Network net = ModelLocator.resolve(fixture.toString());
        assertThat(net.sameWeightsAs(dev.infoprune.model.onnx.OnnxImport.read(fixture))).isTrue();
        assertThat(net.unitLayerWidths()).containsExactly(16, 12, 4);
        Path onnx = Files.write(tmp.resolve("net.onnx"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> ModelLocator.resolve(onnx.toString()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(onnx + ": not an ONNX model, or a truncated one");
    }

    @Test
    void missingModelsAndOtherFilesAreClearErrors() throws Exception {
        Path missing = tmp.resolve("nothing-here");
        assertThatThrownBy(() -> ModelLocator.resolve(missing.toString()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(missing + ": no such model folder, .onnx file or bundled sample model (bundled: ");
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hi");
        assertThatThrownBy(() -> ModelLocator.resolve(text.toString()))
                .hasMessage(text + ": is neither a model folder nor an .onnx file");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> ModelLocator.resolve(empty.toString()))
                .hasMessage(empty + ": not a model folder (no model.json)");
    }
}
