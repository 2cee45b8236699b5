package dev.infoprune.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Killing the app while it saves never leaves a corrupt session: a child JVM writes two sessions to one file in
 * a loop and is killed (SIGKILL) at random moments; the file is then always one of the two, complete.
 */
class SessionKillTest {
    @Test
    void aKilledWriterLeavesTheOldOrTheNewSessionNeverAMix(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("loop" + SessionFiles.EXTENSION);
        Session a = SessionWriterLoop.session(0);
        Session b = SessionWriterLoop.session(1);
        Random random = new Random(42);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int kills = 4;
        for (int k = 0; k < kills; k++) {
            Path started = tmp.resolve("started-" + k);
            Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    SessionWriterLoop.class.getName(), file.toString(), started.toString())
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("child-" + k + ".log").toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.exists(started)) {
                    assertThat(child.isAlive()).as("writer child died: %s", readLog(tmp, k)).isTrue();
                    assertThat(System.nanoTime()).as("writer child never finished a write").isLessThan(deadline);
                    Thread.sleep(20);
                }
                Thread.sleep(100 + random.nextInt(700));
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            Session back = SessionFiles.read(file);
            assertThat(back.model()).isIn(a.model(), b.model());
            Session expected = back.model().equals(a.model()) ? a : b;
            assertThat(back.data()).isEqualTo(expected.data());
            assertThat(back.scores().get(0).of("fc1")).containsExactly(expected.scores().get(0).of("fc1"));
        }
    }

    private static String readLog(Path tmp, int k) {
        try {
            return Files.readString(tmp.resolve("child-" + k + ".log"));
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
