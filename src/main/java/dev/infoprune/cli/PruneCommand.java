package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.AtomicFiles;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetFit;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.Evaluation;
import dev.infoprune.engine.Reinitialisation;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.study.DjlFineTuner;
import dev.infoprune.study.FineTuningBudget;
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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code infoprune prune MODEL --data DS --method M ... --out DIR}: one pruning method, surgery, fine-tuning. */
@Command(name = "prune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prune a model with one method: capture its activations on the probe split, plan which hidden "
                + "units to keep, cut the network down (surgery), fine-tune it (by default for two thirds of the epochs on the "
                + "model's card), evaluate it on the test "
                + "split before and after, and write the pruned model folder with plan.json (and trace.json for mipp).",
                "Sparsity = share of hidden units removed. The methods and every setting they take are listed at the end."})
final class PruneCommand implements Runnable {
    @Mixin
    ModelArgument model;

    @Mixin
    DataOption data;

    @Option(names = "--method", required = true, paramLabel = "M", description = "A method by name (listed at the end; infoprune methods).")
    String method;

    @Option(names = "--sparsity", paramLabel = "S", description = "The method's sparsity setting: share of hidden units to remove (see its settings below).")
    String sparsity;

    @Option(names = "--confidence", paramLabel = "X", description = "mipp: its confidence setting (below).")
    String confidence;

    @Option(names = "--repeats", paramLabel = "R", description = "mipp: its repeats setting (below).")
    String repeats;

    @Option(names = "--subsample", paramLabel = "F", description = "mipp: its subsample setting (below).")
    String subsample;

    @Option(names = "--null-model", paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
            description = "mipp: its null-model setting (below).")
    String nullModel;

    @Mixin
    EstimatorOption estimator;

    @Option(names = "--score", paramLabel = "S", description = "global-topk: its score setting (below).")
    String score;

    @Option(names = "--min-per-layer", paramLabel = "N", description = "global-topk: its min-per-layer setting (below).")
    String minPerLayer;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
            description = "Any setting of the method (listed below), e.g. ridge=1e-3, estimator.k=5, cutoff=knee (repeatable).")
    List<String> extraOptions = List.of();

    @Mixin
    SeedsAndSamples run;

    @Mixin
    FineTuningOptions fineTuning = new FineTuningOptions(0);

    @Mixin
    OutputFolderOptions output;

    @Mixin
    Console console;

    @Option(names = "--at-init", description = "Prune at initialisation: re-initialise the network with --seed (He-normal "
            + "weights, zero biases), prune it untrained (its activations, weights and gradients at initialisation), then "
            + "train the pruned network for the model's whole training run (its card's epochs; --finetune-epochs overrides).")
    boolean atInit;

    /** The fine-tuning budget of this run, for the card and the report. */
    private FineTuningBudget budget;

    @Mixin
    DeviceOption device;

    @Override
    public void run() {
        device.apply();
        long started = System.nanoTime();
        output.check();
        fineTuning.check();
        run.check();
        Network loaded = model.load();
        Network network = atInit ? Reinitialisation.of(loaded, run.seed()) : loaded;
        long dataSeed = run.splitSeed(network);
        Splits raw = data.split(dataSeed);
        Dataset train = DatasetFit.fit(raw.train(), network);
        Dataset probeData = DatasetFit.fit(raw.probe(), network);
        Dataset test = DatasetFit.fit(raw.test(), network);
        probeData = run.probe(probeData);
        MethodType type = PruningMethods.type(method);
        PruningMethod pruning = type.create(MethodOptions.read(type.defaults(), methodOptions()), probeData);

        TerminalProgress progress = new TerminalProgress(console.err());
        budget = atInit ? fineTuning.budgetFromScratch(network) : fineTuning.budget(network);
        boolean tune = budget.epochs() > 0;
        PruningPipeline pipeline = new PruningPipeline(new Splits(train, probeData, test),
                DjlFineTuner.of(budget, run.seed()), dataSeed, run.allProbeSamples());
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
        pruned = pruned.withName(network.name() + "-" + method + (atInit ? "-at-init" : ""))
                .withCard(card(network, plan, summary, finalResult));
        write(network, pruned, plan, trace);
        Result result = new Result(network, pruned, plan, summary, before, afterPruning, afterFineTuning, planned.samples(),
                test.size(), dataSeed, (System.nanoTime() - started) / 1e9, planned.samplesFrom());
        PrintWriter o = console.out();
        if (console.json()) {
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
        put(o, "estimator", estimator.given());
        put(o, "score", score);
        put(o, "min-per-layer", minPerLayer);
        for (String kv : extraOptions) {
            Map.Entry<String, String> e = MethodOptions.keyValue("--option", kv, "KEY=VALUE, e.g. confidence=0.9");
            o.put(e.getKey(), e.getValue());
        }
        if (PruningMethods.find(method).flatMap(MethodType::seed).isPresent()) {
            o.putIfAbsent("seed", Long.toString(run.seed()));
        }
        return o;
    }

    private static void put(Map<String, String> options, String key, String value) {
        if (value != null) {
            options.put(key, value);
        }
    }

    private ModelCard card(Network original, PruningPlan plan, PlanSummary summary, Evaluation result) {
        ModelCard c = original.card();
        String notes = (atInit ? "pruned at initialisation (re-initialised with seed " + run.seed() + ") from " : "pruned from ")
                + original.name() + " by " + plan.method() + " " + plan.settings() + " seed "
                + plan.seed() + " on " + (run.allProbeSamples() ? "the" : run.probeSamples()) + " probe samples of " + data.name()
                + ": " + summary.hiddenBefore() + " -> " + summary.hiddenAfter() + " hidden units"
                + (budget.epochs() > 0 ? "; fine-tuned " + budget.epochs() + " epochs (adam lr=" + budget.learningRate()
                + " " + budget.scheduleName() + ", seed " + run.seed() + ")" : "; not fine-tuned") + (c.notes() == null ? "" : ". Original: " + c.notes());
        return new ModelCard(c.dataset(), c.seed(), c.epochs(), result.accuracy(), result.loss(), c.architecture(), notes);
    }

    private void write(Network original, Network pruned, PruningPlan plan, MippTrace trace) {
        try {
            AtomicFiles.writeFolder(output.folder(), dir -> {
                ModelFolder.writeInto(pruned, dir);
                Files.writeString(dir.resolve(PlanFiles.FILE_NAME), PlanFiles.toJson(plan, original));
                if (trace != null) {
                    Files.writeString(dir.resolve(TraceFiles.FILE_NAME), TraceFiles.toJson(trace));
                }
            });
        } catch (IOException e) {
            throw new BadInputException(output.folder(), "cannot be written: " + e.getMessage(), e);
        }
    }

    private void print(PrintWriter o, Result r) {
        o.printf(Locale.ROOT, "%s pruned by %s %s, seed %d, on %d samples of %s from %s (split seed %d)%n",
                r.original().name(), r.plan().method(), r.plan().settings(), r.plan().seed(), r.probeSamples(), data.name(),
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
            totals.row("", "", accuracy(r.afterFineTuning()) + " (after " + budget.epochs() + " fine-tuning epochs)");
        }
        totals.row("test loss", loss(r.before()), loss(r.afterFineTuning() != null ? r.afterFineTuning() : r.afterPruning()));
        totals.print(o);
        o.println((atInit ? "pruned at initialisation (the network re-initialised with seed " + run.seed() + "); training: "
                : "fine-tuning: ") + budget.describe());
        o.println("collapsed layers (one unit left): " + (r.summary().collapsedLayers().isEmpty() ? "none"
                : String.join(", ", r.summary().collapsedLayers())));
        o.printf(Locale.ROOT, "test split: %d samples. Wrote %s (model.json, weights.npz, %s%s) in %.1f s%n",
                r.testSamples(), output.folder(), PlanFiles.FILE_NAME, r.plan().method().equals(Mipp.NAME) ? ", " + TraceFiles.FILE_NAME : "",
                r.seconds());
        o.flush();
    }

    private ObjectNode toJson(Result r, MippTrace trace) {
        ObjectNode root = JsonOutput.object();
        root.put("model", r.original().name());
        root.put("data", data.name());
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
        root.put("fineTuneEpochs", budget.epochs());
        root.put("learningRate", budget.learningRate());
        root.put("lrSchedule", budget.scheduleName());
        root.put("fineTuneEpochsFrom", budget.sourceName());
        root.put("atInit", atInit);
        if (trace != null) {
            root.put("mippSteps", trace.steps().size());
            root.put("estimator", trace.estimator());
        }
        root.put("out", output.folder().toAbsolutePath().toString());
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
