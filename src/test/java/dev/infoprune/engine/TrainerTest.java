package dev.infoprune.engine;

import dev.infoprune.core.CancelledException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.Splits;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.ReferenceForward;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrainerTest {
    static final Dataset BLOBS = TestData.blobs(600, 8, 4, 1.5, 1);

    static Network freshMlp(String spec, long seed) {
        return ArchitectureSpec.parse(spec).build("mlp", new int[] {8}, RandomNetworks.classes(4), seed);
    }

    static Normalization fitPerFeature(Dataset d) {
        int n = d.size();
        int f = d.inputSize();
        float[] mean = new float[f];
        float[] std = new float[f];
        for (int j = 0; j < f; j++) {
            double s = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                double v = d.features()[i * f + j];
                s += v;
                s2 += v * v;
            }
            mean[j] = (float) (s / n);
            std[j] = (float) Math.sqrt(Math.max(s2 / n - (s / n) * (s / n), 1e-12));
        }
        return new Normalization(mean, std);
    }

    @Test
    void trainingLearnsSeparableBlobsAndTheListenerSeesEveryStep() {
        Dataset train = BLOBS.head(400);
        Dataset validation = BLOBS.subset(IntStream.range(400, 600).toArray());
        Network start = freshMlp("mlp:32-16", 3).withNormalization(fitPerFeature(train));
        double before = Inference.evaluate(start, validation, Progress.NONE).accuracy();
        List<EpochResult> epochs = new ArrayList<>();
        int[] batches = {0};
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onBatch(int epoch, int batch, int total, double loss) {
                assertThat(total).isEqualTo(400 / 32 + 1);
                assertThat(loss).isFinite().isPositive();
                batches[0]++;
            }

            @Override
            public void onEpoch(EpochResult result) {
                epochs.add(result);
            }
        };
        TrainingResult result = Trainer.train(start, train, validation,
                TrainingConfig.adam(6, 5).withBatchSize(32).withLearningRate(0.01), listener, Progress.NONE);

        assertThat(batches[0]).isEqualTo(6 * 13);
        assertThat(epochs).hasSize(6).isEqualTo(result.history());
        assertThat(epochs.get(5).trainLoss()).isLessThan(epochs.get(0).trainLoss());
        Evaluation after = Inference.evaluate(result.network(), validation, Progress.NONE);
        assertThat(before).isLessThan(0.6);
        assertThat(after.accuracy()).isGreaterThan(0.9);
        // the last epoch's validation numbers are those of the returned network
        assertThat(result.lastEpoch().validationAccuracy()).isEqualTo(after.accuracy());
        assertThat(result.lastEpoch().validationLoss()).isCloseTo(after.loss(), within(1e-9));
        assertThat(result.network().normalization()).isEqualTo(start.normalization());
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        Network start = freshMlp("mlp:16/bn-drop0.3-8", 4).withNormalization(fitPerFeature(BLOBS));
        TrainingConfig config = TrainingConfig.adam(2, 42).withBatchSize(50);
        Dataset data = BLOBS.head(200);
        Network a = Trainer.train(start, data, null, config, TrainingListener.NONE, Progress.NONE).network();
        Network b = Trainer.train(start, data, null, config, TrainingListener.NONE, Progress.NONE).network();
        Network c = Trainer.train(start, data, null, config.withSeed(43), TrainingListener.NONE, Progress.NONE).network();
        assertThat(a.sameWeightsAs(b)).isTrue();
        assertThat(a.sameWeightsAs(c)).isFalse();
        assertThat(a.sameWeightsAs(start)).isFalse();
    }

    @Test
    void fineTuningStartsFromTheGivenWeights() {
        Network start = RandomNetworks.mlp(9, 8, 12, 6, 4);
        TrainingResult none = Trainer.train(start, BLOBS, BLOBS, TrainingConfig.adam(0, 1), TrainingListener.NONE, Progress.NONE);
        assertThat(none.network().sameWeightsAs(start)).isTrue();
        assertThat(none.history()).isEmpty();

        Network tuned = Trainer.train(start, BLOBS, null, TrainingConfig.sgd(1e-6, 1, 1).withBatchSize(100),
                TrainingListener.NONE, Progress.NONE).network();
        Dense before = (Dense) start.layer(0);
        Dense after = (Dense) tuned.layer(0);
        float[] w0 = before.weight().data();
        float[] w1 = after.weight().data();
        double maxChange = IntStream.range(0, w0.length).mapToDouble(i -> Math.abs(w0[i] - w1[i])).max().orElseThrow();
        assertThat(maxChange).isPositive().isLessThan(1e-4);
    }

    @Test
    void batchNormRunningStatisticsAreUpdatedAsPyTorchDoesAndReadBack() {
        Network net = freshMlp("mlp:5/bn", 6);
        Dataset ten = BLOBS.head(10);
        // one step on one batch of all ten samples, learning rate too small to matter
        Network trained = Trainer.train(net, ten, null, TrainingConfig.sgd(1e-12, 1, 1).withBatchSize(10),
                TrainingListener.NONE, Progress.NONE).network();
        BatchNorm bn = (BatchNorm) trained.layer(trained.indexOf("fc1_bn"));
        for (int ch = 0; ch < 5; ch++) {
            double[] pre = new double[10];
            for (int i = 0; i < 10; i++) {
                pre[i] = ReferenceForward.layerOutputs(net, ten.row(i))[0][ch];
            }
            double mean = java.util.Arrays.stream(pre).average().orElseThrow();
            double unbiasedVar = java.util.Arrays.stream(pre).map(v -> (v - mean) * (v - mean)).sum() / 9;
            assertThat(bn.runningMean().data()[ch]).isCloseTo((float) (0.1 * mean), within(1e-4f * (float) (1 + Math.abs(mean))));
            assertThat(bn.runningVar().data()[ch]).isCloseTo((float) (0.9 + 0.1 * unbiasedVar), within(1e-3f * (float) (1 + unbiasedVar)));
        }
    }

    @Test
    void aCosineScheduleFallsFromTheLearningRateToZero() {
        TrainingConfig cosine = TrainingConfig.adam(1, 1).withLearningRate(0.01).withSchedule(TrainingConfig.Schedule.COSINE);
        assertThat(cosine.learningRateAt(1, 100)).isEqualTo(0.01);
        assertThat(cosine.learningRateAt(51, 100)).isCloseTo(0.005, within(1e-12));
        assertThat(cosine.learningRateAt(101, 100)).isCloseTo(0, within(1e-12));
        assertThat(TrainingConfig.adam(1, 1).learningRateAt(77, 100)).isEqualTo(1e-3);
        // a schedule changes the trained weights, deterministically
        Network start = freshMlp("mlp:16", 4);
        TrainingConfig constant = TrainingConfig.adam(2, 3).withLearningRate(0.01);
        Network a = Trainer.train(start, BLOBS.head(200), null, constant, TrainingListener.NONE, Progress.NONE).network();
        Network b = Trainer.train(start, BLOBS.head(200), null, constant.withSchedule(TrainingConfig.Schedule.COSINE),
                TrainingListener.NONE, Progress.NONE).network();
        assertThat(a.sameWeightsAs(b)).isFalse();
    }

    @Test
    void cancellingStopsBetweenBatches() {
        Network start = freshMlp("mlp:16", 4);
        int[] updates = {0};
        Progress cancelAfterThree = new Progress() {
            @Override
            public void update(String message, long done, long total) {
                updates[0] = (int) done;
            }

            @Override
            public boolean isCancelled() {
                return updates[0] >= 3;
            }
        };
        assertThatThrownBy(() -> Trainer.train(start, BLOBS, null, TrainingConfig.adam(5, 1), TrainingListener.NONE,
                cancelAfterThree)).isInstanceOf(CancelledException.class);
        assertThat(updates[0]).isEqualTo(3);
    }

    @Test
    void freshTrainingFitsNormalisationOnTheTrainSplitAndWritesTheCard() {
        Splits splits = new Splits(BLOBS.head(400), BLOBS.subset(IntStream.range(400, 500).toArray()),
                BLOBS.subset(IntStream.range(500, 600).toArray()));
        ArchitectureSpec spec = ArchitectureSpec.parse("mlp:24");
        Network fresh = spec.build("blob-mlp", new int[] {8}, BLOBS.classes(), 7);
        TrainingConfig config = TrainingConfig.adam(4, 7).withBatchSize(32).withLearningRate(0.01);
        TrainingResult result = FreshTraining.train(fresh, "blobs", splits, config, TrainerTest::fitPerFeature,
                TrainingListener.NONE, Progress.NONE);
        Network net = result.network();
        assertThat(net.normalization()).usingRecursiveComparison().isEqualTo(fitPerFeature(splits.train()));
        Evaluation test = Inference.evaluate(net, splits.test(), Progress.NONE);
        assertThat(net.card().dataset()).isEqualTo("blobs");
        assertThat(net.card().seed()).isEqualTo(7L);
        assertThat(net.card().epochs()).isEqualTo(4);
        assertThat(net.card().testAccuracy()).isEqualTo(test.accuracy()).isGreaterThan(0.9);
        assertThat(net.card().testLoss()).isEqualTo(test.loss());
        assertThat(net.card().architecture()).isEqualTo("mlp:24");
        assertThat(net.card().notes()).contains("adam lr=0.01 batch=32");
    }

    @Test
    void convolutionalNetworksTrainToo() {
        // 2 classes of 1x8x8 images: a bright bar in the top or the bottom half
        java.util.Random r = new java.util.Random(3);
        int n = 200;
        float[] x = new float[n * 64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            int row = y[i] == 0 ? r.nextInt(3) : 5 + r.nextInt(3);
            for (int p = 0; p < 64; p++) {
                x[i * 64 + p] = (float) (r.nextGaussian() * 0.5 + (p / 8 == row ? 2 : 0));
            }
        }
        Dataset bars = new Dataset("bars", new int[] {1, 8, 8}, x, y, RandomNetworks.classes(2));
        Network start = ArchitectureSpec.parse("conv:4c3/bn-pool-8c3-gap").build("bars", new int[] {1, 8, 8},
                bars.classes(), 1);
        Network trained = Trainer.train(start, bars, null, TrainingConfig.adam(8, 2).withBatchSize(40).withLearningRate(0.03),
                TrainingListener.NONE, Progress.NONE).network();
        assertThat(Inference.evaluate(trained, bars, Progress.NONE).accuracy()).isGreaterThan(0.9);
        List<Layer> changed = trained.layers();
        assertThat(((BatchNorm) changed.get(1)).runningMean()).isNotEqualTo(((BatchNorm) start.layer(1)).runningMean());
    }
}
