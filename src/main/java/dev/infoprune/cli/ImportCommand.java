package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.IoMessages;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.onnx.OnnxImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code infoprune import FILE.onnx --out DIR}: an ONNX MLP/CNN becomes a model folder. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import an ONNX model (as torch.onnx.export writes an nn.Sequential MLP or CNN) into a model folder.",
                "Supported: Gemm, MatMul+Add, Conv, BatchNormalization, Relu, Sigmoid, Tanh, MaxPool, AveragePool, "
                        + "GlobalAveragePool, Flatten, Reshape, Dropout, Identity, a final Softmax (dropped); opsets 9-21."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.onnx", description = "the ONNX file")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the model folder to write")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "model name (default: the file name)")
    String name;

    @Option(names = "--json", description = "print one JSON document")
    boolean json;

    @Override
    public Integer call() {
        Network net = OnnxImport.read(file);
        if (name != null && !name.isBlank()) {
            net = net.withName(name);
        }
        requireReplaceable(out);
        try {
            ModelFolder.write(net, out);
        } catch (IOException e) {
            throw IoMessages.cannotWrite(out, e);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
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

    /** Never replaces a folder that holds something other than a model. */
    static void requireReplaceable(Path out) {
        Recovery.recover(out);
        if (Files.isRegularFile(out)) {
            throw new BadInputException(out, "is a file; --out needs a folder to write the model into");
        }
        if (Files.isDirectory(out) && !ModelFolder.isModelFolder(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException(out, "exists and is not a model folder; refusing to replace it");
                }
            } catch (IOException e) {
                throw new BadInputException(out, "cannot be read: " + IoMessages.describe(e), e);
            }
        }
    }
}
