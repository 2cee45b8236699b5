package dev.infoprune.engine;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.ReferenceForward;
import dev.infoprune.model.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ActivationCaptureTest {
    static final double TOLERANCE = 1e-5;

    @Test
    void mlpCaptureAgreesWithTheReferenceForwardPass() {
        Network net = RandomNetworks.mlp(21, 6, 10, 7, 4);
        Dataset data = TestData.randomInputs(net, 37, 3);
        Activations acts = ActivationCapture.capture(net, data, CaptureOptions.spatialMean().withBatchSize(8), Progress.NONE);

        assertThat(acts.hiddenLayers()).containsExactly("fc1", "fc2");
        assertThat(acts.outputLayer()).isEqualTo("out");
        assertThat(acts.labels()).containsExactly(data.labels());
        for (int i = 0; i < data.size(); i++) {
            double[][] ref = ReferenceForward.layerOutputs(net, data.row(i));
            // fc1 is read after relu1, fc2 after tanh2 and drop2, the output at its logits
            assertRow(acts.of("fc1"), i, ref[1]);
            assertRow(acts.of("fc2"), i, ref[4]);
            assertRow(acts.of("out"), i, ref[5]);
        }
    }

    @Test
    void cnnCaptureAveragesEachFilterOverItsMap() {
        Network net = RandomNetworks.cnn(22, 2, 12, 12, 3);
        Dataset data = TestData.randomInputs(net, 19, 4);
        Activations acts = ActivationCapture.capture(net, data, Progress.NONE);

        assertThat(acts.hiddenLayers()).containsExactly("conv1", "conv2", "fc1");
        assertThat(acts.of("conv1").cols()).isEqualTo(4);
        assertThat(acts.of("conv2").cols()).isEqualTo(5);
        for (int i = 0; i < data.size(); i++) {
            double[][] ref = ReferenceForward.layerOutputs(net, data.row(i));
            // conv1 -> bn1 -> relu1 (index 2), then pool; conv2 -> sig2 (index 5), then pool
            assertRow(acts.of("conv1"), i, spatialMeans(ref[2], 4));
            assertRow(acts.of("conv2"), i, spatialMeans(ref[5], 5));
            assertRow(acts.of("fc1"), i, ref[9]);
            assertRow(acts.of("out"), i, ref[10]);
        }
    }

    @Test
    void rawMapsAreLaidOutChannelFirst() {
        Network net = RandomNetworks.cnn(23, 1, 10, 10, 3);
        Dataset data = TestData.randomInputs(net, 7, 5);
        Activations acts = ActivationCapture.capture(net, data, CaptureOptions.raw(), Progress.NONE);
        assertThat(acts.of("conv1").cols()).isEqualTo(4 * 10 * 10);
        assertThat(acts.of("conv2").cols()).isEqualTo(5 * 3 * 3);
        for (int i = 0; i < data.size(); i++) {
            double[][] ref = ReferenceForward.layerOutputs(net, data.row(i));
            assertRow(acts.of("conv1"), i, ref[2]);
            assertRow(acts.of("conv2"), i, ref[5]);
        }
    }

    @Test
    void sampledPositionsAreSeededAndTheSameForEveryFilter() {
        Network net = RandomNetworks.cnn(24, 1, 10, 10, 3);
        Dataset data = TestData.randomInputs(net, 6, 6);
        Activations raw = ActivationCapture.capture(net, data, CaptureOptions.raw(), Progress.NONE);
        Activations a = ActivationCapture.capture(net, data, CaptureOptions.positions(5, 77), Progress.NONE);
        Activations b = ActivationCapture.capture(net, data, CaptureOptions.positions(5, 77), Progress.NONE);
        Activations c = ActivationCapture.capture(net, data, CaptureOptions.positions(5, 78), Progress.NONE);
        assertThat(a.of("conv1")).isEqualTo(b.of("conv1"));
        assertThat(a.of("conv1")).isNotEqualTo(c.of("conv1"));
        assertThat(a.of("conv1").cols()).isEqualTo(4 * 5);
        // conv2's 3x3 map has only 9 positions: asking for 5 takes 5, asking for 20 takes all 9
        assertThat(ActivationCapture.capture(net, data, CaptureOptions.positions(20, 1), Progress.NONE).of("conv2"))
                .isEqualTo(raw.of("conv2"));
        // the j-th sampled column of every filter is that filter's raw map at one common position, ascending
        Matrix rawConv1 = raw.of("conv1");
        Matrix sampled = a.of("conv1");
        int previous = -1;
        for (int j = 0; j < 5; j++) {
            int found = -1;
            for (int p = previous + 1; p < 100 && found < 0; p++) {
                boolean all = true;
                for (int f = 0; f < 4; f++) {
                    all &= java.util.Arrays.equals(sampled.columnValues(f * 5 + j), rawConv1.columnValues(f * 100 + p));
                }
                found = all ? p : -1;
            }
            assertThat(found).as("position %d", j).isGreaterThan(previous);
            previous = found;
        }
    }

    @Test
    void captureNormalisesLikeEvaluation() {
        Network net = RandomNetworks.mlp(25, 3, 5, 4, 2)
                .withNormalization(new Normalization(new float[] {0.5f}, new float[] {2f}));
        Dataset data = TestData.randomInputs(net, 9, 7);
        Activations acts = ActivationCapture.capture(net, data, Progress.NONE);
        assertThat(acts.outputs()).isEqualTo(Inference.outputs(net, data, Progress.NONE));
    }

    @Test
    void nonFiniteActivationsAreReportedWithLayerAndSample() {
        Network net = RandomNetworks.mlp(26, 3, 5, 4, 2);
        List<Layer> layers = new ArrayList<>(net.layers());
        Dense fc1 = (Dense) layers.get(0);
        float[] w = fc1.weight().copyData();
        w[0] = Float.NaN;
        layers.set(0, fc1.withWeights(java.util.Map.of("weight", new Tensor(fc1.weight().shape(), w), "bias", fc1.bias())));
        Dataset data = TestData.randomInputs(net, 4, 1);
        assertThatThrownBy(() -> ActivationCapture.capture(net.withLayers(layers), data, Progress.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("layer fc1 gives a non-finite activation").hasMessageContaining("sample 0 of random");
    }

    @Test
    void cancellationStopsBetweenBatches() {
        Network net = RandomNetworks.mlp(27, 3, 5, 4, 2);
        Dataset data = TestData.randomInputs(net, 50, 1);
        int[] batches = {0};
        Progress cancelAfterOne = new Progress() {
            @Override
            public void update(String message, long done, long total) {
                batches[0]++;
            }

            @Override
            public boolean isCancelled() {
                return batches[0] >= 1;
            }
        };
        assertThatThrownBy(() -> ActivationCapture.capture(net, data, CaptureOptions.spatialMean().withBatchSize(10),
                cancelAfterOne)).isInstanceOf(dev.infoprune.core.CancelledException.class);
        assertThat(batches[0]).isEqualTo(1);
    }

    static double[] spatialMeans(double[] maps, int channels) {
        int per = maps.length / channels;
        double[] out = new double[channels];
        for (int c = 0; c < channels; c++) {
            for (int p = 0; p < per; p++) {
                out[c] += maps[c * per + p];
            }
            out[c] /= per;
        }
        return out;
    }

    static void assertRow(Matrix m, int row, double[] expected) {
        assertThat(m.cols()).isEqualTo(expected.length);
        for (int j = 0; j < expected.length; j++) {
            assertThat(m.get(row, j)).as("row %d column %d", row, j).isCloseTo(expected[j], within(TOLERANCE));
        }
    }
}
