package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.AtomicFiles;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.IoMessages;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.NpzWeights;
import dev.infoprune.model.onnx.OnnxExport;
import dev.infoprune.model.onnx.OnnxRuntimeRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code infoprune export MODEL --format onnx|npz --out PATH}. An ONNX export is run in ONNX Runtime on random
 * inputs and compared with the DJL engine before it is written; npz writes the weights alone, in PyTorch names.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export a model (folder, .onnx file or bundled sample) to ONNX, or its weights to a NumPy .npz archive.",
                "onnx: opset " + OnnxExport.OPSET + ", input 'input' [batch, ...], output 'output' (scores before softmax);"
                        + " inputs are fed as they are, like predict (the model's normalisation is kept in the metadata).",
                "npz: <layer>.weight/.bias/.running_mean/.running_var in PyTorch layouts, for load_state_dict."})
final class ExportCommand implements Callable<Integer> {
    static final int CHECK_INPUTS = 8;
    static final double CHECK_TOLERANCE = 1e-4;

    enum Format { onnx, npz }

    @Mixin
    ModelArgument model;

    @Option(names = "--format", paramLabel = "FORMAT", description = "onnx or npz (default: from the --out extension)")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "the file to write")
    Path out;

    @Mixin
    Console console;

    @Override
    public Integer call() {
        Format f = format != null ? format : formatOf(out);
        if (Files.isDirectory(out)) {
            throw new BadInputException(out, "is a folder; --out needs a file name");
        }
        Network net = model.load();
        ObjectNode doc = JsonOutput.object();
        doc.put("command", "export");
        doc.put("model", net.name());
        doc.put("format", f.name());
        doc.put("out", out.toString());
        PrintWriter w = console.out();
        if (f == Format.onnx) {
            byte[] bytes = OnnxExport.toBytes(net);
            double deviation = runtimeDeviation(net, bytes);
            write(o -> o.write(bytes));
            doc.put("opset", OnnxExport.OPSET);
            doc.put("checkedInputs", CHECK_INPUTS);
            doc.put("maxAbsDifferenceOnnxRuntimeVsDjl", deviation);
            if (!console.json()) {
                w.printf("wrote %s (ONNX opset %d, %d bytes)%n", out, OnnxExport.OPSET, bytes.length);
                w.printf("  checked in ONNX Runtime: max |ORT - DJL| = %.2e on %d random inputs%n", deviation, CHECK_INPUTS);
                if (!net.normalization().isIdentity()) {
                    w.printf("  inputs are fed as they are: normalise them with the model's mean/std first "
                            + "(stored in the metadata as %s)%n", OnnxExport.META_NORMALIZATION);
                }
            }
        } else {
            var weights = ModelFolder.weightsOf(net);
            write(o -> NpzWeights.write(weights, o));
            doc.put("arrays", weights.size());
            if (!console.json()) {
                w.printf("wrote %s (%d arrays: %s)%n", out, weights.size(), String.join(", ", weights.keySet()));
            }
        }
        if (console.json()) {
            JsonOutput.print(w, doc);
        }
        w.flush();
        return 0;
    }

    private void write(AtomicFiles.StreamWriter writer) {
        try {
            AtomicFiles.writeFile(out, writer);
        } catch (IOException e) {
            throw IoMessages.cannotWrite(out, e);
        }
    }

    private static Format formatOf(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".onnx")) {
            return Format.onnx;
        }
        if (name.endsWith(".npz")) {
            return Format.npz;
        }
        throw new BadInputException(out.toString(), "cannot tell the format from the file name; give --format onnx or --format npz");
    }

    /** Runs the exported bytes in ONNX Runtime and the network in DJL on the same random inputs. */
    static double runtimeDeviation(Network net, byte[] onnx) {
        Random r = new Random(0);
        float[] x = new float[CHECK_INPUTS * net.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        Matrix djl = Inference.outputsOfRawInputs(net, x, CHECK_INPUTS, "random check inputs", Progress.NONE);
        double max = 0;
        try (OnnxRuntimeRunner ort = OnnxRuntimeRunner.open(onnx, net.name() + ".onnx")) {
            float[][] y = ort.run(x, CHECK_INPUTS);
            for (int b = 0; b < CHECK_INPUTS; b++) {
                for (int i = 0; i < y[b].length; i++) {
                    max = Math.max(max, Math.abs(y[b][i] - djl.get(b, i)));
                }
            }
        }
        if (!(max <= CHECK_TOLERANCE)) {
            throw new IllegalStateException("the ONNX export of " + net.name() + " disagrees with the engine by " + max);
        }
        return max;
    }
}
