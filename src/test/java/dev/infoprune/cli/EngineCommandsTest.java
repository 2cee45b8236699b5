package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EngineCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void trainWritesAModelFolderWithItsCardAndEvaluateReproducesTheCard() throws Exception {
        Path dir = tmp.resolve("blobs-mlp");
        CliRun train = CliRun.of("train", "--arch", "mlp:16", "--data", "synthetic-blobs", "--epochs", "5",
                "--seed", "3", "--lr", "0.01", "--batch-size", "32", "--out", dir.toString(), "--json");
        assertThat(train.status()).as(train.err()).isZero();
        JsonNode json = train.json();
        assertThat(json.path("history")).hasSize(5);
        double cardAccuracy = json.path("card").path("testAccuracy").asDouble();
        assertThat(cardAccuracy).isGreaterThan(0.8);
        assertThat(train.err()).contains("epoch 5/5: train loss");

        assertThat(dir.resolve("model.json")).exists();
        assertThat(dir.resolve("weights.npz")).exists();
        assertThat(dir.resolve("training.csv")).content().startsWith("epoch,train_loss").hasLineCount(6);
        assertThat(dir.resolve("MODEL_CARD.md")).content()
                .contains("| seed | 3 |", "| epochs | 5 |", String.format(Locale.ROOT, "| test accuracy | %.4f |", cardAccuracy))
                .contains("infoprune train --arch mlp:16 --data synthetic-blobs --epochs 5 --seed 3");
        Network trained = ModelFolder.read(dir);
        assertThat(trained.name()).isEqualTo("blobs-mlp");
        assertThat(trained.normalization().isIdentity()).isFalse();

        CliRun eval = CliRun.of("evaluate", dir.toString(), "--data", "synthetic-blobs", "--json");
        assertThat(eval.status()).as(eval.err()).isZero();
        assertThat(eval.json().path("seed").asLong()).isEqualTo(3);
        assertThat(eval.json().path("accuracy").asDouble()).isEqualTo(cardAccuracy);
        assertThat(eval.json().path("loss").asDouble()).isCloseTo(json.path("card").path("testLoss").asDouble(), within(1e-9));

        CliRun text = CliRun.of("evaluate", dir.toString(), "--data", "synthetic-blobs", "--split", "probe");
        assertThat(text.status()).isZero();
        assertThat(text.out()).startsWith("blobs-mlp on synthetic-blobs (probe split, seed 3, ");
    }

    @Test
    void trainIsDeterministic() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        for (Path p : new Path[] {a, b}) {
            assertThat(CliRun.of("train", "--arch", "mlp:8/bn-drop0.2", "--data", "synthetic-xor", "--epochs", "2",
                    "--seed", "5", "--out", p.toString()).status()).isZero();
        }
        assertThat(ModelFolder.read(a).sameWeightsAs(ModelFolder.read(b))).isTrue();
    }

    @Test
    void predictFeedsRawRowsAndWritesOneRowOfOutputsEach() throws Exception {
        Network net = RandomNetworks.mlp(3, 4, 6, 5, 3).withNormalization(
                new dev.infoprune.model.Normalization(new float[] {10f}, new float[] {3f}));
        Path dir = tmp.resolve("m");
        ModelFolder.write(net, dir);
        Path csv = tmp.resolve("in.csv");
        Files.writeString(csv, "a,b,c,d\n1,2,3,4\n-1,0.5,2,7\n");
        Path outCsv = tmp.resolve("out.csv");
        CliRun run = CliRun.of("predict", dir.toString(), csv.toString(), "--out", outCsv.toString());
        assertThat(run.status()).as(run.err()).isZero();
        var lines = Files.readAllLines(outCsv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("c0,c1,c2");
        Matrix expected = Inference.outputsOfRawInputs(net, new float[] {1, 2, 3, 4, -1, 0.5f, 2, 7}, 2, "x", Progress.NONE);
        for (int i = 0; i < 2; i++) {
            double[] got = Arrays.stream(lines.get(i + 1).split(",")).mapToDouble(Double::parseDouble).toArray();
            double[] ref = dev.infoprune.model.ReferenceForward.outputs(net, i == 0 ? new float[] {1, 2, 3, 4} : new float[] {-1, 0.5f, 2, 7});
            for (int j = 0; j < 3; j++) {
                assertThat(got[j]).isCloseTo(expected.get(i, j), within(1e-5)).isCloseTo(ref[j], within(1e-5));
            }
        }
        CliRun probabilities = CliRun.of("predict", dir.toString(), csv.toString(), "--probabilities");
        double sum = Arrays.stream(probabilities.out().split("\n")[1].split(",")).mapToDouble(Double::parseDouble).sum();
        assertThat(sum).isCloseTo(1, within(1e-5));
    }

    @Test
    void predictPrintsEveryFloatDigitAndJsonOnRequest() throws Exception {
        Network net = RandomNetworks.chain(8, 4, 7, 3, new dev.infoprune.model.Activation("g", dev.infoprune.model.Activation.Kind.GELU));
        Path dir = tmp.resolve("m");
        ModelFolder.write(net, dir);
        Path csv = tmp.resolve("in.csv");
        Files.writeString(csv, "0.1,0.2,0.3,0.4\n-1.5,2.25,0.125,7\n");
        Matrix expected = Inference.outputsOfRawInputs(net, new float[] {0.1f, 0.2f, 0.3f, 0.4f, -1.5f, 2.25f, 0.125f, 7},
                2, "x", Progress.NONE);
        CliRun text = CliRun.of("predict", dir.toString(), csv.toString());
        assertThat(text.status()).as(text.err()).isZero();
        String[] lines = text.out().split("\n");
        CliRun json = CliRun.of("predict", dir.toString(), csv.toString(), "--json");
        assertThat(json.status()).as(json.err()).isZero();
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.out());
        assertThat(doc.get("kind").asText()).isEqualTo("logits");
        assertThat(doc.get("classes").toString()).isEqualTo("[\"c0\",\"c1\",\"c2\"]");
        for (int i = 0; i < 2; i++) {
            String[] cells = lines[i + 1].split(",");
            for (int j = 0; j < 3; j++) {
                // the printed decimal reads back as exactly the float the engine computed: no digits lost
                assertThat(Float.parseFloat(cells[j])).isEqualTo((float) expected.get(i, j));
                assertThat(Float.parseFloat(doc.get("outputs").get(i).get(j).asText())).isEqualTo((float) expected.get(i, j));
            }
        }
    }

    @Test
    void aDataSetWhoseInputsDoNotFitTheModelExitsTwoWithOneLine() throws Exception {
        Path dir = tmp.resolve("cnn");
        ModelFolder.write(RandomNetworks.cnn(1, 1, 12, 12, 3).withName("cnn"), dir);
        CliRun run = CliRun.of("evaluate", dir.toString(), "--data", "iris");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(
                "infoprune: iris: inputs have shape [4] (4 values) but model cnn expects [1, 12, 12] (144 values)");
    }

    @Test
    void aMissingModelFolderExitsTwoWithOneLine() {
        Path missing = tmp.resolve("nothing-here");
        CliRun run = CliRun.of("evaluate", missing.toString(), "--data", "iris");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("infoprune: ").contains("nothing-here").doesNotContain("\n");
    }

    @Test
    void aTruncatedWeightsFileExitsTwoWithOneLineNamingIt() throws Exception {
        Path dir = tmp.resolve("m");
        ModelFolder.write(RandomNetworks.mlp(1, 4, 5, 3, 3), dir);
        Path npz = dir.resolve("weights.npz");
        byte[] bytes = Files.readAllBytes(npz);
        Files.write(npz, Arrays.copyOf(bytes, bytes.length / 3));
        for (String[] args : new String[][] {{"evaluate", dir.toString(), "--data", "iris"},
                {"predict", dir.toString(), tmp.resolve("x.csv").toString()}}) {
            CliRun run = CliRun.of(args);
            assertThat(run.status()).isEqualTo(2);
            assertThat(run.err().strip()).startsWith("infoprune: " + npz).contains("truncated or corrupt")
                    .doesNotContain("\n");
        }
    }

    @Test
    void predictRefusesRowsOfTheWrongWidth() throws Exception {
        Path dir = tmp.resolve("m");
        ModelFolder.write(RandomNetworks.mlp(1, 4, 5, 3, 3).withName("small"), dir);
        Path csv = tmp.resolve("wide.csv");
        Files.writeString(csv, "1,2,3,4,5\n");
        CliRun run = CliRun.of("predict", dir.toString(), csv.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("infoprune: " + csv
                + ": rows have 5 values but model small takes inputs of shape [4] (4 values)");
    }

    @Test
    void trainRefusesABadSpecAndWillNotReplaceAFolderThatIsNotAModel() throws Exception {
        CliRun bad = CliRun.of("train", "--arch", "mlp:12-zz", "--data", "iris", "--epochs", "1", "--out",
                tmp.resolve("x").toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err().strip()).isEqualTo("infoprune: --arch mlp:12-zz: cannot read \"zz\" (expected e.g. 128, "
                + "fc128, 16c3, 16c3s2p1/bn, res32s2, pool, avgpool2, gap, drop0.5)");
        Path precious = tmp.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("notes.txt"), "mine");
        CliRun refused = CliRun.of("train", "--arch", "mlp:4", "--data", "iris", "--epochs", "1", "--out", precious.toString());
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).contains("exists and is not a model folder; refusing to replace it");
        assertThat(precious.resolve("notes.txt")).hasContent("mine");
        assertThat(CliRun.of("train", "--arch", "mlp:4", "--data", "iris", "--epochs", "1", "--batch-size", "1",
                "--out", tmp.resolve("y").toString()).err()).contains("batch size must be at least 2");
    }
}
