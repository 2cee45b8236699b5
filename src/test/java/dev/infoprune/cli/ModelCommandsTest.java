package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.TestSampleModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCommandsTest {
    @TempDir
    Path tmp;

    private static Network digitsMlp() {
        return RandomNetworks.mlp(5, 64, 32, 16, 10).withName("mlp-test")
                .withCard(new ModelCard("digits", 1L, 20, 0.9611, 0.13, "64-32-16-10", null))
                .withNormalization(new Normalization(new float[] {4.8f}, new float[] {6.0f}));
    }

    @Test
    void infoListsEveryLayerWithItsCounts() throws Exception {
        Path dir = tmp.resolve("m");
        ModelFolder.write(digitsMlp(), dir);
        CliRun run = CliRun.of("info", dir.toString());
        assertThat(run.status()).isZero();
        // fc1: 64*32 weights + 32 biases; fc2: 32*16 + 16; out: 16*10 + 10
        assertThat(run.out()).containsPattern("fc1\\s+dense\\s+\\[32\\]\\s+32\\s+2,080\\s+2,048\\s+prunable");
        assertThat(run.out()).containsPattern("relu1\\s+relu\\s+\\[32\\]\\s+-\\s+0\\s+0");
        assertThat(run.out()).containsPattern("fc2\\s+dense\\s+\\[16\\]\\s+16\\s+528\\s+512\\s+prunable");
        assertThat(run.out()).containsPattern("out\\s+dense\\s+\\[10\\]\\s+10\\s+170\\s+160\\s+output");
        assertThat(run.out()).containsPattern("total\\s+48 hidden\\s+2,778\\s+2,720");
        assertThat(run.out()).contains("Model mlp-test: input [64], 10 outputs", "global, mean 4.800, std 6.000",
                "test accuracy 0.9611", "multiply-accumulates");
    }

    @Test
    void infoAsJsonOnACnn() throws Exception {
        Path dir = tmp.resolve("cnn");
        ModelFolder.write(RandomNetworks.cnn(1, 1, 12, 12, 3), dir);
        JsonNode root = CliRun.of("info", dir.toString(), "--json").json();
        assertThat(root.at("/totals/macs").asLong()).isEqualTo(12 * 12 * 4 * 9 + 4 * 4 * 5 * 4 * 9 + 20 * 7 + 7 * 3);
        assertThat(root.get("flops").asText()).isEqualTo("macs");
        JsonNode conv1 = root.get("layers").get(0);
        assertThat(conv1.get("name").asText()).isEqualTo("conv1");
        assertThat(conv1.get("outputShape").toString()).isEqualTo("[4,12,12]");
        assertThat(conv1.get("units").asInt()).isEqualTo(4);
        assertThat(conv1.get("parameters").asLong()).isEqualTo(4 * 9 + 4);
        assertThat(conv1.get("prunable").asBoolean()).isTrue();
        assertThat(root.get("layers").get(1).get("units").isNull()).isTrue();
    }

    @Test
    void infoOnAMissingOrDamagedModelIsOneLineAndStatusTwo() throws Exception {
        Path missing = tmp.resolve("nope");
        CliRun run = CliRun.of("info", missing.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("infoprune: " + missing + ": no such model folder, .onnx file or bundled sample model");
        assertThat(run.err().strip()).doesNotContain("\n");

        Path dir = tmp.resolve("m");
        ModelFolder.write(digitsMlp(), dir);
        Files.writeString(dir.resolve("model.json"), "{ \"format\": ");
        CliRun broken = CliRun.of("info", dir.toString());
        assertThat(broken.status()).isEqualTo(2);
        assertThat(broken.err()).startsWith("infoprune: " + dir.resolve("model.json") + ": not valid JSON");

        Path onnx = Files.write(tmp.resolve("x.onnx"), new byte[] {0});
        CliRun notOnnx = CliRun.of("info", onnx.toString());
        assertThat(notOnnx.status()).isEqualTo(2);
        assertThat(notOnnx.err()).startsWith("infoprune: " + onnx + ": not an ONNX model, or a truncated one")
                .hasLineCount(1);
    }

    @Test
    void modelsListsTheBundledSamplesWithTheirCards() throws Exception {
        Map<String, Network> samples = new LinkedHashMap<>();
        samples.put("mlp-test", digitsMlp());
        samples.put("cnn-test", RandomNetworks.cnn(1, 1, 12, 12, 3));
        try (var ignored = TestSampleModels.offer(tmp.resolve("cp"), samples)) {
            CliRun run = CliRun.of("models");
            assertThat(run.status()).isZero();
            assertThat(run.out()).containsPattern("mlp-test\\s+digits\\s+0.9611\\s+64-32-16-10\\s+2,778\\s+2,720");
            assertThat(run.out()).containsPattern("cnn-test\\s+-\\s+-\\s+\\[1, 12, 12\\]-4-5-7-3");
            JsonNode json = CliRun.of("models", "--json").json();
            assertThat(json.get("models")).hasSize(2);
            assertThat(json.at("/models/0/testAccuracy").asDouble()).isEqualTo(0.9611);
            assertThat(json.at("/models/0/widths").toString()).isEqualTo("[32,16,10]");
            assertThat(json.at("/models/0/parameters").asLong()).isEqualTo(2778);

            CliRun sample = CliRun.of("info", "mlp-test");
            assertThat(sample.status()).isZero();
            assertThat(sample.out()).contains("Model mlp-test");
        }
    }

    @Test
    void modelsSaysSoWhenNoneAreBundled() throws Exception {
        try (var ignored = TestSampleModels.offer(tmp.resolve("cp"), Map.of())) {
            assertThat(CliRun.of("models").out()).contains("No sample models are bundled in this build.");
            assertThat(CliRun.of("models", "--json").json().get("models")).isEmpty();
        }
    }

    @Test
    void commandsHaveHelp() {
        assertThat(CliRun.of("models", "--help").out()).contains("Usage: infoprune models", "--json");
        assertThat(CliRun.of("info", "--help").out()).contains("Usage: infoprune info", "MODEL", "multiply-accumulates");
        CliRun noModel = CliRun.of("info");
        assertThat(noModel.status()).isEqualTo(2);
        assertThat(noModel.err()).contains("Missing required parameter: 'MODEL'");
    }
}
