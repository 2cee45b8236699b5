package dev.infoprune.cli;

import dev.infoprune.core.BadInputException;
import picocli.CommandLine.Option;

/** {@code --finetune-epochs N --lr R}: fine-tuning of a pruned network with Adam. */
final class FineTuningOptions {
    @Option(names = "--finetune-epochs", paramLabel = "N", description = "Fine-tune each pruned network for N epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "1e-3", paramLabel = "R", description = "Fine-tuning learning rate, Adam (default ${DEFAULT-VALUE}).")
    double learningRate;

    /** @param epochs the command's default: prune does not fine-tune unless asked, compare compares tuned networks */
    FineTuningOptions(int epochs) {
        this.epochs = epochs;
    }

    FineTuningOptions() {
        this(0);
    }

    void check() {
        if (epochs < 0) {
            throw new BadInputException("--finetune-epochs", "must not be negative, got " + epochs);
        }
        if (!(learningRate > 0)) {
            throw new BadInputException("--lr", "must be positive, got " + learningRate);
        }
    }
}
