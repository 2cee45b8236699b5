package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.IoMessages;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.onnx.OnnxImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code infoprune import FILE.onnx --out DIR}: an ONNX MLP/CNN becomes a model folder. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import an ONNX model (as torch.onnx.export writes an nn.Sequential MLP or CNN) into a model folder.",
                "Supported: Gemm, MatMul+Add, Conv, BatchNormalization, Relu, Sigmoid, Tanh, LeakyRelu, Elu, Clip "
                        + "(ReLU6, Hardtanh), HardSigmoid, HardSwish, Gelu, x·Sigmoid(x) (SiLU), x·HardSigmoid(x) "
                        + "(Hardswish), the erf form of GELU, MaxPool, AveragePool (padded, also after a Pad), "
                        + "GlobalAveragePool, Flatten, Reshape, Dropout, Identity, a final Softmax (dropped); opsets 9-21.",
                "A model trained on normalised data (e.g. torchvision's Normalize in the DataLoader) needs --mean and "
                        + "--std, so that evaluate and the workbench feed it what it was trained on."})
final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.onnx", description = "the ONNX file")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the model folder to write")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "model name (default: the file name)")
    String name;

    @Mixin
    Console console;

    @Option(names = "--mean", split = ",", paramLabel = "M[,M...]",
            description = "the input normalisation's means, (x - mean) / std, stored in the model folder: one value, "
                    + "one per image channel, or one per input value")
    float[] mean;

    @Option(names = "--std", split = ",", paramLabel = "S[,S...]",
            description = "the input normalisation's standard deviations (as many as --mean)")
    float[] std;

    @Override
    public Integer call() {
        Network net = OnnxImport.read(file);
        if (name != null && !name.isBlank()) {
            net = net.withName(name);
        }
        if (mean != null || std != null) {
            net = withNormalization(net);
        }
        ModelFolderTarget.requireReplaceable(out);
        try {
            ModelFolder.write(net, out);
        } catch (IOException e) {
            throw IoMessages.cannotWrite(out, e);
        }
        PrintWriter w = console.out();
        if (console.json()) {
            ObjectNode doc = JsonOutput.object();
            doc.put("command", "import");
            doc.put("file", file.toString());
            doc.put("out", out.toString());
            doc.set("model", ModelFolder.toJson(net));
            doc.put("parameters", net.parameterCount());
            doc.put("notes", net.card().notes());
            JsonOutput.print(w, doc);
        } else {
            w.printf("imported %s -> %s%n", file, out);
            w.printf("  %s: input %s, %d layers, unit widths %s, %d parameters, %d classes%n", net.name(),
                    Arrays.toString(net.inputShape()), net.layers().size(), Arrays.toString(net.unitLayerWidths()),
                    net.parameterCount(), net.classes().size());
            w.printf("  layers: %s%n", String.join(" ", net.layers().stream().map(l -> l.name() + ":" + l.type()).toList()));
            w.printf("  notes: %s%n", net.card().notes());
            w.flush();
        }
        return 0;
    }

    private Network withNormalization(Network net) {
        if (mean == null || std == null) {
            throw new BadInputException(mean == null ? "--std" : "--mean", "needs " + (mean == null ? "--mean" : "--std")
                    + " too (the normalisation is (x - mean) / std)");
        }
        if (!net.normalization().isIdentity()) {
            throw new BadInputException(file, "already carries an input normalisation (" + net.card().notes()
                    + "); leave out --mean and --std, or export the model without it");
        }
        Normalization n;
        try {
            n = Normalization.forInput(mean, std, net.inputShape());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--mean/--std", e.getMessage(), e);
        }
        String note = "input normalisation from --mean " + join(mean) + " --std " + join(std);
        String notes = net.card().notes() == null ? note : net.card().notes() + "; " + note;
        return net.withNormalization(n).withCard(net.card().withNotes(notes));
    }

    private static String join(float[] values) {
        StringBuilder b = new StringBuilder();
        for (float v : values) {
            b.append(b.length() == 0 ? "" : ",").append(v);
        }
        return b.toString();
    }
}
