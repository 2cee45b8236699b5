package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CompareCommandTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path csv;

    @BeforeAll
    static void modelAndData() throws IOException {
        model = dir.resolve("model");
        ModelFolder.write(RandomNetworks.mlp(3, 6, 12, 8, 3), model);
        Random centres = new Random(99);
        double[][] c = new double[3][6];
        for (double[] row : c) {
            for (int d = 0; d < 6; d++) {
                row[d] = centres.nextGaussian() * 1.5;
            }
        }
        Random r = new Random(5);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            int y = i % 3;
            for (int d = 0; d < 6; d++) {
                b.append(String.format(Locale.ROOT, "%.5f,", c[y][d] + r.nextGaussian()));
            }
            b.append(y).append('\n');
        }
        csv = dir.resolve("blobs.csv");
        Files.writeString(csv, b.toString());
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = InfoPruneCli.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void comparesTheMissionMethodsAtMippsSparsityAndWritesTheReport() throws IOException {
        Path out = dir.resolve("report");
        Run r = run("compare", model.toString(), "--data", csv.toString(), "--methods", "mipp,global-topk,local-magnitude",
                "--finetune-epochs", "1", "--seed", "2", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("mipp", "global-topk", "local-magnitude", "report.html");
        assertThat(r.err()).contains("%");
        for (String f : new String[] {"report.html", "results.csv", "results.json", "accuracy-vs-sparsity.png",
                "accuracy-vs-sparsity.svg", "widths-1.png", "widths-1.svg"}) {
            assertThat(out.resolve(f)).isRegularFile();
        }
        JsonNode root = JsonOutput.MAPPER.readTree(out.resolve("results.json").toFile());
        JsonNode results = root.get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("method").asText()).isEqualTo("mipp");
        double mippSparsity = results.get(0).get("sparsity").asDouble();
        assertThat(results.get(1).get("targetSparsity").asDouble()).isEqualTo(mippSparsity);
        assertThat(root.get("fineTuneEpochs").asInt()).isEqualTo(1);
    }

    @Test
    void jsonGoesToStdoutAndASweepRunsEverySparsity() throws IOException {
        Path out = dir.resolve("sweep");
        Run r = run("compare", model.toString(), "--data", csv.toString(), "--methods", "local-magnitude,random",
                "--sweep", "0.5,0.9", "--finetune-epochs", "0", "--out", out.toString(), "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode root = JsonOutput.MAPPER.readTree(r.out());
        assertThat(root.get("results")).hasSize(4);
        assertThat(root.get("mode").asText()).isEqualTo("sweep");
    }

    @Test
    void theSplitDefaultsToTheModelCardsSeedSoTheTestSplitIsTheOneTheModelNeverSaw() throws IOException {
        Run r = run("compare", "mlp-digits", "--data", "digits", "--methods", "local-magnitude", "--sparsity", "0",
                "--finetune-epochs", "0", "--seed", "5", "--out", dir.resolve("card-seed").toString(), "--json");
        assertThat(r.status()).as(r.err()).isZero();
        JsonNode unpruned = JsonOutput.MAPPER.readTree(r.out()).path("unpruned").path("test");
        Run eval = run("evaluate", "mlp-digits", "--data", "digits", "--json"); // the card's split
        assertThat(eval.status()).as(eval.err()).isZero();
        JsonNode reference = JsonOutput.MAPPER.readTree(eval.out());
        assertThat(unpruned.path("accuracy").asDouble()).isEqualTo(reference.path("accuracy").asDouble());
        assertThat(unpruned.path("loss").asDouble()).isCloseTo(reference.path("loss").asDouble(),
                org.assertj.core.api.Assertions.within(1e-6));

        Run text = run("compare", "mlp-digits", "--data", "digits", "--methods", "local-magnitude", "--sparsity", "0",
                "--finetune-epochs", "0", "--split-seed", "7", "--out", dir.resolve("seed-7").toString());
        assertThat(text.status()).as(text.err()).isZero();
        assertThat(text.out()).contains("split seed 7; 359 probe, 1079 train, 359 test samples");
    }

    @Test
    void badInputIsOneLineAndStatusTwo() {
        Run unknown = run("compare", model.toString(), "--data", csv.toString(), "--methods", "mipp,magic",
                "--out", dir.resolve("x").toString());
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err().trim()).contains("magic").doesNotContain("\n");
        Run both = run("compare", model.toString(), "--data", csv.toString(), "--methods", "random",
                "--sparsity", "0.5", "--sweep", "0.5", "--out", dir.resolve("y").toString());
        assertThat(both.status()).isEqualTo(2);
        Run noRef = run("compare", model.toString(), "--data", csv.toString(), "--methods", "random",
                "--out", dir.resolve("z").toString());
        assertThat(noRef.status()).isEqualTo(2);
        assertThat(noRef.err()).contains("--sparsity");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
