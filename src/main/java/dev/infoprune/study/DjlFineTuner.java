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
    private final FineTuningBudget.Source source;

    public DjlFineTuner(TrainingConfig config) {
        this(config, FineTuningBudget.Source.GIVEN);
    }

    private DjlFineTuner(TrainingConfig config, FineTuningBudget.Source source) {
        this.config = config;
        this.source = source;
    }

    /** Adam at {@code learningRate}, batches of 64, {@code epochs} epochs, constant learning rate, seeded. */
    public static DjlFineTuner adam(int epochs, double learningRate, long seed) {
        return new DjlFineTuner(TrainingConfig.adam(epochs, seed).withLearningRate(learningRate));
    }

    /** Adam, batches of 64, with the budget's epochs, learning rate and schedule, seeded. */
    public static DjlFineTuner of(FineTuningBudget budget, long seed) {
        return new DjlFineTuner(TrainingConfig.adam(budget.epochs(), seed).withLearningRate(budget.learningRate())
                .withSchedule(budget.schedule()), budget.source());
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

    @Override
    public FineTuningBudget budget() {
        return new FineTuningBudget(config.epochs(), config.learningRate(), config.schedule(), source);
    }

    @Override
    public FineTuner withSeed(long seed) {
        return new DjlFineTuner(config.withSeed(seed), source);
    }
}
