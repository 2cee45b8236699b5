package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MiAndScoresCommandTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = InfoPruneCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** Columns: x, y (ρ = 0.5 with x), z (noise), label (x > 0). */
    Path csv(String name, boolean header, String badCell) throws Exception {
        Random r = new Random(1);
        StringBuilder sb = new StringBuilder(header ? "x,y,z,label\n" : "");
        for (int i = 0; i < 3000; i++) {
            double x = r.nextGaussian();
            double y = 0.5 * x + Math.sqrt(0.75) * r.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.8f,%.8f,%.8f,%d%n", x, y, r.nextGaussian(), x > 0 ? 1 : 0));
            if (i == 7 && badCell != null) {
                sb.append("1.0,").append(badCell).append(",0.5,1\n");
            }
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void miPrintsTheEstimateWithItsEstimatorAndJson() throws Exception {
        Path f = csv("d.csv", true, null);
        Run text = run("mi", f.toString(), "--x", "0", "--y", "1", "--estimator", "gaussian");
        assertThat(text.status()).isZero();
        assertThat(text.out()).contains("I(X;Y) = 0.1").contains("nats").contains("gaussian(ridge=1.0E-8)").contains("3000 samples");
        Run json = run("mi", f.toString(), "--x", "0", "--y", "1", "--z", "2", "-e", "ksg", "-o", "k=4", "--bits", "--json");
        assertThat(json.status()).isZero();
        JsonNode doc = JsonOutput.MAPPER.readTree(json.out());
        assertThat(doc.get("quantity").asText()).isEqualTo("I(X;Y|Z)");
        assertThat(doc.get("unit").asText()).isEqualTo("bits");
        assertThat(doc.get("value").asDouble()).isCloseTo(0.14384 / Math.log(2), within(0.05));
        assertThat(doc.at("/estimator/parameters/k").asInt()).isEqualTo(4);
        Run labels = run("mi", f.toString(), "--x", "0-1", "--y", "3", "--labels", "-e", "ksg");
        assertThat(labels.status()).isZero();
        assertThat(labels.out()).contains("(labels)");
    }

    @Test
    void badInputExitsTwoWithOneClearLine() throws Exception {
        Path f = csv("bad.csv", true, "oops");
        Run bad = run("mi", f.toString(), "--x", "0", "--y", "1");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("bad.csv").contains("oops");
        Path good = csv("good.csv", false, null);
        Run cols = run("mi", good.toString(), "--x", "0", "--y", "9");
        assertThat(cols.status()).isEqualTo(2);
        assertThat(cols.err()).contains("--y").contains("column 9 does not exist");
        Run est = run("mi", good.toString(), "--x", "0", "--y", "1", "-e", "ksg", "-o", "k=0");
        assertThat(est.status()).isEqualTo(2);
        assertThat(est.err()).contains("k must be at least 1");
        Run unknown = run("mi", good.toString(), "--x", "0", "--y", "1", "-e", "kde");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown estimator 'kde'");
    }

    @Test
    void scoresWritesOneScorePerNodePerLayerWithTheEstimator() throws Exception {
        Network net = RandomNetworks.mlp(3, 4, 6, 5, 3);
        Path model = dir.resolve("model");
        ModelFolder.write(net, model);
        Random r = new Random(4);
        StringBuilder sb = new StringBuilder("a,b,c,d,label\n");
        for (int i = 0; i < 600; i++) {
            int l = r.nextInt(3);
            sb.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f,%d%n", l + r.nextGaussian(), r.nextGaussian(),
                    r.nextGaussian() - l, r.nextGaussian(), l));
        }
        Path data = dir.resolve("data.csv");
        Files.writeString(data, sb.toString());
        Path json = dir.resolve("s.json");
        Run run = run("scores", model.toString(), "--data", data.toString(), "--estimator", "ksg", "--out", json.toString());
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode doc = JsonOutput.MAPPER.readTree(json.toFile());
        assertThat(doc.get("scores")).hasSize(4);
        JsonNode labelMi = doc.get("scores").get(0);
        assertThat(labelMi.get("kind").asText()).isEqualTo("label-mi");
        assertThat(labelMi.at("/estimator/name").asText()).isEqualTo("ksg");
        assertThat(labelMi.at("/estimator/parameters/k").asInt()).isEqualTo(3);
        assertThat(labelMi.at("/layers/fc1")).hasSize(6);
        assertThat(labelMi.at("/layers/fc2")).hasSize(5);
        Path csvOut = dir.resolve("s.csv");
        Run csvRun = run("scores", model.toString(), "--data", data.toString(), "-e", "gaussian", "--scores", "label-cmi,weight-l2", "--out", csvOut.toString());
        assertThat(csvRun.status()).as(csvRun.err()).isZero();
        assertThat(Files.readAllLines(csvOut)).hasSize(2 + 1 + 11).first().asString().contains("gaussian(ridge=1.0E-8)");
    }
}
