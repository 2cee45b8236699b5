package dev.infoprune.cli;

import dev.infoprune.core.BadInputException;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.SeededSubset;
import picocli.CommandLine.Option;

/** {@code --probe-samples N}: how many probe samples a command captures activations on. */
final class ProbeOptions {
    static final int FEWEST = 10;

    @Option(names = "--probe-samples", paramLabel = "N",
            description = "Use a random subset of N probe samples, drawn with --seed (default: all).")
    Integer probeSamples;

    /** Refuses too few samples before any work. */
    void check() {
        checkCount(probeSamples, "--probe-samples");
    }

    boolean all() {
        return probeSamples == null;
    }

    Dataset apply(Dataset probe, long seed) {
        return limit(probe, probeSamples, "--probe-samples", seed);
    }

    /** At most {@code count} samples of {@code data} (a seeded subset), or all of them when {@code count} is null. */
    static Dataset limit(Dataset data, Integer count, String option, long seed) {
        checkCount(count, option);
        return count == null ? data : SeededSubset.of(data, count, seed);
    }

    private static void checkCount(Integer count, String option) {
        if (count != null && count < FEWEST) {
            throw new BadInputException(option, "needs at least " + FEWEST + " samples, got " + count);
        }
    }
}
