package dev.infoprune.engine;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Activation;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Dropout;
import dev.infoprune.model.Flatten;
import dev.infoprune.model.GlobalAvgPool;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.Pool;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.ReferenceForward;
import dev.infoprune.model.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DjlNetworkTest {
    static final double TOLERANCE = 1e-5;

    /** Every layer kind: stride-2 padded conv, image and vector BatchNorm, avg pool, global pool, sigmoid, tanh. */
    static Network everyLayerKind(long seed) {
        Random r = new Random(seed);
        List<Layer> layers = List.of(
                new Conv2d("conv1", 2, 3, 3, 2, 1, RandomNetworks.random(r, 0.5, 3, 2, 3, 3), RandomNetworks.random(r, 0.1, 3)),
                new BatchNorm("bn1", 3, 1e-3, RandomNetworks.random(r, 0.5, 3), RandomNetworks.random(r, 0.2, 3),
                        RandomNetworks.random(r, 0.2, 3), Tensor.filled(0.7f, 3)),
                new Activation("tanh1", Activation.Kind.TANH),
                new Conv2d("conv2", 3, 4, 2, 1, 0, RandomNetworks.random(r, 0.5, 4, 3, 2, 2), RandomNetworks.random(r, 0.1, 4)),
                new Activation("sig2", Activation.Kind.SIGMOID),
                new Pool("avg2", Pool.Kind.AVG, 2, 1),
                new GlobalAvgPool("gap"),
                new Flatten("flat"),
                new Dense("fc", 4, 6, RandomNetworks.random(r, 0.5, 6, 4), RandomNetworks.random(r, 0.1, 6)),
                new BatchNorm("bnfc", 6, 1e-5, RandomNetworks.random(r, 0.5, 6), RandomNetworks.random(r, 0.2, 6),
                        RandomNetworks.random(r, 0.2, 6), Tensor.filled(1.5f, 6)),
                new Activation("relu", Activation.Kind.RELU),
                new Dropout("drop", 0.5),
                new Dense("out", 6, 3, RandomNetworks.random(r, 0.5, 3, 6), RandomNetworks.random(r, 0.1, 3)));
        return new Network("every-kind", new int[] {2, 9, 9}, RandomNetworks.classes(3), layers,
                Normalization.IDENTITY, ModelCard.EMPTY);
    }

    static void assertOutputsMatchReference(Network net, Dataset data, Matrix outputs) {
        for (int i = 0; i < data.size(); i++) {
            double[] expected = ReferenceForward.outputs(net, data.row(i));
            for (int j = 0; j < expected.length; j++) {
                assertThat(outputs.get(i, j)).as("sample %d output %d", i, j).isCloseTo(expected[j], within(TOLERANCE));
            }
        }
    }

    @Test
    void outputsAgreeWithTheReferenceForwardPass() {
        for (Network net : List.of(RandomNetworks.mlp(3, 7, 9, 5, 4), RandomNetworks.cnn(4, 2, 12, 10, 3), everyLayerKind(5))) {
            Dataset data = TestData.randomInputs(net, 23, 9);
            assertOutputsMatchReference(net, data, Inference.outputs(net, data, Progress.NONE));
        }
    }

    @Test
    void batchesOfAnySizeGiveTheSameOutputs() {
        Network net = RandomNetworks.cnn(4, 1, 8, 8, 3);
        Dataset data = TestData.randomInputs(net, Inference.BATCH_SIZE * 2 + 7, 1);
        Matrix all = Inference.outputs(net, data, Progress.NONE);
        Matrix tail = Inference.outputs(net, data.subset(new int[] {Inference.BATCH_SIZE * 2 + 6}), Progress.NONE);
        double[] inBatch = all.rowValues(Inference.BATCH_SIZE * 2 + 6);
        for (int j = 0; j < inBatch.length; j++) {
            assertThat(inBatch[j]).isCloseTo(tail.get(0, j), within(1e-6));
        }
    }

    @Test
    void loadingAndReadingBackKeepsEveryWeightBitForBit() {
        Network net = everyLayerKind(11);
        try (DjlNetwork djl = DjlNetwork.load(net)) {
            assertThat(djl.readBack().sameWeightsAs(net)).isTrue();
        }
    }

    @Test
    void dataSetInputsAreNormalisedButRawInputsAreFedAsTheyAre() {
        Network net = RandomNetworks.mlp(3, 4, 6, 5, 3)
                .withNormalization(new Normalization(new float[] {1, 2, 3, 4}, new float[] {2, 4, 0.5f, 1}));
        Dataset data = TestData.randomInputs(net, 5, 2);
        Dataset normalised = data.normalized(net.normalization());
        Matrix viaData = Inference.outputs(net, data, Progress.NONE);
        assertOutputsMatchReference(net, normalised, viaData);
        Matrix raw = Inference.outputsOfRawInputs(net, normalised.features(), 5, "rows", Progress.NONE);
        assertThat(raw).isEqualTo(viaData);
    }

    @Test
    void evaluationCountsCorrectArgMaxesAndAveragesCrossEntropy() {
        Matrix logits = Matrix.of(new double[][] {{2, 1, 0}, {0, 0, 3}, {1, 5, 1}});
        Evaluation e = Evaluation.of(logits, new int[] {0, 1, 1});
        assertThat(e.samples()).isEqualTo(3);
        assertThat(e.accuracy()).isCloseTo(2.0 / 3, within(1e-12));
        double l0 = -Math.log(Math.exp(2) / (Math.exp(2) + Math.exp(1) + 1));
        double l1 = -Math.log(1 / (2 + Math.exp(3)));
        double l2 = -Math.log(Math.exp(5) / (Math.exp(5) + 2 * Math.E));
        assertThat(e.loss()).isCloseTo((l0 + l1 + l2) / 3, within(1e-12));
    }

    @Test
    void evaluateScoresTheNetworkOnItsDataSet() {
        Network net = RandomNetworks.cnn(4, 1, 8, 8, 3);
        Dataset data = TestData.randomInputs(net, 40, 1);
        Evaluation e = Inference.evaluate(net, data, Progress.NONE);
        Matrix reference = Matrix.of(java.util.stream.IntStream.range(0, 40)
                .mapToObj(i -> ReferenceForward.outputs(net, data.row(i))).toArray(double[][]::new));
        Evaluation expected = Evaluation.of(reference, data.labels());
        assertThat(e.accuracy()).isEqualTo(expected.accuracy());
        assertThat(e.loss()).isCloseTo(expected.loss(), within(1e-5));
    }

    @Test
    void aDataSetOfTheWrongShapeIsRefusedNamingBoth() {
        Network net = RandomNetworks.cnn(4, 1, 8, 8, 3);
        Dataset wrong = TestData.randomInputs(RandomNetworks.mlp(1, 10, 4, 4, 3), 5, 1);
        assertThatThrownBy(() -> Inference.evaluate(net, wrong, Progress.NONE))
                .isInstanceOf(BadInputException.class)
                .hasMessage("random: inputs have shape [10] (10 values) but model random-cnn expects [1, 8, 8] (64 values)");
    }

    @Test
    void aFlatDataSetOfTheRightSizeFeedsAnImageNetwork() {
        Network net = RandomNetworks.cnn(4, 1, 8, 8, 3);
        Dataset images = TestData.randomInputs(net, 6, 1);
        Dataset flat = images.withInputShape(new int[] {64});
        assertThat(Inference.outputs(net, flat, Progress.NONE)).isEqualTo(Inference.outputs(net, images, Progress.NONE));
    }
}
