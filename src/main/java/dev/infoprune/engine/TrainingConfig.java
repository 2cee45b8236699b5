package dev.infoprune.engine;

/**
 * How to train: optimiser, learning rate and its schedule, mini-batch size, L2 weight decay (added to the
 * gradient), epochs and the seed that fixes everything random (shuffling, dropout).
 */
public record TrainingConfig(OptimizerKind optimizer, double learningRate, int batchSize, double weightDecay,
                             int epochs, long seed, double momentum, Schedule schedule) {
    public enum OptimizerKind { ADAM, SGD }

    /** CONSTANT keeps the learning rate; COSINE lowers it from the given value to 0 along a half cosine over all steps. */
    public enum Schedule { CONSTANT, COSINE }

    public static final double DEFAULT_ADAM_LEARNING_RATE = 1e-3;
    public static final int DEFAULT_BATCH_SIZE = 64;

    public TrainingConfig {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got " + learningRate);
        }
        if (batchSize < 2) {
            throw new IllegalArgumentException("batch size must be at least 2, got " + batchSize);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight decay must not be negative, got " + weightDecay);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must not be negative, got " + epochs);
        }
        if (schedule == null) {
            schedule = Schedule.CONSTANT;
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
    }

    /** Adam, learning rate 1e-3, batches of 64, no weight decay. */
    public static TrainingConfig adam(int epochs, long seed) {
        return new TrainingConfig(OptimizerKind.ADAM, DEFAULT_ADAM_LEARNING_RATE, DEFAULT_BATCH_SIZE, 0, epochs, seed, 0, Schedule.CONSTANT);
    }

    /** SGD with momentum 0.9. */
    public static TrainingConfig sgd(double learningRate, int epochs, long seed) {
        return new TrainingConfig(OptimizerKind.SGD, learningRate, DEFAULT_BATCH_SIZE, 0, epochs, seed, 0.9, Schedule.CONSTANT);
    }

    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(optimizer, lr, batchSize, weightDecay, epochs, seed, momentum, schedule);
    }

    public TrainingConfig withBatchSize(int size) {
        return new TrainingConfig(optimizer, learningRate, size, weightDecay, epochs, seed, momentum, schedule);
    }

    public TrainingConfig withWeightDecay(double decay) {
        return new TrainingConfig(optimizer, learningRate, batchSize, decay, epochs, seed, momentum, schedule);
    }

    public TrainingConfig withEpochs(int count) {
        return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, count, seed, momentum, schedule);
    }

    public TrainingConfig withSeed(long newSeed) {
        return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, epochs, newSeed, momentum, schedule);
    }

    public TrainingConfig withSchedule(Schedule newSchedule) {
        return new TrainingConfig(optimizer, learningRate, batchSize, weightDecay, epochs, seed, momentum, newSchedule);
    }

    /** The learning rate for optimisation step {@code step} (from 1) of {@code totalSteps}. */
    public double learningRateAt(int step, long totalSteps) {
        if (schedule == Schedule.CONSTANT || totalSteps <= 0) {
            return learningRate;
        }
        double progress = Math.min(1, (double) (step - 1) / totalSteps);
        return learningRate * 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    /** One line for model cards: "adam lr=0.001 batch=64 weight-decay=0". */
    public String describe() {
        return optimizer.name().toLowerCase(java.util.Locale.ROOT) + " lr=" + learningRate + " batch=" + batchSize
                + " weight-decay=" + weightDecay + (optimizer == OptimizerKind.SGD ? " momentum=" + momentum : "")
                + (schedule == Schedule.COSINE ? " cosine schedule" : "");
    }
}
