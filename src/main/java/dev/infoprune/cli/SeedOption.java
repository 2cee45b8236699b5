package dev.infoprune.cli;

import picocli.CommandLine.Option;

/** {@code --seed S}: the seed of the run itself; the split has its own, {@link SplitOptions}. */
final class SeedOption {
    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the run: the method's random "
            + "choices (mipp, random, ...), sample subsets and fine-tuning; not the split (default ${DEFAULT-VALUE}).")
    long seed;

    long value() {
        return seed;
    }
}
