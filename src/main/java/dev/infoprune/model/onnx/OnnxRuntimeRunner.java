package dev.infoprune.model.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.infoprune.core.BadInputException;

import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs an ONNX model with ONNX Runtime on a batch of flattened inputs: the independent check that an exported
 * file computes what the network computes, and a way to run imported files as they are.
 */
public final class OnnxRuntimeRunner implements AutoCloseable {
    private final OrtSession session;
    private final String inputName;
    private final long[] sampleShape;
    private final String source;

    private OnnxRuntimeRunner(OrtSession session, String source) throws OrtException {
        this.session = session;
        this.source = source;
        Map.Entry<String, NodeInfo> in = session.getInputInfo().entrySet().iterator().next();
        this.inputName = in.getKey();
        long[] full = ((TensorInfo) in.getValue().getInfo()).getShape();
        this.sampleShape = java.util.Arrays.copyOfRange(full, 1, full.length);
    }

    public static OnnxRuntimeRunner open(byte[] model, String source) {
        return open(model, source, true);
    }

    /**
     * A runner that executes the graph as written, without ONNX Runtime's graph rewrites. ONNX Runtime 1.19 fuses a
     * Pad in front of an AveragePool into the pooling's pads but keeps count_include_pad 0, so it averages PyTorch's
     * {@code AvgPool2d(padding=p)} over the real inputs only; unoptimised, it computes what the file says.
     */
    static OnnxRuntimeRunner openUnoptimised(Path file) {
        try {
            return open(java.nio.file.Files.readAllBytes(file), file.toString(), false);
        } catch (java.io.IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static OnnxRuntimeRunner open(byte[] model, String source, boolean optimise) {
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            if (!optimise) {
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            }
            return new OnnxRuntimeRunner(OrtEnvironment.getEnvironment().createSession(model, options), source);
        } catch (OrtException e) {
            throw new BadInputException(source, "ONNX Runtime cannot load the model: " + e.getMessage(), e);
        }
    }

    public static OnnxRuntimeRunner open(Path file) {
        try {
            return open(java.nio.file.Files.readAllBytes(file), file.toString());
        } catch (java.io.IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Outputs for {@code batch} inputs given row-major in one array; one flattened output row per input. */
    public float[][] run(float[] inputs, int batch) {
        long[] shape = new long[sampleShape.length + 1];
        shape[0] = batch;
        long per = 1;
        for (int i = 0; i < sampleShape.length; i++) {
            shape[i + 1] = sampleShape[i];
            per *= sampleShape[i];
        }
        if (per * batch != inputs.length) {
            throw new IllegalArgumentException(batch + " inputs of " + per + " values need " + per * batch
                    + " values, got " + inputs.length);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor x = OnnxTensor.createTensor(env, FloatBuffer.wrap(inputs), shape);
             OrtSession.Result result = session.run(Map.of(inputName, x))) {
            OnnxTensor y = (OnnxTensor) result.get(0);
            FloatBuffer flat = y.getFloatBuffer();
            int outPer = flat.remaining() / batch;
            float[][] out = new float[batch][outPer];
            for (float[] row : out) {
                flat.get(row);
            }
            return out;
        } catch (OrtException e) {
            throw new BadInputException(source, "ONNX Runtime failed to run the model: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
