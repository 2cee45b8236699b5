package dev.infoprune.cli;

import dev.infoprune.core.AtomicFiles;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import dev.infoprune.data.CsvReader;
import dev.infoprune.data.NumericRows;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code infoprune predict MODEL FILE.csv}: the model's outputs for raw inputs. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Run a model on raw inputs: each CSV row is one input flattened in the model's input shape "
                + "(channel-first for images) and is fed as it is, without the model's normalisation.",
                "Writes one row of outputs (logits; probabilities with --probabilities) per input row, under a header "
                        + "line of class names, each with the digits that give its float32 value back exactly."})
final class PredictCommand implements Runnable {
    @Mixin
    ModelArgument model;

    @Parameters(index = "1", paramLabel = "FILE.csv", description = "Numeric rows, one input each; a header line is skipped.")
    Path input;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the outputs here (atomically) instead of stdout.")
    Path output;

    @Option(names = "--probabilities", description = "Softmax of the outputs instead of logits.")
    boolean probabilities;

    @Mixin
    Console console;

    @Mixin
    DeviceOption device;

    @Override
    public void run() {
        device.apply();
        Network network = model.load();
        NumericRows rows = CsvReader.readRows(input);
        if (rows.cols() != network.inputSize()) {
            throw new BadInputException(input, "rows have " + rows.cols() + " values but model " + network.name()
                    + " takes inputs of shape " + java.util.Arrays.toString(network.inputShape()) + " ("
                    + network.inputSize() + " values)");
        }
        Matrix outputs = Inference.outputsOfRawInputs(network, rows.values(), rows.rows(), input.toString(),
                dev.infoprune.core.Progress.NONE);
        Matrix values = probabilities ? softmax(outputs) : outputs;
        String csv = console.json() ? json(network, values, probabilities) : csv(network, values);
        if (output == null) {
            PrintWriter out = console.out();
            out.print(csv);
            out.flush();
        } else {
            try {
                AtomicFiles.writeString(output, csv);
            } catch (IOException e) {
                throw new BadInputException(output, "cannot be written: " + e.getMessage(), e);
            }
            console.err().println("Wrote " + rows.rows() + " rows of outputs to " + output);
        }
    }

    private static String header(Network network, int j) {
        return j < network.classes().size() ? network.classes().get(j) : "output" + j;
    }

    /** The shortest decimal that reads back as the same float32 (what the engine computed). */
    static String exact(double v) {
        return Float.toString((float) v);
    }

    static String json(Network network, Matrix m, boolean probabilities) {
        com.fasterxml.jackson.databind.node.ObjectNode doc = JsonOutput.object();
        doc.put("command", "predict");
        doc.put("model", network.name());
        doc.put("kind", probabilities ? "probabilities" : "logits");
        var classes = doc.putArray("classes");
        for (int j = 0; j < m.cols(); j++) {
            classes.add(header(network, j));
        }
        var rows = doc.putArray("outputs");
        for (int i = 0; i < m.rows(); i++) {
            var row = rows.addArray();
            for (int j = 0; j < m.cols(); j++) {
                row.add((float) m.get(i, j));
            }
        }
        try {
            return JsonOutput.MAPPER.writeValueAsString(doc) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String csv(Network network, Matrix m) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < m.cols(); j++) {
            sb.append(j == 0 ? "" : ",").append(header(network, j));
        }
        sb.append('\n');
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                sb.append(j == 0 ? "" : ",").append(exact(m.get(i, j)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static Matrix softmax(Matrix logits) {
        double[] p = new double[logits.rows() * logits.cols()];
        for (int i = 0; i < logits.rows(); i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < logits.cols(); j++) {
                max = Math.max(max, logits.get(i, j));
            }
            double sum = 0;
            for (int j = 0; j < logits.cols(); j++) {
                p[i * logits.cols() + j] = Math.exp(logits.get(i, j) - max);
                sum += p[i * logits.cols() + j];
            }
            for (int j = 0; j < logits.cols(); j++) {
                p[i * logits.cols() + j] /= sum;
            }
        }
        return Matrix.wrap(logits.rows(), logits.cols(), p);
    }
}
