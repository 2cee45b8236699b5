package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.Evaluation;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.ModelLocator;
import dev.infoprune.model.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Locale;

/** {@code infoprune evaluate MODEL --data DS}: accuracy and loss on a split. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a model on a split of a data set: accuracy (arg-max of the outputs) and mean "
                + "cross-entropy loss in nats.",
                "Inputs are normalised with the normalisation recorded in the model."})
final class EvaluateCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model folder, an .onnx file or a bundled sample name.")
    String model;

    @Option(names = "--data", required = true, paramLabel = "DS", description = "Bundled data set, CSV file or IDX folder.")
    String data;

    @Option(names = "--split", defaultValue = "test", description = "train, probe or test (default ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--seed", description = "Seed of the split (default: the seed in the model's card, else 1).")
    Long seed;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        Network network = ModelLocator.resolve(model);
        long splitSeed = seed != null ? seed : network.card().seed() != null ? network.card().seed() : 1L;
        Dataset part = part(splitSeed);
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        Evaluation e = Inference.evaluate(network, part, progress);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = JsonOutput.object();
            root.put("model", network.name());
            root.put("data", data);
            root.put("split", split);
            root.put("seed", splitSeed);
            root.put("samples", e.samples());
            root.put("accuracy", e.accuracy());
            root.put("loss", e.loss());
            if (network.card().testAccuracy() != null) {
                root.put("cardTestAccuracy", network.card().testAccuracy());
            }
            JsonOutput.print(out, root);
        } else {
            out.printf(Locale.ROOT, "%s on %s (%s split, seed %d, %d samples): accuracy %.4f, loss %.4f%n",
                    network.name(), data, split, splitSeed, e.samples(), e.accuracy(), e.loss());
            out.flush();
        }
    }

    private Dataset part(long splitSeed) {
        Splits splits = DatasetLocator.resolve(data, splitSeed);
        try {
            return splits.get(split);
        } catch (IllegalArgumentException e) {
            throw new dev.infoprune.core.BadInputException("--split " + split, "unknown split (train, probe or test)");
        }
    }
}
