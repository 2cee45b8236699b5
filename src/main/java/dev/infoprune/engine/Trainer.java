package dev.infoprune.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Trains a network with mini-batch gradient descent through DJL's PyTorch engine. Training always starts from
 * the given network's weights, so fine-tuning a pruned network is the same call as training a fresh one
 * (see {@link ArchitectureSpec} for fresh networks and {@link FreshTraining} for a whole training run).
 *
 * <p>Inputs are normalised with the start network's recorded normalisation (the trained network keeps it).
 * Deterministic: the same start, data, config and seed give bit-identical weights (shuffling uses its own
 * seeded generator, dropout PyTorch's generator seeded from the same seed). DJL's PyTorch engine allows only
 * one gradient collector per process, so training runs one at a time (a second call waits).
 */
public final class Trainer {
    private static final Object ONE_AT_A_TIME = new Object();

    private Trainer() {
    }

    /**
     * Trains (or fine-tunes) {@code start} on {@code train} for {@code config.epochs()} epochs.
     *
     * @param validation evaluated after every epoch for the listener; may be null
     * @param progress   reports batches done of all batches; cancelling stops between batches
     *                   ({@link dev.infoprune.core.CancelledException})
     */
    public static TrainingResult train(Network start, Dataset train, Dataset validation, TrainingConfig config,
                                       TrainingListener listener, Progress progress) {
        InputCheck.requireCompatible(start, train);
        if (validation != null) {
            InputCheck.requireCompatible(start, validation);
        }
        if (train.size() < 2) {
            throw new dev.infoprune.core.BadInputException(train.name(), "needs at least 2 samples to train on");
        }
        return exclusively(() -> GradMode.withoutGradients(
                () -> new Run(start, train, validation, config, listener, progress).run()));
    }

    /** Runs {@code work} while no training runs elsewhere in this process (for other DJL gradient users). */
    public static <T> T exclusively(Supplier<T> work) {
        synchronized (ONE_AT_A_TIME) {
            return work.get();
        }
    }

    private static final class Run {
        final Network start;
        final Dataset train;
        final Dataset validation;
        final TrainingConfig config;
        final TrainingListener listener;
        final Progress progress;
        final int batches;

        Run(Network start, Dataset train, Dataset validation, TrainingConfig config, TrainingListener listener,
            Progress progress) {
            this.start = start;
            this.train = train;
            this.validation = validation;
            this.config = config;
            this.listener = listener;
            this.progress = progress;
            int n = train.size();
            int full = n / config.batchSize();
            // a last batch of one sample is dropped: batch statistics of one sample are undefined
            this.batches = full + (n % config.batchSize() >= 2 ? 1 : 0);
        }

        TrainingResult run() {
            Engine.getInstance().setRandomSeed((int) (config.seed() ^ (config.seed() >>> 32)));
            Random shuffler = new Random(config.seed());
            int[] order = java.util.stream.IntStream.range(0, train.size()).toArray();
            List<EpochResult> history = new ArrayList<>();
            try (DjlNetwork djl = DjlNetwork.load(start)) {
                List<Parameter> parameters = djl.trainableParameters();
                long totalBatches = (long) batches * config.epochs();
                Optimizer optimizer = optimizer(config, totalBatches);
                progress.update("training", 0, totalBatches);
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    long t0 = System.nanoTime();
                    shuffle(order, shuffler);
                    double lossSum = 0;
                    long correct = 0;
                    long seen = 0;
                    for (int b = 0; b < batches; b++) {
                        progress.checkCancelled();
                        int from = b * config.batchSize();
                        int count = Math.min(config.batchSize(), train.size() - from);
                        double[] stats = step(djl, parameters, optimizer, order, from, count);
                        lossSum += stats[0] * count;
                        correct += (long) stats[1];
                        seen += count;
                        listener.onBatch(epoch, b + 1, batches, stats[0]);
                        progress.update("training epoch " + epoch + "/" + config.epochs(),
                                (long) (epoch - 1) * batches + b + 1, totalBatches);
                    }
                    Evaluation val = validation == null ? null : Evaluation.of(
                            Inference.outputs(djl, validation.features(), validation.size(), start.normalization(),
                                    Progress.NONE), validation.labels());
                    EpochResult result = new EpochResult(epoch, lossSum / seen, (double) correct / seen,
                            val == null ? Double.NaN : val.loss(), val == null ? Double.NaN : val.accuracy(),
                            (System.nanoTime() - t0) / 1e9);
                    history.add(result);
                    listener.onEpoch(result);
                }
                return new TrainingResult(djl.readBack(), history);
            }
        }

        /** One optimisation step on the samples {@code order[from, from + count)}; returns {loss, correct}. */
        double[] step(DjlNetwork djl, List<Parameter> parameters, Optimizer optimizer, int[] order, int from, int count) {
            try (NDManager scope = djl.manager().newSubManager()) {
                NDArray x = Batches.gather(djl, scope, train.features(), order, from, count, start.normalization());
                long[] labels = new long[count];
                for (int i = 0; i < count; i++) {
                    labels[i] = train.label(order[from + i]);
                }
                NDArray oneHot = scope.create(labels).oneHot(start.outputSize());
                NDArray logits;
                NDArray loss;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    logits = djl.forward(x, true);
                    loss = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
                    collector.backward(loss);
                }
                for (Parameter p : parameters) {
                    NDArray weight = p.getArray();
                    NDArray gradient = weight.getGradient();
                    gradient.attach(scope);
                    optimizer.update(p.getId(), weight, gradient);
                    gradient.subi(gradient);
                }
                float[] out = logits.toFloatArray();
                int classes = start.outputSize();
                int correct = 0;
                for (int i = 0; i < count; i++) {
                    int best = 0;
                    for (int j = 1; j < classes; j++) {
                        if (out[i * classes + j] > out[i * classes + best]) {
                            best = j;
                        }
                    }
                    correct += best == labels[i] ? 1 : 0;
                }
                return new double[] {loss.getFloat(), correct};
            }
        }

        private static Optimizer optimizer(TrainingConfig config, long totalSteps) {
            // DJL counts updates per parameter, so every parameter's step number is the global step number
            Tracker lr = step -> (float) config.learningRateAt(step, totalSteps);
            return switch (config.optimizer()) {
                case ADAM -> Optimizer.adam().optLearningRateTracker(lr)
                        .optWeightDecays((float) config.weightDecay()).build();
                case SGD -> Optimizer.sgd().setLearningRateTracker(lr).optMomentum((float) config.momentum())
                        .optWeightDecays((float) config.weightDecay()).build();
            };
        }

        private static void shuffle(int[] order, Random random) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
    }
}
