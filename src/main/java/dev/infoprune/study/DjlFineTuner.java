package dev.infoprune.study;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.Trainer;
import dev.infoprune.engine.TrainingConfig;
import dev.infoprune.engine.TrainingListener;
import dev.infoprune.model.Network;

/** Fine-tuning through the engine's {@link Trainer} with one configuration (Adam unless told) for every method. */
public final class DjlFineTuner implements FineTuner {
    private final TrainingConfig config;

    public DjlFineTuner(TrainingConfig config) {
        this.config = config;
    }

    /** Adam at {@code learningRate}, batches of 64, {@code epochs} epochs, seeded. */
    public static DjlFineTuner adam(int epochs, double learningRate, long seed) {
        return new DjlFineTuner(TrainingConfig.adam(epochs, seed).withLearningRate(learningRate));
    }

    @Override
    public Network fineTune(Network pruned, Dataset train, Progress progress) {
        if (config.epochs() == 0) {
            return pruned;
        }
        return Trainer.train(pruned, train, null, config, TrainingListener.NONE, progress).network();
    }

    @Override
    public int epochs() {
        return config.epochs();
    }

    @Override
    public double learningRate() {
        return config.learningRate();
    }
}
