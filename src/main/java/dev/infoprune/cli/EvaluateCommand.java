package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.Evaluation;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Locale;

/** {@code infoprune evaluate MODEL --data DS}: accuracy and loss on a split. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a model on a split of a data set: accuracy (arg-max of the outputs) and mean "
                + "cross-entropy loss in nats.",
                "Inputs are normalised with the normalisation recorded in the model."})
final class EvaluateCommand implements Runnable {
    @Mixin
    ModelArgument model;

    @Mixin
    DataOption data;

    @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT", description = "train, probe or test (default ${DEFAULT-VALUE}).")
    String part;

    @Mixin
    SplitOptions.WithOldSpelling split;

    @Mixin
    Console console;

    @Mixin
    DeviceOption device;

    @Override
    public void run() {
        device.apply();
        Network network = model.load();
        long splitSeed = split.forModel(network);
        Dataset samples = samples(splitSeed);
        TerminalProgress progress = new TerminalProgress(console.err());
        Evaluation e = Inference.evaluate(network, samples, progress);
        PrintWriter out = console.out();
        if (console.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("model", network.name());
            root.put("data", data.name());
            root.put("split", part);
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
                    network.name(), data.name(), part, splitSeed, e.samples(), e.accuracy(), e.loss());
            out.flush();
        }
    }

    private Dataset samples(long splitSeed) {
        Splits splits = data.split(splitSeed);
        try {
            return splits.get(part);
        } catch (IllegalArgumentException e) {
            throw new dev.infoprune.core.BadInputException("--split " + part, "unknown split (train, probe or test)");
        }
    }
}
