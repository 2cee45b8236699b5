package dev.infoprune.study;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Network;

/** Retrains a pruned network on the training split; the same budget and seed for every method of a study. */
public interface FineTuner {
    Network fineTune(Network pruned, Dataset train, Progress progress);

    /** Epochs it trains for (0: evaluation only), for reports. */
    int epochs();

    /** Its learning rate, for reports. */
    double learningRate();

    /** Its epochs, learning rate, schedule and where the epochs came from, for reports. */
    default FineTuningBudget budget() {
        return new FineTuningBudget(epochs(), learningRate(), dev.infoprune.engine.TrainingConfig.Schedule.CONSTANT,
                FineTuningBudget.Source.GIVEN);
    }

    /** The same fine-tuning with another seed (a study's later seeds); a tuner without randomness is itself. */
    default FineTuner withSeed(long seed) {
        return this;
    }

    FineTuner NONE = new FineTuner() {
        @Override
        public Network fineTune(Network pruned, Dataset train, Progress progress) {
            return pruned;
        }

        @Override
        public int epochs() {
            return 0;
        }

        @Override
        public double learningRate() {
            return 0;
        }
    };
}
