package dev.infoprune.workspace;

import dev.infoprune.info.EstimatorSpec;
import dev.infoprune.info.NodeScores;
import dev.infoprune.info.ScoreKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A child process for {@link SessionKillTest}: writes session A and session B to one file in turn, forever
 * (until killed), touching a "started" file after the first complete write.
 */
public final class SessionWriterLoop {
    private SessionWriterLoop() {
    }

    /** Session {@code which} (0 = A, 1 = B): large enough that a write takes a while. */
    static Session session(int which) {
        double[] values = new double[150_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = which * 1000 + i * 1e-3;
        }
        NodeScores scores = new NodeScores(ScoreKind.LABEL_MI, new EstimatorSpec("gaussian", Map.of("ridge", 1e-8)),
                Map.of("samples", 100), Map.of("fc1", values));
        return new Session(new ModelSource(ModelSource.Kind.SAMPLE, which == 0 ? "model-a" : "model-b"), null,
                new DataChoice("digits", which, 100), EstimatorChoice.DEFAULT, List.of(scores), null, null, List.of(), 0);
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path started = Path.of(args[1]);
        Session[] sessions = {session(0), session(1)};
        for (long i = 0; ; i++) {
            SessionFiles.write(sessions[(int) (i % 2)], file);
            if (i == 0) {
                Files.writeString(started, "1");
            }
        }
    }
}
