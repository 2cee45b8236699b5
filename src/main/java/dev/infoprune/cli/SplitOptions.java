package dev.infoprune.cli;

import dev.infoprune.model.Network;
import picocli.CommandLine.Option;

/** {@code --split-seed S}: which train/probe/test split of the data a command uses. */
class SplitOptions {
    static final long DEFAULT = 1;

    @Option(names = "--split-seed", paramLabel = "S", description = "Seed of the train/probe/test split (default: the "
            + "seed in the model's card, so that the test split is the one the model never trained on; without a card "
            + "seed, 1, or --seed in compare).")
    Long splitSeed;

    /** The given seed, else the model card's, else {@code withoutCard}. */
    long forModel(Network network, long withoutCard) {
        return splitSeed != null ? splitSeed : network.card().seed() != null ? network.card().seed() : withoutCard;
    }

    long forModel(Network network) {
        return forModel(network, DEFAULT);
    }

    /** For commands that split data without a model. */
    long orDefault() {
        return splitSeed != null ? splitSeed : DEFAULT;
    }

    /** For the commands where {@code --seed} always meant the split seed (they have no other seed): kept for scripts. */
    static final class WithOldSpelling extends SplitOptions {
        @Option(names = "--seed", paramLabel = "S", description = "The old spelling of --split-seed (deprecated).")
        void oldSpelling(long seed) {
            splitSeed = seed;
        }
    }
}
