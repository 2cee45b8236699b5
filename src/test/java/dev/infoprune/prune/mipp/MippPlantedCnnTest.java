package dev.infoprune.prune.mipp;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Normalizations;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.ArchitectureSpec;
import dev.infoprune.engine.CaptureOptions;
import dev.infoprune.engine.Inference;
import dev.infoprune.engine.Trainer;
import dev.infoprune.engine.TrainingConfig;
import dev.infoprune.engine.TrainingListener;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;
import dev.infoprune.prune.PruningPlan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * MIPP at its defaults on a trained CNN whose conv layer is given planted filters: exact duplicates of two
 * filters (the next layer's weights on the pair split in half, so the function is unchanged), two dead filters
 * (zero kernel, negative bias) and two filters the next layer ignores. Filters are multivariate variables:
 * 16 positions of their maps. The dead filters go and at most one copy of each duplicate stays.
 */
class MippPlantedCnnTest {
    static final int ORIGINALS = 6;

    @Test
    void thePapersEstimatorRemovesDeadAndIgnoredFiltersAndNeverKeepsBothCopies() {
        Splits digits = DatasetLocator.resolve("digits", 1);
        int[] shape = {1, 8, 8};
        Dataset train = digits.train().withInputShape(shape);
        Network fresh = ArchitectureSpec.parse("conv:6c3p1-pool-fc24").build("digits-cnn", shape, train.classes(), 3)
                .withNormalization(Normalizations.fit(train));
        Network trained = Trainer.train(fresh, train, null, TrainingConfig.adam(12, 3).withLearningRate(3e-3),
                TrainingListener.NONE, Progress.NONE).network();
        Dataset test = digits.test().withInputShape(shape);
        assertThat(Inference.evaluate(trained, test, Progress.NONE).accuracy()).isGreaterThan(0.85);
        int[] dup = {0, 1};
        Network planted = plant(trained, dup, new Random(5));
        Matrix a = Inference.outputs(trained, test, Progress.NONE);
        Matrix b = Inference.outputs(planted, test, Progress.NONE);
        for (int i = 0; i < a.data().length; i++) {
            assertThat(b.data()[i]).as("planting keeps the function").isCloseTo(a.data()[i], within(1e-4));
        }
        Activations acts = ActivationCapture.capture(planted, train, CaptureOptions.positions(Mipp.FILTER_POSITIONS, 0),
                Progress.NONE);
        MippRun run = MippRun.start(planted, acts, MippSettings.defaults());
        List<Step> steps = run.runToEnd(Progress.NONE);
        PruningPlan plan = run.plan();
        String conv = planted.prunableLayerNames().get(0);
        Set<Integer> kept = Arrays.stream(plan.keptIn(conv)).boxed().collect(Collectors.toSet());
        assertThat(kept).as("kept filters of %s", conv).doesNotContain(ORIGINALS + 2, ORIGINALS + 3);
        // the ignored filters (10, 11) are not asserted: seen through 16 of 64 positions, a filter the dense layer
        // ignores still tells g about the unseen positions of the filters it reads (docs/pruning.md)
        for (int k = 0; k < 2; k++) {
            int copies = (kept.contains(dup[k]) ? 1 : 0) + (kept.contains(ORIGINALS + k) ? 1 : 0);
            assertThat(copies).as("filter %d and its copy", dup[k]).isLessThanOrEqualTo(1);
        }
        assertThat(kept).isNotEmpty();
        List<Step> again = MippRun.start(planted, acts, MippSettings.defaults()).runToEnd(Progress.NONE);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(again.get(i).sameOutcome(steps.get(i))).as("step %d", i).isTrue();
        }
    }

    /** The conv layer gets filters 6, 7 (copies of {@code dup}), 8, 9 (dead), 10, 11 (ignored by the dense layer). */
    static Network plant(Network net, int[] dup, Random r) {
        int ci = net.indexOf(net.prunableLayerNames().get(0));
        int di = net.indexOf(net.prunableLayerNames().get(1));
        Conv2d c = (Conv2d) net.layer(ci);
        Dense d = (Dense) net.layer(di);
        int kk = c.in() * c.kernel() * c.kernel();
        int width = ORIGINALS + 6;
        float[] w = Arrays.copyOf(c.weight().data(), width * kk);
        float[] bias = Arrays.copyOf(c.bias().data(), width);
        for (int k = 0; k < 2; k++) {
            System.arraycopy(c.weight().data(), dup[k] * kk, w, (ORIGINALS + k) * kk, kk);
            bias[ORIGINALS + k] = c.bias().data()[dup[k]];
        }
        for (int f = ORIGINALS + 2; f < ORIGINALS + 4; f++) {
            bias[f] = -1f;
        }
        for (int f = ORIGINALS + 4; f < width; f++) {
            for (int i = 0; i < kk; i++) {
                w[f * kk + i] = (float) (r.nextGaussian() / Math.sqrt(kk));
            }
            bias[f] = 0.1f;
        }
        int per = d.in() / ORIGINALS;
        int newIn = width * per;
        float[] dw = new float[d.out() * newIn];
        for (int o = 0; o < d.out(); o++) {
            System.arraycopy(d.weight().data(), o * d.in(), dw, o * newIn, d.in());
            for (int k = 0; k < 2; k++) {
                for (int p = 0; p < per; p++) {
                    float half = dw[o * newIn + dup[k] * per + p] / 2;
                    dw[o * newIn + dup[k] * per + p] = half;
                    dw[o * newIn + (ORIGINALS + k) * per + p] = half;
                }
            }
        }
        List<Layer> layers = new ArrayList<>(net.layers());
        layers.set(ci, new Conv2d(c.name(), c.in(), width, c.kernel(), c.stride(), c.padding(),
                new Tensor(new int[] {width, c.in(), c.kernel(), c.kernel()}, w), new Tensor(new int[] {width}, bias)));
        layers.set(di, new Dense(d.name(), newIn, d.out(), new Tensor(new int[] {d.out(), newIn}, dw), d.bias()));
        return net.withLayers(layers);
    }
}
