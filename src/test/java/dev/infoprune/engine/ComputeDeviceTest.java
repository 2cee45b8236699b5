package dev.infoprune.engine;

import ai.djl.engine.Engine;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Network;
import dev.infoprune.model.Dropout;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ComputeDeviceTest {
    private static final double GPU_TOLERANCE = 1e-4;

    @AfterEach
    void backToCpu() {
        ComputeDevice.use(ComputeDevice.CPU);
    }

    private static int gpuCount() {
        return Engine.getEngine("PyTorch").getGpuCount();
    }

    @Test
    void parsesCpuGpuAndIndexedGpus() {
        assertThat(ComputeDevice.parse("cpu")).isEqualTo(ComputeDevice.CPU);
        assertThat(ComputeDevice.parse(" GPU ")).isEqualTo(ComputeDevice.gpu(0));
        assertThat(ComputeDevice.parse("gpu:3")).isEqualTo(ComputeDevice.gpu(3));
        assertThat(ComputeDevice.parse("gpu:3")).hasToString("gpu:3");
        for (String bad : new String[] {"tpu", "gpu:", "gpu:-1", "gpu:x", "gpu:99999999999", "cuda", ""}) {
            assertThatThrownBy(() -> ComputeDevice.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu, gpu or gpu:N");
        }
    }

    @Test
    void theCpuIsTheDefaultAndAlwaysAvailable() {
        assertThat(ComputeDevice.current()).isEqualTo(ComputeDevice.CPU);
        assertThat(ComputeDevice.CPU.unavailableReason()).isEmpty();
    }

    @Test
    void aGpuIsRefusedWhereThePyTorchEngineSeesNone() {
        assumeTrue(gpuCount() == 0, "a GPU is visible");
        assertThat(ComputeDevice.gpu(0).unavailableReason()).get().asString()
                .contains("no GPU is visible to the PyTorch engine (DJL found 0)", "-Pcuda");
        assertThatThrownBy(() -> ComputeDevice.use(ComputeDevice.gpu(0))).hasMessageContaining("no GPU is visible");
        assertThat(ComputeDevice.current()).isEqualTo(ComputeDevice.CPU);
    }

    @Test
    void aGpuIndexBeyondTheVisibleOnesIsRefused() {
        int count = gpuCount();
        assumeTrue(count > 0, "no GPU is visible");
        assertThat(ComputeDevice.gpu(count).unavailableReason()).get().asString().contains("there is no GPU " + count);
    }

    @Test
    void networksLoadOnTheCurrentDevice() {
        Network net = DjlNetworkTest.everyLayerKind(1);
        try (DjlNetwork djl = DjlNetwork.load(net)) {
            assertThat(djl.manager().getDevice()).isEqualTo(ComputeDevice.CPU.toDjl());
        }
    }

    /** Inference, activation capture, gradients and one epoch of Adam on GPU 0 agree with the CPU to 1e-4. Runs only where a GPU is visible. */
    @Test
    void gpuResultsAgreeWithTheCpu() {
        assumeTrue(gpuCount() > 0, "no GPU is visible to the PyTorch engine");
        Network net = DjlNetworkTest.everyLayerKind(7);
        Dataset data = TestData.randomInputs(net, 64, 3);
        Matrix cpuOutputs = Inference.outputs(net, data, Progress.NONE);
        Activations cpuActivations = ActivationCapture.capture(net, data, Progress.NONE);
        Gradients cpuGradients = Gradients.of(net, data, Progress.NONE);
        // dropout draws from the device's own generator, so training is compared on a network without it
        Network mlp = RandomNetworks.mlp(2, 6, 12, 8, 3);
        Network noDropout = mlp.withLayers(mlp.layers().stream().filter(l -> !(l instanceof Dropout)).toList());
        Dataset mlpData = TestData.randomInputs(noDropout, 64, 4);
        Network cpuTrained = train(noDropout, mlpData);

        ComputeDevice.use(ComputeDevice.gpu(0));
        try (DjlNetwork djl = DjlNetwork.load(net)) {
            assertThat(djl.manager().getDevice().isGpu()).isTrue();
        }
        assertClose(Inference.outputs(net, data, Progress.NONE).data(), cpuOutputs.data());
        Activations gpuActivations = ActivationCapture.capture(net, data, Progress.NONE);
        assertThat(gpuActivations.hiddenLayers()).isEqualTo(cpuActivations.hiddenLayers());
        for (String layer : cpuActivations.hiddenLayers()) {
            assertClose(gpuActivations.of(layer).data(), cpuActivations.of(layer).data());
        }
        Gradients gpuGradients = Gradients.of(net, data, Progress.NONE);
        assertThat(gpuGradients.loss()).isCloseTo(cpuGradients.loss(), within(GPU_TOLERANCE));
        cpuGradients.byParameter().forEach((name, t) ->
                assertClose(gpuGradients.byParameter().get(name).data(), t.data()));
        Network gpuTrained = train(noDropout, mlpData);
        for (int i = 0; i < noDropout.layers().size(); i++) {
            int layer = i;
            cpuTrained.layer(i).weights().forEach((suffix, t) ->
                    assertClose(gpuTrained.layer(layer).weights().get(suffix).data(), t.data()));
        }
    }

    private static Network train(Network net, Dataset data) {
        TrainingConfig config = TrainingConfig.adam(1, 5).withBatchSize(16);
        return Trainer.train(net, data, null, config, TrainingListener.NONE, Progress.NONE).network();
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("value %d", i).isCloseTo(expected[i], within(GPU_TOLERANCE));
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) actual[i]).as("value %d", i).isCloseTo(expected[i], within(GPU_TOLERANCE));
        }
    }
}
