package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.AtomicFiles;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetFit;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.Evaluation;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.ModelLocator;
import dev.infoprune.study.DjlFineTuner;
import dev.infoprune.study.PruningPipeline;
import dev.infoprune.model.Network;
import dev.infoprune.prune.MethodType;
import dev.infoprune.prune.PlanFiles;
import dev.infoprune.prune.PlanSummary;
import dev.infoprune.prune.PruningMethod;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.mipp.Mipp;
import dev.infoprune.prune.mipp.MippTrace;
import dev.infoprune.prune.mipp.TraceFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** {@code infoprune prune MODEL --data DS --method M ... --out DIR}: one pruning method, surgery, fine-tuning. */
@Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prune a model with one method: capture its activations on the probe split, plan which hidden "
                + "units to keep, cut the network down (surgery), optionally fine-tune it, evaluate it on the test "
                + "split before and after, and write the pruned model folder with plan.json (and trace.json for mipp).",
                "Methods: mipp, global-topk, local-magnitude, random, cmi, itpruner. Sparsity = share of hidden units removed."})
final class PruneCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model folder, an .onnx file or a bundled sample name.")
    String model;

    @Option(names = "--data", required = true, paramLabel = "DS", description = "A bundled data set, a CSV file or an IDX folder.")
    String data;

    @Option(names = "--method", required = true, paramLabel = "M", description = "mipp, global-topk, local-magnitude, random, cmi or itpruner.")
    String method;

    @Option(names = "--sparsity", paramLabel = "S", description = "global-topk, local-magnitude, random, itpruner: share of hidden units to remove, in [0, 1) (default 0.5); "
                    + "cmi: remove this share of every layer in greedy order instead of its information cutoff.")
    String sparsity;

    @Option(names = "--confidence", paramLabel = "X", description = "mipp: one-sided confidence level (default 0.95).")
    String confidence;

    @Option(names = "--repeats", paramLabel = "R", description = "mipp: subsamples per test (default 5).")
    String repeats;

    @Option(names = "--subsample", paramLabel = "F", description = "mipp: share of probe samples in each subsample (default 0.8).")
    String subsample;

    @Option(names = "--null-model", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "mipp: compare each unit's Δ with an injected noise variable's.")
    String nullModel;

    @Option(names = "--estimator", paramLabel = "E", description = "mipp, global-topk --score mi: gaussian (default), ksg, renyi, predictive, binned, hsic.")
    String estimator;

    @Option(names = "--score", paramLabel = "S", description = "global-topk: l1 (default), mi or saliency.")
    String score;

    @Option(names = "--min-per-layer", paramLabel = "N", description = "global-topk: keep at least N units per layer (default 0).")
    String minPerLayer;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
            description = "Any other method option, e.g. ridge=1e-3, estimator.k=5, cutoff=knee, direction=independent, macs=0.5 (repeatable).")
    List<String> extraOptions = List.of();

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the method (mipp, random) and of fine-tuning (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--split-seed", paramLabel = "S", description = "Seed of the data splits (default: the seed in the model's card, else 1).")
    Long splitSeed;

    @Option(names = "--probe-samples", paramLabel = "N", description = "Use the first N samples of the probe split (default: all).")
    Integer probeSamples;

    @Option(names = "--finetune-epochs", defaultValue = "0", paramLabel = "N", description = "Fine-tune the pruned network for N epochs (default ${DEFAULT-VALUE}).")
    int fineTuneEpochs;

    @Option(names = "--lr", defaultValue = "1e-3", paramLabel = "R", description = "Fine-tuning learning rate, Adam (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the pruned model, plan.json and trace.json.")
    Path out;

    @Option(names = "--overwrite", description = "Replace DIR when it exists and is not empty.")
    boolean overwrite;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        long started = System.nanoTime();
        checkOutput();
        if (fineTuneEpochs < 0) {
            throw new BadInputException("--finetune-epochs", "must not be negative, got " + fineTuneEpochs);
        }
        if (!(learningRate > 0)) {
            throw new BadInputException("--lr", "must be positive, got " + learningRate);
        }
        if (probeSamples != null && probeSamples < 10) {
            throw new BadInputException("--probe-samples", "needs at least 10 samples, got " + probeSamples);
        }
        Network network = ModelLocator.resolve(model);
        long dataSeed = splitSeed != null ? splitSeed : network.card().seed() != null ? network.card().seed() : 1L;
        Splits raw = DatasetLocator.resolve(data, dataSeed);
        Dataset train = DatasetFit.fit(raw.train(), network);
        Dataset probeData = DatasetFit.fit(raw.probe(), network);
        Dataset test = DatasetFit.fit(raw.test(), network);
        if (probeSamples != null) {
            probeData = probeData.head(probeSamples);
        }
        MethodType type = PruningMethods.type(method);
        PruningMethod pruning = type.create(MethodOptions.read(type.defaults(), methodOptions()), probeData);

        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        boolean tune = fineTuneEpochs > 0;
        PruningPipeline pipeline = new PruningPipeline(new Splits(train, probeData, test),
                DjlFineTuner.adam(fineTuneEpochs, learningRate, seed), dataSeed, probeSamples == null);
        Evaluation before = pipeline.evaluate(network, progress.slice(0, 0.05));
        PruningPipeline.Planned planned = pipeline.plan(network, pruning, null, progress.slice(0.05, tune ? 0.5 : 0.9));
        PruningPlan plan = planned.result().plan();
        MippTrace trace = planned.result().trace(MippTrace.class).orElse(null);
        PlanSummary summary = planned.widths();
        if (!summary.emptiedLayers().isEmpty()) {
            progress.done();
            throw new BadInputException("--method " + method, "the plan empties layer(s) "
                    + String.join(", ", summary.emptiedLayers()) + " (at sparsity " + percent(summary.sparsity())
                    + "), which leaves no network to write; lower --sparsity or give --min-per-layer 1");
        }
        PruningPipeline.Outcome outcome = pipeline.finish(network, planned, progress.slice(tune ? 0.5 : 0.9, 1));
        Evaluation afterPruning = outcome.afterPruning();
        Evaluation afterFineTuning = outcome.afterFineTuning();
        Network pruned = outcome.tuned();
        Evaluation finalResult = afterFineTuning != null ? afterFineTuning : afterPruning;
        pruned = pruned.withName(network.name() + "-" + method).withCard(card(network, plan, summary, finalResult));
        write(network, pruned, plan, trace);
        Result result = new Result(network, pruned, plan, summary, before, afterPruning, afterFineTuning, planned.samples(),
                test.size(), dataSeed, (System.nanoTime() - started) / 1e9, planned.samplesFrom());
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(o, toJson(result, trace));
        } else {
            print(o, result);
        }
    }

    private record Result(Network original, Network pruned, PruningPlan plan, PlanSummary summary, Evaluation before,
                          Evaluation afterPruning, Evaluation afterFineTuning, int probeSamples, int testSamples,
                          long splitSeed, double seconds, String planSource) {
    }

    /** The options the user gave, in the names {@link PruningMethods} takes; --seed only where the method has one. */
    Map<String, String> methodOptions() {
        Map<String, String> o = new LinkedHashMap<>();
        put(o, "sparsity", sparsity);
        put(o, "confidence", confidence);
        put(o, "repeats", repeats);
        put(o, "subsample", subsample);
        put(o, "null-model", nullModel);
        put(o, "estimator", estimator);
        put(o, "score", score);
        put(o, "min-per-layer", minPerLayer);
        for (String kv : extraOptions) {
            Map.Entry<String, String> e = MethodOptions.keyValue("--option", kv, "KEY=VALUE, e.g. confidence=0.9");
            o.put(e.getKey(), e.getValue());
        }
        if (PruningMethods.find(method).flatMap(MethodType::seed).isPresent()) {
            o.putIfAbsent("seed", Long.toString(seed));
        }
        return o;
    }

    private static void put(Map<String, String> options, String key, String value) {
        if (value != null) {
            options.put(key, value);
        }
    }

    private void checkOutput() {
        Recovery.recover(out);
        if (Files.isRegularFile(out)) {
            throw new BadInputException(out, "is a file; --out needs a folder");
        }
        if (Files.isDirectory(out) && !overwrite) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException(out, "exists and is not empty (give --overwrite to replace it)");
                }
            } catch (IOException e) {
                throw new BadInputException(out, "cannot be read: " + e.getMessage(), e);
            }
        }
    }

    private ModelCard card(Network original, PruningPlan plan, PlanSummary summary, Evaluation result) {
        ModelCard c = original.card();
        String notes = "pruned from " + original.name() + " by " + plan.method() + " " + plan.settings() + " seed "
                + plan.seed() + " on " + (probeSamples == null ? "the" : probeSamples) + " probe samples of " + data
                + ": " + summary.hiddenBefore() + " -> " + summary.hiddenAfter() + " hidden units"
                + (fineTuneEpochs > 0 ? "; fine-tuned " + fineTuneEpochs + " epochs (adam lr=" + learningRate + ", seed "
                + seed + ")" : "; not fine-tuned") + (c.notes() == null ? "" : ". Original: " + c.notes());
        return new ModelCard(c.dataset(), c.seed(), c.epochs(), result.accuracy(), result.loss(), c.architecture(), notes);
    }

    private void write(Network original, Network pruned, PruningPlan plan, MippTrace trace) {
        try {
            AtomicFiles.writeFolder(out, dir -> {
                ModelFolder.writeInto(pruned, dir);
                Files.writeString(dir.resolve(PlanFiles.FILE_NAME), PlanFiles.toJson(plan, original));
                if (trace != null) {
                    Files.writeString(dir.resolve(TraceFiles.FILE_NAME), TraceFiles.toJson(trace));
                }
            });
        } catch (IOException e) {
            throw new BadInputException(out, "cannot be written: " + e.getMessage(), e);
        }
    }

    private void print(PrintWriter o, Result r) {
        o.printf(Locale.ROOT, "%s pruned by %s %s, seed %d, on %d samples of %s from %s (split seed %d)%n",
                r.original().name(), r.plan().method(), r.plan().settings(), r.plan().seed(), r.probeSamples(), data,
                r.planSource(), r.splitSeed());
        TextTable widths = new TextTable("LAYER", "BEFORE", "AFTER", "REMOVED");
        for (PlanSummary.LayerWidth w : r.summary().layers()) {
            widths.row(w.layer(), w.before(), w.after(), percent(w.sparsity()) + (w.collapsed() ? "  collapsed" : ""));
        }
        widths.row("hidden", r.summary().hiddenBefore(), r.summary().hiddenAfter(), percent(r.summary().sparsity()));
        widths.print(o);
        o.println();
        TextTable totals = new TextTable("", "BEFORE", "AFTER");
        totals.row("parameters", ModelSummary.count(r.original().parameterCount()), ModelSummary.count(r.pruned().parameterCount()));
        totals.row("MACs", ModelSummary.count(r.original().macs()), ModelSummary.count(r.pruned().macs()));
        totals.row("test accuracy", accuracy(r.before()), accuracy(r.afterPruning()) + " (pruned, not fine-tuned)");
        if (r.afterFineTuning() != null) {
            totals.row("", "", accuracy(r.afterFineTuning()) + " (after " + fineTuneEpochs + " fine-tuning epochs)");
        }
        totals.row("test loss", loss(r.before()), loss(r.afterFineTuning() != null ? r.afterFineTuning() : r.afterPruning()));
        totals.print(o);
        o.println("collapsed layers (one unit left): " + (r.summary().collapsedLayers().isEmpty() ? "none"
                : String.join(", ", r.summary().collapsedLayers())));
        o.printf(Locale.ROOT, "test split: %d samples. Wrote %s (model.json, weights.npz, %s%s) in %.1f s%n",
                r.testSamples(), out, PlanFiles.FILE_NAME, r.plan().method().equals(Mipp.NAME) ? ", " + TraceFiles.FILE_NAME : "",
                r.seconds());
        o.flush();
    }

    private ObjectNode toJson(Result r, MippTrace trace) {
        ObjectNode root = JsonOutput.object();
        root.put("model", r.original().name());
        root.put("data", data);
        root.put("splitSeed", r.splitSeed());
        root.put("method", r.plan().method());
        root.set("settings", JsonOutput.MAPPER.valueToTree(r.plan().settings()));
        root.put("seed", r.plan().seed());
        root.put("probeSamples", r.probeSamples());
        root.put("samplesFrom", r.planSource());
        root.put("testSamples", r.testSamples());
        ArrayNode layers = root.putArray("layers");
        for (PlanSummary.LayerWidth w : r.summary().layers()) {
            ObjectNode l = layers.addObject();
            l.put("name", w.layer());
            l.put("before", w.before());
            l.put("after", w.after());
            l.put("collapsed", w.collapsed());
        }
        root.put("hiddenBefore", r.summary().hiddenBefore());
        root.put("hiddenAfter", r.summary().hiddenAfter());
        root.put("sparsity", r.summary().sparsity());
        ArrayNode collapsed = root.putArray("collapsedLayers");
        r.summary().collapsedLayers().forEach(collapsed::add);
        ObjectNode params = root.putObject("parameters");
        params.put("before", r.original().parameterCount());
        params.put("after", r.pruned().parameterCount());
        ObjectNode macs = root.putObject("macs");
        macs.put("before", r.original().macs());
        macs.put("after", r.pruned().macs());
        root.set("before", evaluation(r.before()));
        root.set("afterPruning", evaluation(r.afterPruning()));
        if (r.afterFineTuning() != null) {
            root.set("afterFineTuning", evaluation(r.afterFineTuning()));
        } else {
            root.putNull("afterFineTuning");
        }
        root.put("fineTuneEpochs", fineTuneEpochs);
        if (trace != null) {
            root.put("mippSteps", trace.steps().size());
            root.put("estimator", trace.estimator());
        }
        root.put("out", out.toAbsolutePath().toString());
        ArrayNode files = root.putArray("files");
        files.add(ModelFolder.MODEL_JSON).add(ModelFolder.WEIGHTS_NPZ).add(PlanFiles.FILE_NAME);
        if (trace != null) {
            files.add(TraceFiles.FILE_NAME);
        }
        root.put("seconds", r.seconds());
        return root;
    }

    private static ObjectNode evaluation(Evaluation e) {
        ObjectNode n = JsonOutput.object();
        n.put("accuracy", e.accuracy());
        n.put("loss", e.loss());
        n.put("samples", e.samples());
        return n;
    }

    private static String accuracy(Evaluation e) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * e.accuracy());
    }

    private static String loss(Evaluation e) {
        return String.format(Locale.ROOT, "%.4f", e.loss());
    }

    private static String percent(double f) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * f);
    }
}
