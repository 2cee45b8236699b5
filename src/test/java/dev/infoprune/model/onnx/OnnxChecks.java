package dev.infoprune.model.onnx;

import dev.infoprune.model.Network;
import dev.infoprune.model.ReferenceForward;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helpers: random inputs, the reference outputs of a network for raw inputs, and the 1e-4 comparison. */
final class OnnxChecks {
    static final double TOLERANCE = 1e-4;

    private OnnxChecks() {
    }

    static float[] randomInputs(long seed, int batch, int size) {
        Random r = new Random(seed);
        float[] x = new float[batch * size];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /** ReferenceForward outputs for inputs fed as they are (as predict and exported files take them). */
    static double[][] referenceOutputs(Network net, float[] raw, int batch) {
        return referenceOutputs(net, raw, batch, false);
    }

    /** ReferenceForward outputs, with the network's normalisation applied first when asked. */
    static double[][] referenceOutputs(Network net, float[] raw, int batch, boolean normalise) {
        int size = net.inputSize();
        double[][] out = new double[batch][];
        for (int b = 0; b < batch; b++) {
            float[] x = java.util.Arrays.copyOfRange(raw, b * size, (b + 1) * size);
            if (normalise) {
                net.normalization().applyInPlace(x, 0, size);
            }
            out[b] = ReferenceForward.outputs(net, x);
        }
        return out;
    }

    static double maxAbsDiff(double[][] expected, float[][] actual) {
        assertThat(actual.length).isEqualTo(expected.length);
        double max = 0;
        for (int b = 0; b < expected.length; b++) {
            assertThat(actual[b]).hasSize(expected[b].length);
            for (int i = 0; i < expected[b].length; i++) {
                max = Math.max(max, Math.abs(expected[b][i] - actual[b][i]));
            }
        }
        return max;
    }

    /** Exports the network, runs the file in ONNX Runtime and returns the largest deviation from the reference. */
    static double ortDeviation(Network net, int batch, long seed) {
        float[] x = randomInputs(seed, batch, net.inputSize());
        try (OnnxRuntimeRunner ort = OnnxRuntimeRunner.open(OnnxExport.toBytes(net), net.name())) {
            return maxAbsDiff(referenceOutputs(net, x, batch), ort.run(x, batch));
        }
    }
}
