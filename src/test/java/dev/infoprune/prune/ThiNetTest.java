package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.LayerInputs;
import dev.infoprune.model.Activation;
import dev.infoprune.model.Dense;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * ThiNet on a planted layer: unit 0 is dead, units 1 and 2 are copies whose outgoing weights cancel (together
 * they add nothing to the next layer), units 3 and 4 carry the signal. Its choice is checked against a brute-force
 * search over every removed set, with the next layer's outputs computed here.
 */
class ThiNetTest {
    static final int IN = 3;
    static final float[] W1 = {0, 0, 0, /**/ 0.6f, -0.4f, 0.3f, /**/ 0.6f, -0.4f, 0.3f, /**/ 0.9f, 0.2f, -0.5f, /**/ -0.3f, 0.8f, 0.7f};
    static final float[] B1 = {-1, 0.2f, 0.2f, 0.1f, 0.3f};
    static final float[] W2 = {0.5f, 0.7f, -0.7f, 0.4f, -0.6f, /**/ -0.2f, 0.3f, -0.3f, 0.8f, 0.5f, /**/ 0.9f, -0.5f, 0.5f, -0.1f, 0.2f};

    static Network planted() {
        return new Network("planted-thinet", new int[] {IN}, RandomNetworks.classes(3), List.of(
                new Dense("fc1", IN, 5, new Tensor(new int[] {5, IN}, W1), new Tensor(new int[] {5}, B1)),
                new Activation("relu1", Activation.Kind.RELU),
                new Dense("out", 5, 3, new Tensor(new int[] {3, 5}, W2), Tensor.zeros(3))),
                Normalization.IDENTITY, ModelCard.EMPTY);
    }

    static Dataset data(int n) {
        Random r = new Random(5);
        float[] f = new float[n * IN];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextGaussian();
        }
        return new Dataset("thinet", new int[] {IN}, f, new int[n], RandomNetworks.classes(3));
    }

    static int[] kept(double sparsity) {
        return MethodsByText.create("thinet", Map.of("sparsity", Double.toString(sparsity)), data(200))
                .plan(planted(), null, Progress.NONE).plan().keptIn("fc1");
    }

    @Test
    void theDeadUnitGoesFirstThenTheCancellingCopies() {
        assertThat(kept(0.2)).containsExactly(1, 2, 3, 4);
        assertThat(kept(0.6)).containsExactly(3, 4);
    }

    @Test
    void itsChoiceEqualsABruteForceSearchOverEveryRemovedSet() {
        Dataset d = data(200);
        int[] chosen = kept(0.6);
        double best = Double.POSITIVE_INFINITY;
        List<Integer> bestKept = null;
        for (int mask = 0; mask < 32; mask++) {
            if (Integer.bitCount(mask) != 2) {
                continue;
            }
            double error = reconstructionError(d, mask);
            if (error < best - 1e-12) {
                best = error;
                bestKept = new ArrayList<>();
                for (int u = 0; u < 5; u++) {
                    if ((mask >> u & 1) != 0) {
                        bestKept.add(u);
                    }
                }
            }
        }
        assertThat(chosen).containsExactly(bestKept.stream().mapToInt(Integer::intValue).toArray());
        assertThat(best).isLessThan(1e-9);
    }

    /** Σ over samples and outputs of the squared change of the next layer's pre-activations keeping {@code keptMask}. */
    static double reconstructionError(Dataset d, int keptMask) {
        double sum = 0;
        for (int n = 0; n < d.size(); n++) {
            float[] x = d.row(n);
            for (int k = 0; k < 3; k++) {
                double removed = 0;
                for (int u = 0; u < 5; u++) {
                    if ((keptMask >> u & 1) == 0) {
                        double pre = B1[u];
                        for (int i = 0; i < IN; i++) {
                            pre += W1[u * IN + i] * x[i];
                        }
                        removed += W2[k * 5 + u] * Math.max(0, pre);
                    }
                }
                sum += removed * removed;
            }
        }
        return sum;
    }

    @Test
    void theGreedyRemovesTheChannelThatAddsLeastErrorGivenThoseAlreadyRemoved() {
        double[][] gram = {{4, 0, 0}, {0, 1, -1}, {0, -1, 1.5}};
        // 1 costs 1; then 2 costs 1.5 - 2 = -0.5 while 0 costs 4
        assertThat(ThiNet.removalOrder(gram, 2)).containsExactly(1, 2);
    }

    @Test
    void withoutProbeDataItSaysWhatItNeeds() {
        PruningMethod m = MethodsByText.create("thinet", Map.of());
        assertThatThrownBy(() -> m.plan(planted(), null, Progress.NONE)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("thinet needs the probe data");
    }

    @Test
    void theGramMatrixGivesTheSquaredChangeOfTheNextLayersOutputsThroughConvPoolingAndFlatten() {
        Network cnn = RandomNetworks.cnn(4, 2, 8, 8, 3);
        Random r = new Random(6);
        int n = 20;
        float[] f = new float[n * 2 * 8 * 8];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) r.nextGaussian();
        }
        Dataset d = new Dataset("images", new int[] {2, 8, 8}, f, new int[n], RandomNetworks.classes(3));
        // positions 16 cover every output position of conv2 (2×2), so the sampled outputs are all of them
        ThiNet thiNet = new ThiNet(0.5, n, 16, 0, d);
        Map<String, int[]> removed = Map.of("conv1", new int[] {0, 2}, "conv2", new int[] {1, 3, 4}, "fc1", new int[] {5});
        for (String name : List.of("conv1", "conv2", "fc1")) {
            int li = cnn.indexOf(name);
            int next = ThiNet.nextUnitLayer(cnn, li);
            double[][] gram = thiNet.reconstructionGram(cnn, li, next, d, Progress.NONE);
            double predicted = 0;
            for (int a : removed.get(name)) {
                for (int b : removed.get(name)) {
                    predicted += gram[a][b];
                }
            }
            int units = cnn.layer(li).units();
            int[] kept = java.util.stream.IntStream.range(0, units)
                    .filter(u -> java.util.Arrays.stream(removed.get(name)).noneMatch(x -> x == u)).toArray();
            Network masked = Masking.apply(cnn, new PruningPlan("test", Map.of(), 0, Map.of(name, kept)));
            Matrix before = LayerInputs.of(cnn, d, next + 1, Progress.NONE);
            Matrix after = LayerInputs.of(masked, d, next + 1, Progress.NONE);
            double actual = 0;
            for (int i = 0; i < before.data().length; i++) {
                double diff = before.data()[i] - after.data()[i];
                actual += diff * diff;
            }
            assertThat(actual).as(name).isPositive();
            assertThat(predicted).as(name).isCloseTo(actual, within(1e-4 * actual));
        }
    }
}
