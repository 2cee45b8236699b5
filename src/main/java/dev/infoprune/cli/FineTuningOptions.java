package dev.infoprune.cli;

import dev.infoprune.core.BadInputException;
import dev.infoprune.engine.TrainingConfig;
import dev.infoprune.model.Network;
import dev.infoprune.study.FineTuningBudget;
import picocli.CommandLine.Option;

/**
 * {@code --finetune-epochs N --lr R --lr-schedule S}: fine-tuning of a pruned network with Adam. Without
 * {@code --finetune-epochs} a network is retrained for two thirds of the epochs its model was trained for (its
 * card); a card without them keeps the command's own default.
 */
final class FineTuningOptions {
    @Option(names = "--finetune-epochs", paramLabel = "N", description = "Fine-tune each pruned network for N epochs "
            + "(default: two thirds of the training epochs on the model's card; a card without them: 3 for compare, 0 for prune).")
    Integer epochs;

    @Option(names = "--lr", defaultValue = "1e-3", paramLabel = "R", description = "Fine-tuning learning rate, Adam (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--lr-schedule", defaultValue = "cosine", paramLabel = "S",
            description = "Fine-tuning learning-rate schedule: cosine (down to 0 over all steps) or constant (default ${DEFAULT-VALUE}).")
    String schedule;

    private final int fallback;

    /** @param fallback the command's epochs for a card without training epochs: prune does not fine-tune, compare 3 epochs */
    FineTuningOptions(int fallback) {
        this.fallback = fallback;
    }

    FineTuningOptions() {
        this(0);
    }

    void check() {
        if (epochs != null && epochs < 0) {
            throw new BadInputException("--finetune-epochs", "must not be negative, got " + epochs);
        }
        if (!(learningRate > 0)) {
            throw new BadInputException("--lr", "must be positive, got " + learningRate);
        }
        schedule();
    }

    private TrainingConfig.Schedule schedule() {
        try {
            return FineTuningBudget.schedule(schedule);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--lr-schedule", "is cosine or constant, got " + schedule, e);
        }
    }

    /** The budget of pruning at initialisation: the epochs given, else all of the card's; refused when neither is known. */
    FineTuningBudget budgetFromScratch(Network network) {
        FineTuningBudget b = FineTuningBudget.forTrainingFromScratch(network.card(), epochs, learningRate, schedule());
        if (b == null) {
            throw new BadInputException("--at-init", "the model's card records no training epochs to train the pruned "
                    + "network for; give --finetune-epochs");
        }
        return b;
    }

    /** The budget for {@code network}: the epochs given, else two thirds of its card's, else the command's default. */
    FineTuningBudget budget(Network network) {
        return FineTuningBudget.forModel(network.card(), epochs, fallback, learningRate, schedule());
    }
}
