package dev.infoprune.cli;

import dev.infoprune.data.Dataset;
import dev.infoprune.model.Network;
import picocli.CommandLine.Mixin;

/** {@code --seed}, {@code --split-seed} and {@code --probe-samples}: which samples a run sees and how it draws. */
final class SeedsAndSamples {
    @Mixin
    SeedOption seed;

    @Mixin
    SplitOptions split;

    @Mixin
    ProbeOptions probe;

    long seed() {
        return seed.value();
    }

    long splitSeed(Network network) {
        return split.forModel(network);
    }

    long splitSeed(Network network, long withoutCard) {
        return split.forModel(network, withoutCard);
    }

    /** Refuses too few probe samples before any work. */
    void check() {
        probe.check();
    }

    /** All of the probe split, or the seeded subset {@code --probe-samples} asks for. */
    Dataset probe(Dataset probeSplit) {
        return probe.apply(probeSplit, seed());
    }

    boolean allProbeSamples() {
        return probe.all();
    }

    Integer probeSamples() {
        return probe.probeSamples;
    }
}
