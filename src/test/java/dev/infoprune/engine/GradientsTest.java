package dev.infoprune.engine;

import dev.infoprune.core.CancelledException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.ReferenceForward;
import dev.infoprune.model.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GradientsTest {

    /** Mean cross-entropy through the independent plain-Java forward pass, in double precision. */
    static double referenceLoss(Network net, Dataset data) {
        double sum = 0;
        float[] x = new float[data.inputSize()];
        for (int i = 0; i < data.size(); i++) {
            System.arraycopy(data.features(), i * x.length, x, 0, x.length);
            net.normalization().applyInPlace(x, 0, x.length);
            double[] out = ReferenceForward.outputs(net, x);
            double max = Double.NEGATIVE_INFINITY;
            for (double v : out) {
                max = Math.max(max, v);
            }
            double z = 0;
            for (double v : out) {
                z += Math.exp(v - max);
            }
            sum += max + Math.log(z) - out[data.label(i)];
        }
        return sum / data.size();
    }

    static Network withParameter(Network net, int layerIndex, String suffix, int index, float value) {
        Layer layer = net.layer(layerIndex);
        Map<String, Tensor> weights = new java.util.HashMap<>(layer.weights());
        float[] d = weights.get(suffix).copyData();
        d[index] = value;
        weights.put(suffix, new Tensor(weights.get(suffix).shape(), d));
        List<Layer> layers = new ArrayList<>(net.layers());
        layers.set(layerIndex, layer.withWeights(weights));
        return net.withLayers(layers);
    }

    /** Central finite differences of the reference loss at {@code checks} random parameters of every layer. */
    static void assertMatchesFiniteDifferences(Network net, Dataset data, int checks, double tolerance) {
        Gradients g = Gradients.of(net, data, Progress.NONE);
        assertThat(g.samples()).isEqualTo(data.size());
        assertThat(g.loss()).isCloseTo(referenceLoss(net, data), within(1e-4));
        Random r = new Random(5);
        float h = 1e-5f; // small: a larger step lets some ReLU inputs cross 0 and bends the difference quotient
        int compared = 0;
        for (int li = 0; li < net.layers().size(); li++) {
            Layer layer = net.layer(li);
            if (layer.weights().isEmpty()) {
                continue;
            }
            for (String suffix : List.of("weight", "bias")) {
                Tensor w = layer.weights().get(suffix);
                Tensor grad = g.of(layer.name(), suffix);
                assertThat(grad.shape()).as(layer.name() + "." + suffix).containsExactly(w.shape());
                for (int c = 0; c < checks; c++) {
                    int j = r.nextInt(w.size());
                    float v = w.data()[j];
                    // the loss is computed in double from float weights, so the step is what float rounding made of it
                    float vUp = v + h;
                    float vDown = v - h;
                    double up = referenceLoss(withParameter(net, li, suffix, j, vUp), data);
                    double down = referenceLoss(withParameter(net, li, suffix, j, vDown), data);
                    double numeric = (up - down) / ((double) vUp - vDown);
                    assertThat((double) grad.data()[j]).as("%s.%s[%d]", layer.name(), suffix, j)
                            .isCloseTo(numeric, within(tolerance));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(0);
    }

    @Test
    void mlpGradientsEqualFiniteDifferencesOfTheReferenceLoss() {
        Network net = RandomNetworks.mlp(4, 5, 7, 6, 3);
        Dataset data = TestData.randomInputs(net, 1100, 2); // three batches, the last one short
        assertMatchesFiniteDifferences(net, data, 6, 1e-5);
    }

    @Test
    void cnnGradientsWithBatchNormAndNormalisationEqualFiniteDifferences() {
        Network net = RandomNetworks.cnn(6, 1, 8, 8, 3).withNormalization(new Normalization(new float[] {0.5f}, new float[] {2f}));
        Dataset data = TestData.randomInputs(net, 60, 3);
        assertMatchesFiniteDifferences(net, data, 3, 1e-5);
    }

    @Test
    void aUnitWhoseOutgoingWeightsAreZeroGetsZeroGradientOnItsIncomingWeights() {
        Network net = RandomNetworks.mlp(8, 5, 7, 6, 3);
        int fc2 = net.indexOf("fc2");
        Network cut = net;
        for (int o = 0; o < 6; o++) {
            cut = withParameter(cut, fc2, "weight", o * 7 + 4, 0f); // fc2 ignores fc1 unit 4
        }
        Gradients g = Gradients.of(cut, TestData.randomInputs(cut, 200, 1), Progress.NONE);
        Tensor w = g.of("fc1", "weight");
        for (int i = 0; i < 5; i++) {
            assertThat(w.data()[4 * 5 + i]).isZero();
            assertThat(Math.abs(w.data()[3 * 5 + i]) + Math.abs(w.data()[5 * 5 + i])).isPositive();
        }
        assertThat(g.of("fc1", "bias").data()[4]).isZero();
    }

    @Test
    void isCancellableAndRefusesEmptyData() {
        Network net = RandomNetworks.mlp(1, 4, 5, 5, 2);
        Progress cancelled = new Progress() {
            @Override
            public void update(String message, long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> Gradients.of(net, TestData.randomInputs(net, 10, 1), cancelled))
                .isInstanceOf(CancelledException.class);
        assertThatThrownBy(() -> Gradients.of(net, TestData.randomInputs(net, 10, 1).head(0), Progress.NONE))
                .hasMessageContaining("no samples");
    }
}
