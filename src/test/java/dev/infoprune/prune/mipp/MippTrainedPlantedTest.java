package dev.infoprune.prune.mipp;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Normalizations;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.ArchitectureSpec;
import dev.infoprune.engine.Inference;
import dev.infoprune.engine.Trainer;
import dev.infoprune.engine.TrainingConfig;
import dev.infoprune.engine.TrainingListener;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.model.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MIPP on a network trained for real: a 64-32-16-10 MLP trained through DJL on the digits training split, whose
 * last hidden layer is then given two exact duplicates of its two most active units (the outgoing weights split
 * between each pair, so the function is unchanged), two dead units (zero weights, negative bias) and two units
 * with ordinary incoming weights that the output layer ignores.
 */
class MippTrainedPlantedTest {
    static final int ORIGINALS = 16;
    static Network planted;
    static Activations probe;
    static Activations trainActivations;
    static int[] duplicated;

    @BeforeAll
    static void trainAndPlant() {
        Splits digits = DatasetLocator.resolve("digits", 1);
        Network fresh = ArchitectureSpec.parse("mlp:32-16").build("digits-mlp", new int[] {64}, digits.train().classes(), 2)
                .withNormalization(Normalizations.fit(digits.train()));
        Network trained = Trainer.train(fresh, digits.train(), null, TrainingConfig.adam(15, 2).withLearningRate(3e-3),
                TrainingListener.NONE, Progress.NONE).network();
        assertThat(Inference.evaluate(trained, digits.test(), Progress.NONE).accuracy()).isGreaterThan(0.9);
        Matrix fc2 = ActivationCapture.capture(trained, digits.probe(), Progress.NONE).of("fc2");
        duplicated = mostVariable(fc2, 2);
        planted = plant(trained, duplicated, new Random(9));
        Matrix a = Inference.outputs(trained, digits.test(), Progress.NONE);
        Matrix b = Inference.outputs(planted, digits.test(), Progress.NONE);
        for (int i = 0; i < a.data().length; i++) {
            assertThat(b.data()[i]).as("planting keeps the function").isCloseTo(a.data()[i], org.assertj.core.api.Assertions.within(1e-4));
        }
        probe = ActivationCapture.capture(planted, digits.probe(), Progress.NONE);
        trainActivations = ActivationCapture.capture(planted, digits.train(), Progress.NONE);
    }

    static int[] mostVariable(Matrix m, int count) {
        return IntStream.range(0, m.cols()).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -variance(m.columnValues(j))).thenComparing(j -> j))
                .limit(count).mapToInt(Integer::intValue).toArray();
    }

    static double variance(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        return Arrays.stream(v).map(x -> (x - mean) * (x - mean)).average().orElse(0);
    }

    /** fc2 gets units 16, 17 (copies of {@code dup}), 18, 19 (dead), 20, 21 (ignored by the output layer). */
    static Network plant(Network net, int[] dup, Random r) {
        int fc2 = net.indexOf("fc2");
        int out = net.outputLayerIndex();
        Dense hidden = (Dense) net.layer(fc2);
        Dense output = (Dense) net.layer(out);
        int in = hidden.in();
        int width = ORIGINALS + 6;
        float[] w = Arrays.copyOf(hidden.weight().data(), width * in);
        float[] b = Arrays.copyOf(hidden.bias().data(), width);
        for (int k = 0; k < 2; k++) {
            System.arraycopy(hidden.weight().data(), dup[k] * in, w, (ORIGINALS + k) * in, in);
            b[ORIGINALS + k] = hidden.bias().data()[dup[k]];
        }
        for (int u = ORIGINALS + 2; u < ORIGINALS + 4; u++) {
            b[u] = -1f;
        }
        for (int u = ORIGINALS + 4; u < width; u++) {
            for (int i = 0; i < in; i++) {
                w[u * in + i] = (float) (r.nextGaussian() / Math.sqrt(in));
            }
            b[u] = 0.1f;
        }
        int classes = output.out();
        float[] ow = new float[classes * width];
        for (int o = 0; o < classes; o++) {
            System.arraycopy(output.weight().data(), o * ORIGINALS, ow, o * width, ORIGINALS);
            for (int k = 0; k < 2; k++) {
                float half = ow[o * width + dup[k]] / 2;
                ow[o * width + dup[k]] = half;
                ow[o * width + ORIGINALS + k] = half;
            }
        }
        List<Layer> layers = new ArrayList<>(net.layers());
        layers.set(fc2, new Dense("fc2", in, width, new Tensor(new int[] {width, in}, w), new Tensor(new int[] {width}, b)));
        layers.set(out, new Dense(output.name(), width, classes, new Tensor(new int[] {classes, width}, ow), output.bias()));
        return net.withLayers(layers);
    }

    @Test
    void mippRemovesEveryPlantedUnitAndKeepsOneOfEachDuplicatedPair() {
        MippRun run = MippRun.start(planted, probe, MippSettings.gaussian().withSeed(4));
        run.runToEnd(Progress.NONE);
        PruningPlan plan = run.plan();
        Set<Integer> kept = Arrays.stream(plan.keptIn("fc2")).boxed().collect(Collectors.toSet());
        assertThat(kept).doesNotContain(ORIGINALS + 2, ORIGINALS + 3, ORIGINALS + 4, ORIGINALS + 5);
        for (int k = 0; k < 2; k++) {
            int copies = (kept.contains(duplicated[k]) ? 1 : 0) + (kept.contains(ORIGINALS + k) ? 1 : 0);
            assertThat(copies).as("unit %d and its copy", duplicated[k]).isEqualTo(1);
        }
        assertThat(plan.keptCount("fc1")).isPositive();
    }

    @Test
    void thePapersEstimatorAtItsDefaultsRemovesDeadAndIgnoredUnitsAndNeverKeepsBothCopies() {
        MippRun run = MippRun.start(planted, trainActivations, MippSettings.defaults().withSeed(4));
        List<Step> steps = run.runToEnd(Progress.NONE);
        PruningPlan plan = run.plan();
        Set<Integer> kept = Arrays.stream(plan.keptIn("fc2")).boxed().collect(Collectors.toSet());
        System.err.println("reconstruction planted: fc2 kept " + kept + " fc1 kept " + plan.keptCount("fc1"));
        steps.stream().filter(s -> s.layer().equals("fc2")).forEach(s -> System.err.println(s.describe(0.95)));
        assertThat(kept).doesNotContain(ORIGINALS + 2, ORIGINALS + 3, ORIGINALS + 4, ORIGINALS + 5);
        for (int k = 0; k < 2; k++) {
            int copies = (kept.contains(duplicated[k]) ? 1 : 0) + (kept.contains(ORIGINALS + k) ? 1 : 0);
            assertThat(copies).as("unit %d and its copy", duplicated[k]).isLessThanOrEqualTo(1);
        }
        assertThat(plan.keptCount("fc1")).isPositive();
    }

    @Test
    void theSameSeedGivesTheIdenticalTraceAndAnotherSeedAnotherOne() {
        List<Step> a = MippRun.start(planted, probe, MippSettings.gaussian().withSeed(8)).runToEnd(Progress.NONE);
        List<Step> b = MippRun.start(planted, probe, MippSettings.gaussian().withSeed(8)).runToEnd(Progress.NONE);
        List<Step> c = MippRun.start(planted, probe, MippSettings.gaussian().withSeed(9)).runToEnd(Progress.NONE);
        assertThat(a).hasSize(32 + ORIGINALS + 6).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).sameOutcome(b.get(i))).as("step %d", i).isTrue();
        }
        assertThat(IntStream.range(0, a.size()).allMatch(i -> a.get(i).sameOutcome(c.get(i)))).isFalse();
    }
}
