package dev.infoprune.cli;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.IoMessages;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.Splits;
import dev.infoprune.model.Network;
import dev.infoprune.prune.CmiFilterPruning;
import dev.infoprune.prune.MethodSettings;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.study.CollapseFrequency;
import dev.infoprune.study.DjlFineTuner;
import dev.infoprune.study.Experiment;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.ExperimentSpec;
import dev.infoprune.study.MethodResult;
import dev.infoprune.study.ReportWriter;
import dev.infoprune.study.SeedSummary;
import dev.infoprune.study.StudyMethods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code infoprune compare MODEL --data DS --methods ... --out DIR}: pruning methods side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Prune one model with several methods on the same probe split, fine-tune each pruned network "
                + "with the same budget and seed, and write report.html, results.csv, results.json and charts.",
                "Without --sparsity or --sweep, the self-sizing method (mipp, else cmi) runs first and the others run "
                        + "at the sparsity it reached. Sparsity = share of hidden units removed."})
final class CompareCommand implements Runnable {
    @Mixin
    ModelArgument model;

    @Mixin
    DataOption data;

    @Option(names = "--methods", required = true, split = ",", paramLabel = "M",
            description = "Comma-separated method names (listed at the end; infoprune methods), and the controls "
                    + "random@mipp and local-magnitude@mipp (MIPP's per-layer widths, units chosen at random or by "
                    + "weight norm; need mipp).")
    List<String> methods;

    @Option(names = "--sparsity", paramLabel = "S", description = "Run the sparsity-taking methods at this sparsity.")
    Double sparsity;

    @Option(names = "--sweep", split = ",", paramLabel = "S", description = "Run them at each of these sparsities, e.g. 0.5,0.8,0.95.")
    double[] sweep;

    @Option(names = "--mipp-confidences", split = ",", paramLabel = "X",
            description = "Run MIPP once at each of these confidences x (its sparsity knob), e.g. 0.5,0.8,0.95,0.99, each a "
                    + "row of its own (x=0.8), so that its runs spread over sparsity beside --sweep.")
    double[] mippConfidences;

    @Mixin
    FineTuningOptions fineTuning = new FineTuningOptions(3);

    @Mixin
    SeedsAndSamples run;

    @Option(names = "--seeds", defaultValue = "1", paramLabel = "N",
            description = "Run every method N times, with method and fine-tuning seeds --seed, --seed + 1, …, on the same "
                    + "splits, and report the mean ± standard deviation and every seed's value (default ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--train-samples", paramLabel = "N", description = "Fine-tune on a random subset of N training samples, drawn with --seed (default: all).")
    Integer trainSamples;

    @Option(names = "--option", paramLabel = "M.K=V", description = "A method option, e.g. mipp.confidence=0.9 (repeatable).")
    List<String> methodOptions = List.of();

    @Option(names = "--cmi-cutoff", paramLabel = "C", description = "Shortcut for --option cmi.cutoff=C.")
    String cmiCutoff;

    @Option(names = "--cmi-fraction", paramLabel = "F", description = "Shortcut for --option cmi.fraction=F.")
    String cmiFraction;

    @Option(names = "--cmi-direction", paramLabel = "D", description = "Shortcut for --option cmi.direction=D.")
    String cmiDirection;

    @Option(names = "--at-init", description = "Prune at initialisation: every seed re-initialises the network (He-normal "
            + "weights, zero biases), every method prunes it untrained, and each pruned network is trained for the model's "
            + "whole training run (its card's epochs; --finetune-epochs overrides).")
    boolean atInit;

    @Mixin
    OutputFolderOptions output;

    @Mixin
    Console console;

    @Mixin
    DeviceOption device;

    @Override
    public void run() {
        device.apply();
        if (seeds < 1) {
            throw new BadInputException("--seeds", "give at least one seed, got " + seeds);
        }
        if (sparsity != null && sweep != null) {
            throw new BadInputException("--sparsity", "give either --sparsity or --sweep, not both");
        }
        fineTuning.check();
        output.check();
        Network network = model.load();
        long dataSeed = run.splitSeed(network, run.seed());
        Splits splits = limit(data.split(dataSeed));
        StudyMethods catalog = new StudyMethods(MethodOptions.perMethod(methodOptions,
                Map.of(CmiFilterPruning.NAME, cmiSettings())));
        ExperimentSpec experiment = sparsity != null
                ? ExperimentSpec.at(network, splits, methods, sparsity, run.seed())
                : sweep != null ? ExperimentSpec.sweep(network, splits, methods, sweep, run.seed())
                : ExperimentSpec.matching(network, splits, methods, run.seed());
        experiment = experiment.withOrigin(data.name(), dataSeed).withSeeds(seeds);
        if (mippConfidences != null) {
            experiment = experiment.withMippConfidences(mippConfidences);
        }
        if (atInit) {
            experiment = experiment.withAtInit();
        }
        TerminalProgress progress = new TerminalProgress(console.err());
        ExperimentResult result = new Experiment(experiment, catalog, DjlFineTuner.of(
                atInit ? fineTuning.budgetFromScratch(network) : fineTuning.budget(network), run.seed()))
                .run(progress);
        try {
            ReportWriter.writeFolder(result, output.folder());
        } catch (IOException e) {
            throw new BadInputException(output.folder(), "cannot write the report: " + IoMessages.describe(e), e);
        }
        PrintWriter o = console.out();
        if (console.json()) {
            JsonOutput.print(o, ReportWriter.json(result));
            return;
        }
        print(o, result, dataSeed);
    }

    private Splits limit(Splits s) {
        Dataset probeData = run.probe(s.probe());
        Dataset train = ProbeOptions.limit(s.train(), trainSamples, "--train-samples", run.seed());
        return new Splits(train, probeData, s.test());
    }

    /** The --cmi-* shortcuts given, as CMI's settings; --option cmi.KEY=V goes on top of them. */
    private MethodSettings cmiSettings() {
        Map<String, String> given = new LinkedHashMap<>();
        if (cmiCutoff != null) {
            given.put("cutoff", cmiCutoff);
        }
        if (cmiDirection != null) {
            given.put("direction", cmiDirection);
        }
        if (cmiFraction != null) {
            given.put("fraction", cmiFraction);
        }
        try {
            return MethodOptions.read(PruningMethods.CMI_FILTERS.defaults(), given);
        } catch (BadInputException e) {
            throw new BadInputException("--cmi-*", e.problem().contains("must be one of")
                    ? "cutoff is fraction, knee, scree or xmeans, direction forward, bidirectional, backward or independent"
                    : e.problem(), e);
        }
    }

    private static String spread(SeedSummary.Spread s) {
        return String.format(Locale.ROOT, "%.2f%% ± %.2f", 100 * s.mean(), 100 * s.sd());
    }

    private void print(PrintWriter o, ExperimentResult r, long dataSeed) {
        o.printf(Locale.ROOT, "%s on %s (split seed %d; %d probe, %d train, %d test samples): unpruned test accuracy "
                        + "%.2f%%, %d parameters, %d MACs; fine-tuning %s%n", r.model(), r.dataset(), dataSeed,
                r.probeSamples(), r.trainSamples(), r.testSamples(), 100 * r.baseline().accuracy(), r.parameters(), r.macs(),
                r.fineTuning().describe());
        if (r.atInit()) {
            o.println("pruned at initialisation: every seed's network re-initialised, pruned untrained, then trained from scratch");
        }
        boolean several = r.seeds() > 1;
        TextTable t = several
                ? new TextTable("METHOD", "SEED", "SETTING", "SPARSITY", "WIDTHS", "PARAMS", "MACS", "ACC BEFORE",
                "ACC AFTER", "COLLAPSED")
                : new TextTable("METHOD", "SETTING", "SPARSITY", "WIDTHS", "PARAMS", "MACS", "ACC BEFORE", "ACC AFTER",
                "COLLAPSED");
        for (MethodResult m : r.results()) {
            List<Object> row = new java.util.ArrayList<>(List.of(m.method(), m.setting(),
                    String.format(Locale.ROOT, "%.1f%%", 100 * m.sparsity()),
                    m.widths().layers().stream().map(w -> Integer.toString(w.after())).collect(Collectors.joining("/")),
                    m.parameters(), m.macs(), String.format(Locale.ROOT, "%.2f%%", 100 * m.beforeFineTuning().accuracy()),
                    String.format(Locale.ROOT, "%.2f%%", 100 * m.afterFineTuning().accuracy()),
                    m.collapsedLayers().isEmpty() ? "-" : String.join(",", m.collapsedLayers())));
            if (several) {
                row.add(1, m.seed());
            }
            t.row(row.toArray());
        }
        t.print(o);
        if (several) {
            o.printf(Locale.ROOT, "%nMean ± standard deviation over %d seeds (%d to %d):%n", r.seeds(), r.seed(),
                    r.seed() + r.seeds() - 1);
            TextTable s = new TextTable("METHOD", "SETTING", "SPARSITY", "ACC BEFORE", "ACC AFTER", "AFTER PER SEED");
            for (SeedSummary m : r.summaries()) {
                s.row(m.method(), m.setting(), spread(m.sparsity()), spread(m.accuracyBefore()), spread(m.accuracyAfter()),
                        m.runs().stream().map(x -> String.format(Locale.ROOT, "%.2f%%", 100 * x.afterFineTuning().accuracy()))
                                .collect(Collectors.joining(" ")));
            }
            s.print(o);
        }
        if (CollapseFrequency.worthShowing(r)) {
            o.printf(Locale.ROOT, "%nLayer collapse (runs that left a layer with at most one unit), per sparsity bin:%n");
            TextTable c = new TextTable("METHOD", "SPARSITY", "RUNS", "COLLAPSED", "SHARE", "LAYERS");
            for (CollapseFrequency.Bin b : CollapseFrequency.of(r).bins()) {
                c.row(b.method(), b.label(), b.runs(), b.collapsed(), String.format(Locale.ROOT, "%.0f%%", 100 * b.share()),
                        b.perLayer().isEmpty() ? "-" : b.perLayer().entrySet().stream()
                                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(",")));
            }
            c.print(o);
        }
        o.printf(Locale.ROOT, "Report: %s (%.1f s)%n", output.folder().resolve(ReportWriter.HTML), r.seconds());
        o.flush();
    }
}
