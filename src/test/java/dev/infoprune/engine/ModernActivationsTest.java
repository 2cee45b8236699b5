package dev.infoprune.engine;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Activation;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.ReferenceForward;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The activations beyond relu/sigmoid/tanh and padded pooling in the DJL engine: inference and activation capture
 * agree with the independent reference forward pass, gradients with finite differences, and a chain of them trains.
 */
class ModernActivationsTest {
    /** Every kind, with parameters other than the defaults where it has them; inputs spread over the bends and clips. */
    static Network everyActivation() {
        return RandomNetworks.chain(3, 6, 9, 4,
                Activation.leakyRelu("leaky1", 0.2), Activation.elu("elu2", 0.7), new Activation("relu6_3", Activation.Kind.RELU6),
                Activation.clip("clip4", -0.5, 1.5), new Activation("gelu5", Activation.Kind.GELU),
                new Activation("silu6", Activation.Kind.SILU), new Activation("hswish7", Activation.Kind.HARDSWISH),
                Activation.hardSigmoid("hsig8", 0.2, 0.4), new Activation("hsig9", Activation.Kind.HARDSIGMOID));
    }

    private static Dataset spread(Network net, int n, long seed) {
        Dataset d = TestData.randomInputs(net, n, seed);
        float[] x = d.features().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] *= 3;
        }
        return new Dataset("spread", net.inputShape(), x, d.labels(), net.classes());
    }

    @Test
    void inferenceAgreesWithTheReferenceForwardPass() {
        for (Network net : List.of(everyActivation(), RandomNetworks.paddedPoolCnn(4, 2, 3))) {
            Dataset data = spread(net, 25, 7);
            Matrix out = Inference.outputs(net, data, Progress.NONE);
            for (int i = 0; i < data.size(); i++) {
                double[] ref = ReferenceForward.outputs(net, data.row(i));
                for (int j = 0; j < ref.length; j++) {
                    assertThat(out.get(i, j)).as("%s sample %d output %d", net.name(), i, j).isCloseTo(ref[j], within(1e-4));
                }
            }
        }
    }

    @Test
    void captureReadsEachLayerAfterItsActivation() {
        Network net = everyActivation();
        Dataset data = spread(net, 12, 8);
        Activations acts = ActivationCapture.capture(net, data, CaptureOptions.spatialMean().withBatchSize(5), Progress.NONE);
        assertThat(acts.hiddenLayers()).hasSize(9);
        for (int i = 0; i < data.size(); i++) {
            double[][] ref = ReferenceForward.layerOutputs(net, data.row(i));
            for (int l = 0; l < 9; l++) {
                // fc(l+1) is read after its activation, layer 2l+1
                ActivationCaptureTest.assertRow(acts.of("fc" + (l + 1)), i, ref[2 * l + 1]);
            }
        }
    }

    @Test
    void gradientsEqualFiniteDifferencesOfTheReferenceLoss() {
        Network chain = everyActivation();
        GradientsTest.assertMatchesFiniteDifferences(chain, spread(chain, 40, 9), 4, 1e-4);
        Network cnn = RandomNetworks.paddedPoolCnn(5, 2, 3);
        GradientsTest.assertMatchesFiniteDifferences(cnn, spread(cnn, 20, 10), 3, 1e-4);
    }

    @Test
    void aChainOfGeluSiluAndHardswishTrains() {
        Dataset train = TrainerTest.BLOBS.head(400);
        Dataset validation = TrainerTest.BLOBS.subset(IntStream.range(400, 600).toArray());
        Network start = ArchitectureSpec.parse("mlp:32/gelu-16/silu-16/hardswish-8/leakyrelu")
                .build("modern", new int[] {8}, train.classes(), 3).withNormalization(TrainerTest.fitPerFeature(train));
        assertThat(start.layers()).extracting(l -> l.type()).contains("gelu", "silu", "hardswish", "leakyrelu");
        double before = Inference.evaluate(start, validation, Progress.NONE).accuracy();
        TrainingResult result = Trainer.train(start, train, validation,
                TrainingConfig.adam(6, 5).withBatchSize(32).withLearningRate(0.01), TrainingListener.NONE, Progress.NONE);
        List<EpochResult> epochs = result.history();
        assertThat(epochs.get(5).trainLoss()).isLessThan(0.5 * epochs.get(0).trainLoss());
        assertThat(before).isLessThan(0.6);
        assertThat(Inference.evaluate(result.network(), validation, Progress.NONE).accuracy()).isGreaterThan(0.9);
    }
}
