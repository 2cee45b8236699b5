package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.AtomicFiles;
import dev.infoprune.core.BadInputException;
import dev.infoprune.data.Normalizations;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.ArchitectureSpec;
import dev.infoprune.engine.EpochResult;
import dev.infoprune.engine.FreshTraining;
import dev.infoprune.engine.TrainingConfig;
import dev.infoprune.engine.TrainingListener;
import dev.infoprune.engine.TrainingResult;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code infoprune train}: trains a fresh network and writes its model folder (how the sample models are made). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a freshly initialised network on a data set's train split and write a model folder "
                + "(model.json, weights.npz, MODEL_CARD.md, training.csv).",
                "The normalisation is fitted on the train split and recorded; the probe split is the validation set; "
                        + "the test split is evaluated once at the end and written into the model card.",
                "Architecture specs: e.g. mlp:128-64, conv:6c5p2-pool-16c5p0-pool-fc120-fc84 "
                        + "(see docs/engine.md), or a preset: mlp-digits, lenet300, lenet5, vgg-small, vgg16-small, "
                        + "resnet8, resnet8-small, resnet20 (residual blocks: res16, res32s2)."})
final class TrainCommand implements Runnable {
    @Option(names = "--arch", required = true, paramLabel = "SPEC", description = "Architecture spec or preset.")
    String arch;

    @Mixin
    DataOption data;

    @Option(names = "--epochs", required = true, description = "Passes over the train split.")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed of the split, the initial weights, "
            + "shuffling and dropout; the model card records it as the split seed the other commands default to "
            + "(default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model folder to write (replaced atomically).")
    Path out;

    @Option(names = "--name", description = "Model name (default: the folder's name).")
    String name;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam or sgd (default ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", description = "Learning rate (default 0.001 for adam, 0.01 for sgd).")
    Double learningRate;

    @Option(names = "--batch-size", defaultValue = "64", description = "Mini-batch size (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--weight-decay", defaultValue = "0", description = "L2 weight decay added to the gradient (default ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (default ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--schedule", defaultValue = "constant", description = "Learning-rate schedule: constant or cosine (to 0 over all steps; default ${DEFAULT-VALUE}).")
    String schedule;

    @Mixin
    Console console;

    @Mixin
    DeviceOption device;

    @Override
    public void run() {
        device.apply();
        TrainingConfig config = config();
        ArchitectureSpec architecture = ArchitectureSpec.parse(arch);
        ModelFolderTarget.requireReplaceable(out);
        Splits splits = data.split(seed);
        String modelName = name != null ? name : out.toAbsolutePath().normalize().getFileName().toString();
        Network fresh = architecture.build(modelName, splits.train().inputShape(), splits.train().classes(), seed);

        PrintWriter err = console.err();
        TerminalProgress progress = new TerminalProgress(err);
        TrainingListener epochLines = new TrainingListener() {
            @Override
            public void onEpoch(EpochResult r) {
                err.printf(Locale.ROOT, "%nepoch %d/%d: train loss %.4f accuracy %.4f, probe loss %.4f accuracy %.4f (%.1f s)%n",
                        r.epoch(), epochs, r.trainLoss(), r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(),
                        r.seconds());
                err.flush();
            }
        };
        TrainingResult result = FreshTraining.train(fresh, data.name(), splits, config, Normalizations::fit, epochLines,
                progress);
        progress.done();
        Network trained = result.network();
        String command = "infoprune " + String.join(" ", console.arguments());
        write(trained, result.history(), command);

        PrintWriter stdout = console.out();
        ModelCard card = trained.card();
        if (console.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("model", out.toString());
            root.put("name", trained.name());
            root.set("card", JsonOutput.MAPPER.valueToTree(card));
            root.put("testSamples", splits.test().size());
            root.put("parameters", trained.parameterCount());
            root.put("macs", trained.macs());
            ArrayNode history = root.putArray("history");
            result.history().forEach(h -> history.add(JsonOutput.MAPPER.valueToTree(h)));
            JsonOutput.print(stdout, root);
        } else {
            stdout.printf(Locale.ROOT, "Trained %s (%s) on %s for %d epochs: test accuracy %.4f, loss %.4f (%d test samples)%n",
                    trained.name(), card.architecture(), data.name(), epochs, card.testAccuracy(), card.testLoss(),
                    splits.test().size());
            stdout.println("Wrote " + out);
            stdout.flush();
        }
    }

    private TrainingConfig config() {
        TrainingConfig.OptimizerKind kind = switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "adam" -> TrainingConfig.OptimizerKind.ADAM;
            case "sgd" -> TrainingConfig.OptimizerKind.SGD;
            default -> throw new BadInputException("--optimizer " + optimizer, "unknown optimizer (adam or sgd)");
        };
        TrainingConfig.Schedule lrSchedule = switch (schedule.toLowerCase(Locale.ROOT)) {
            case "constant" -> TrainingConfig.Schedule.CONSTANT;
            case "cosine" -> TrainingConfig.Schedule.COSINE;
            default -> throw new BadInputException("--schedule " + schedule, "unknown schedule (constant or cosine)");
        };
        double lr = learningRate != null ? learningRate : kind == TrainingConfig.OptimizerKind.ADAM ? 1e-3 : 1e-2;
        try {
            return new TrainingConfig(kind, lr, batchSize, weightDecay, epochs, seed,
                    kind == TrainingConfig.OptimizerKind.SGD ? momentum : 0, lrSchedule);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("train options", e.getMessage());
        }
    }

    private void write(Network trained, List<EpochResult> history, String command) {
        try {
            AtomicFiles.writeFolder(out, tmp -> {
                ModelFolder.writeInto(trained, tmp);
                Files.writeString(tmp.resolve("MODEL_CARD.md"), ModelCardText.markdown(trained, command));
                Files.writeString(tmp.resolve("training.csv"), historyCsv(history));
            });
        } catch (IOException e) {
            throw new BadInputException(out, "cannot be written: " + e.getMessage(), e);
        }
    }

    static String historyCsv(List<EpochResult> history) {
        StringBuilder sb = new StringBuilder("epoch,train_loss,train_accuracy,probe_loss,probe_accuracy,seconds\n");
        for (EpochResult r : history) {
            sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f,%.2f%n", r.epoch(), r.trainLoss(),
                    r.trainAccuracy(), r.validationLoss(), r.validationAccuracy(), r.seconds()));
        }
        return sb.toString();
    }
}
