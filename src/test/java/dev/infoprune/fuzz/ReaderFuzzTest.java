package dev.infoprune.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.fail;

/**
 * Fuzz targets for the npz, model.json, IDX, CSV, ONNX and session readers: each input must be read or refused
 * with a {@code BadInputException}, nothing else.
 * <ul>
 *   <li>{@link #mutatedSeedsAreReadOrRefused}: in {@code mvn verify}, the committed seeds and then seeded random
 *   mutations of them for {@code infoprune.fuzz.millis} (default 1000 ms) per reader; a finding is saved under
 *   {@code target/fuzz-findings/} and fails the test. {@code -Dinfoprune.fuzz.millis=60000} runs a minute each.</li>
 *   <li>The {@code @FuzzTest} methods are Jazzer's: in a normal run they replay the seed corpus
 *   ({@code ReaderFuzzTestInputs/<method>/}); {@code JAZZER_FUZZ=1 mvn test -Dtest=ReaderFuzzTest#npz} fuzzes one
 *   reader with coverage guidance for {@code maxDuration}; {@code mvn test -Pfuzz-long} fuzzes each for ten
 *   minutes (the profile overrides the duration and picks targets by their tag).</li>
 * </ul>
 */
class ReaderFuzzTest {
    private static final long MILLIS = Long.getLong("infoprune.fuzz.millis", 1000);

    @ParameterizedTest
    @ValueSource(strings = {"npz", "modelJson", "idx", "csv", "onnx", "session"})
    void mutatedSeedsAreReadOrRefused(String target) throws Exception {
        Consumer<byte[]> reader = ReaderTargets.ALL.get(target);
        List<byte[]> seeds = Seeds.of(target);
        Mutator mutator = new Mutator(target.hashCode());
        long deadline = System.nanoTime() + MILLIS * 1_000_000;
        int runs = 0;
        for (byte[] seed : seeds) {
            run(target, reader, seed, runs++);
        }
        java.util.Random pick = new java.util.Random(target.hashCode() + 1L);
        while (System.nanoTime() < deadline) {
            run(target, reader, mutator.mutate(seeds.get(pick.nextInt(seeds.size()))), runs++);
        }
    }

    private static void run(String target, Consumer<byte[]> reader, byte[] input, int run) throws Exception {
        try {
            reader.accept(input);
        } catch (Throwable t) {
            Path dir = Files.createDirectories(Path.of("target", "fuzz-findings"));
            Path file = dir.resolve(target + "-" + run + ".bin");
            Files.write(file, input);
            fail(target + " reader: " + t + " on input " + run + " (saved as " + file + ")", t);
        }
    }

    @Tag("npz")
    @FuzzTest(maxDuration = "30s")
    void npz(byte[] data) {
        ReaderTargets.npz(data);
    }

    @Tag("modelJson")
    @FuzzTest(maxDuration = "30s")
    void modelJson(byte[] data) {
        ReaderTargets.modelJson(data);
    }

    @Tag("idx")
    @FuzzTest(maxDuration = "30s")
    void idx(byte[] data) {
        ReaderTargets.idx(data);
    }

    @Tag("csv")
    @FuzzTest(maxDuration = "30s")
    void csv(byte[] data) {
        ReaderTargets.csv(data);
    }

    @Tag("onnx")
    @FuzzTest(maxDuration = "30s")
    void onnx(byte[] data) {
        ReaderTargets.onnx(data);
    }

    @Tag("session")
    @FuzzTest(maxDuration = "30s")
    void session(byte[] data) {
        ReaderTargets.session(data);
    }
}
