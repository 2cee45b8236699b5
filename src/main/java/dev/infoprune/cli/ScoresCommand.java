package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.AtomicFiles;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.Estimators;
import dev.infoprune.info.NodeScorer;
import dev.infoprune.info.NodeScores;
import dev.infoprune.info.ScoreKind;
import dev.infoprune.model.Network;
import dev.infoprune.prune.ChainsOnly;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code infoprune scores MODEL --data DS --estimator E [--out FILE.json|.csv]}: per-node scores. */
@Command(name = "scores", mixinStandardHelpOptions = true,
        description = {"Per-node scores of every prunable layer on the probe split of a data set: I(node; labels), "
                + "I(node; next layer), I(node; labels | rest of layer) and the L1/L2 norms of each node's incoming weights.",
                "Every score file records the estimator and its parameters."})
final class ScoresCommand implements Runnable {
    @Mixin
    ModelArgument model;

    @Mixin
    DataOption data;

    @Mixin
    EstimatorOption estimator;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "An estimator option (repeatable).")
    List<String> options = new ArrayList<>();

    @Option(names = "--scores", split = ",", paramLabel = "KIND",
            description = "Which scores: label-mi, next-layer-mi, label-cmi, weight-l1, weight-l2 (default: label-mi,next-layer-mi,weight-l1,weight-l2).")
    List<String> kinds = List.of("label-mi", "next-layer-mi", "weight-l1", "weight-l2");

    @Option(names = "--conditioning", defaultValue = "5", description = "Correlated nodes standing in for the rest of the layer in label-cmi (non-gaussian estimators; default ${DEFAULT-VALUE}).")
    int conditioning;

    @Mixin
    SeedsAndSamples run;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the scores to FILE.json or FILE.csv.")
    Path out;

    @Mixin
    Console console;

    @Option(names = "--samples", hidden = true, paramLabel = "N", description = "The old spelling of --probe-samples.")
    void oldSamplesSpelling(int n) {
        run.probe.probeSamples = n;
    }

    @Mixin
    DeviceOption device;

    @Override
    public void run() {
        device.apply();
        List<ScoreKind> which = kinds.stream().map(ScoresCommand::kind).toList();
        if (out != null && !(out.toString().endsWith(".json") || out.toString().endsWith(".csv"))) {
            throw new BadInputException("--out", out + " must end in .json or .csv");
        }
        NodeScorer scorer = new NodeScorer(Estimators.create(estimator.name(), Estimators.parseOptions(options)), conditioning);
        run.check();
        Network net = model.load();
        ChainsOnly.require(net);
        PrintWriter err = console.err();
        TerminalProgress progress = new TerminalProgress(err);
        long splitSeed = run.splitSeed(net);
        Dataset probeData = run.probe(data.split(splitSeed).probe());
        Activations activations = ActivationCapture.capture(net, probeData, progress.slice(0, 0.2));
        List<NodeScores> results = new ArrayList<>();
        for (int k = 0; k < which.size(); k++) {
            Progress part = progress.slice(0.2 + 0.8 * k / which.size(), 0.2 + 0.8 * (k + 1) / which.size());
            results.add(scorer.score(which.get(k), net, activations, part));
        }
        progress.done();
        ObjectNode doc = toJson(net, data.name(), activations.samples(), splitSeed, results);
        if (out != null) {
            String text = out.toString().endsWith(".csv") ? toCsv(net, results) : JsonOutput.MAPPER.valueToTree(doc).toPrettyString();
            try {
                AtomicFiles.writeString(out, text);
            } catch (java.io.IOException e) {
                throw new BadInputException(out, "cannot be written: " + e.getMessage(), e);
            }
        }
        PrintWriter stdout = console.out();
        if (console.json()) {
            JsonOutput.print(stdout, doc);
            return;
        }
        for (NodeScores s : results) {
            stdout.println(s.describe());
            for (String layer : net.prunableLayerNames()) {
                double[] v = s.of(layer);
                stdout.printf(Locale.ROOT, "  %-10s %4d nodes  min %.4f  mean %.4f  max %.4f%n", layer, v.length,
                        java.util.Arrays.stream(v).min().orElse(0), java.util.Arrays.stream(v).average().orElse(0),
                        java.util.Arrays.stream(v).max().orElse(0));
            }
        }
        if (out != null) {
            stdout.println("wrote " + out);
        }
        stdout.flush();
    }

    static ScoreKind kind(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "label-mi" -> ScoreKind.LABEL_MI;
            case "next-layer-mi" -> ScoreKind.NEXT_LAYER_MI;
            case "label-cmi" -> ScoreKind.LABEL_CMI_GIVEN_LAYER;
            case "weight-l1" -> ScoreKind.WEIGHT_L1;
            case "weight-l2" -> ScoreKind.WEIGHT_L2;
            default -> throw new BadInputException("--scores", "unknown score '" + s + "'; known: label-mi, next-layer-mi, label-cmi, weight-l1, weight-l2");
        };
    }

    static String kindName(ScoreKind k) {
        return switch (k) {
            case LABEL_MI -> "label-mi";
            case NEXT_LAYER_MI -> "next-layer-mi";
            case LABEL_CMI_GIVEN_LAYER -> "label-cmi";
            case WEIGHT_L1 -> "weight-l1";
            case WEIGHT_L2 -> "weight-l2";
        };
    }

    private ObjectNode toJson(Network net, String dataName, int probeSamples, long splitSeed, List<NodeScores> results) {
        ObjectNode doc = JsonOutput.object();
        doc.put("format", "infoprune-scores");
        doc.put("version", 1);
        doc.put("model", net.name());
        doc.put("data", dataName);
        doc.put("probeSamples", probeSamples);
        doc.put("splitSeed", splitSeed);
        doc.put("seed", run.seed());
        doc.put("unit", "nats");
        ArrayNode arr = doc.putArray("scores");
        for (NodeScores s : results) {
            ObjectNode o = arr.addObject();
            o.put("kind", kindName(s.kind()));
            o.put("label", s.kind().label());
            if (s.estimator() != null) {
                ObjectNode e = o.putObject("estimator");
                e.put("name", s.estimator().name());
                e.set("parameters", JsonOutput.MAPPER.valueToTree(s.estimator().parameters()));
                e.put("describe", s.estimator().describe());
            } else {
                o.putNull("estimator");
            }
            o.set("settings", JsonOutput.MAPPER.valueToTree(s.settings()));
            ObjectNode layers = o.putObject("layers");
            for (String layer : net.prunableLayerNames()) {
                layers.set(layer, JsonOutput.MAPPER.valueToTree(s.of(layer)));
            }
        }
        return doc;
    }

    /** One row per node: layer, node, then one column per score kind; a comment line names the estimator. */
    private static String toCsv(Network net, List<NodeScores> results) {
        StringBuilder sb = new StringBuilder();
        for (NodeScores s : results) {
            sb.append("# ").append(kindName(s.kind())).append(": ").append(s.describe()).append('\n');
        }
        sb.append("layer,node");
        for (NodeScores s : results) {
            sb.append(',').append(kindName(s.kind()));
        }
        sb.append('\n');
        for (String layer : net.prunableLayerNames()) {
            int units = results.get(0).of(layer).length;
            for (int u = 0; u < units; u++) {
                sb.append(layer).append(',').append(u);
                for (NodeScores s : results) {
                    sb.append(',').append(String.format(Locale.ROOT, "%.6g", s.of(layer)[u]));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }
}
