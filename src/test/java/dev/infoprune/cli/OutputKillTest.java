package dev.infoprune.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.infoprune.core.AtomicFiles;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.onnx.OnnxImport;
import dev.infoprune.prune.PlanFiles;
import dev.infoprune.study.ReportWriter;
import dev.infoprune.workspace.SessionFiles;
import dev.infoprune.workspace.SessionWriterLoop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills (SIGKILL) a child JVM at random moments while it writes outputs over and over — {@code prune --out},
 * {@code compare --out}, {@code export} and a session save — and checks the output path each time: as found it
 * is absent or complete, never partial; after {@link AtomicFiles#recover} (what the next write, or a reader,
 * does) it is complete and no temporary sibling is left. One kill per command by default (a few seconds each);
 * {@code -Dinfoprune.killTest.iterations=20} runs 20 per command.
 */
class OutputKillTest {
    private static final int ITERATIONS = Integer.getInteger("infoprune.killTest.iterations", 1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private interface Check {
        void complete(Path target) throws Exception;
    }

    private Path model() throws Exception {
        Path dir = tmp.resolve("model");
        ModelFolder.write(RandomNetworks.mlp(1, 4, 24, 16, 3), dir);
        return dir;
    }

    private Path data() throws Exception {
        StringBuilder sb = new StringBuilder();
        Random r = new Random(1);
        for (int i = 0; i < 150; i++) {
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%d%n", r.nextGaussian() + i % 3, r.nextGaussian(),
                    r.nextGaussian(), r.nextGaussian(), i % 3));
        }
        Path f = tmp.resolve("data.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void pruneOut() throws Exception {
        Path out = tmp.resolve("pruned");
        killRepeatedly("prune", out, List.of(CommandLoop.class.getName(), "{started}", "prune", model().toString(), "--data",
                data().toString(), "--method", "global-topk", "--sparsity", "0.5", "--finetune-epochs", "0", "--seed", "{seed}",
                "--out", out.toString(), "--overwrite"), target -> {
            ModelFolder.read(target);
            PlanFiles.read(target.resolve(PlanFiles.FILE_NAME));
        });
    }

    @Test
    void compareOut() throws Exception {
        Path out = tmp.resolve("report");
        killRepeatedly("compare", out, List.of(CommandLoop.class.getName(), "{started}", "compare", model().toString(), "--data",
                data().toString(), "--methods", "local-magnitude,random", "--sparsity", "0.5", "--finetune-epochs", "0",
                "--seed", "{seed}", "--out", out.toString(), "--overwrite"), target -> {
            assertThat(target.resolve(ReportWriter.HTML)).content().endsWith("</html>\n");
            assertThat(target.resolve(ReportWriter.CSV)).exists();
            assertThat(JSON.readTree(target.resolve(ReportWriter.JSON).toFile()).path("results").size()).isEqualTo(2);
        });
    }

    @Test
    void exportOnnx() throws Exception {
        Path out = tmp.resolve("model.onnx");
        killRepeatedly("export", out, List.of(CommandLoop.class.getName(), "{started}", "export", model().toString(),
                "--format", "onnx", "--out", out.toString()), OnnxImport::read);
    }

    @Test
    void sessionSave() throws Exception {
        Path out = tmp.resolve("loop" + SessionFiles.EXTENSION);
        killRepeatedly("session", out, List.of(SessionWriterLoop.class.getName(), out.toString(), "{started}"),
                SessionFiles::read);
    }

    private void killRepeatedly(String what, Path target, List<String> mainAndArgs, Check check) throws Exception {
        Random random = new Random(what.hashCode());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int absentAsFound = 0;
        for (int k = 0; k < ITERATIONS; k++) {
            Path started = tmp.resolve(what + "-started-" + k);
            Path log = tmp.resolve(what + "-child-" + k + ".log");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dai.djl.offline=true",
                    "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path")));
            mainAndArgs.forEach(a -> command.add(a.replace("{started}", started.toString())));
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!Files.exists(started)) {
                    assertThat(child.isAlive()).as("%s child died: %s", what, read(log)).isTrue();
                    assertThat(System.nanoTime()).as("%s child never finished a run", what).isLessThan(deadline);
                    Thread.sleep(20);
                }
                Thread.sleep(random.nextInt(1500));
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            if (Files.exists(target)) {
                check.complete(target); // as found: whole, never a part
            } else {
                absentAsFound++; // killed between moving the old folder aside and moving the new one in
            }
            AtomicFiles.recover(target);
            assertThat(target).as("%s kill %d: the previous output was not put back", what, k).exists();
            check.complete(target);
            assertThat(AtomicFiles.leftovers(target)).as("%s kill %d", what, k).isEmpty();
            try (var siblings = Files.list(target.getParent())) {
                assertThat(siblings.map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.startsWith("." + target.getFileName()));
            }
        }
        System.out.printf(Locale.ROOT, "OutputKillTest %s: %d kills, %d found the output absent (put back by recover)%n",
                what, ITERATIONS, absentAsFound);
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
