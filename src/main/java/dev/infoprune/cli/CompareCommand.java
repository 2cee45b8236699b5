package dev.infoprune.cli;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.IoMessages;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Splits;
import dev.infoprune.model.ModelLocator;
import dev.infoprune.model.Network;
import dev.infoprune.prune.CmiFilterPruning;
import dev.infoprune.prune.MethodSettings;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.study.DjlFineTuner;
import dev.infoprune.study.Experiment;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.ExperimentSpec;
import dev.infoprune.study.MethodResult;
import dev.infoprune.study.ReportWriter;
import dev.infoprune.study.StudyMethods;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/** {@code infoprune compare MODEL --data DS --methods ... --out DIR}: pruning methods side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Prune one model with several methods on the same probe split, fine-tune each pruned network "
                + "with the same budget and seed, and write report.html, results.csv, results.json and charts.",
                "Without --sparsity or --sweep, the self-sizing method (mipp, else cmi) runs first and the others run "
                        + "at the sparsity it reached. Sparsity = share of hidden units removed."})
final class CompareCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model folder, an .onnx file or a bundled sample name.")
    String model;

    @Option(names = "--data", required = true, paramLabel = "DS", description = "A bundled data set, a CSV file or an IDX folder.")
    String data;

    @Option(names = "--methods", required = true, split = ",", paramLabel = "M",
            description = "Comma-separated: mipp, global-topk, local-magnitude, cmi, itpruner, random.")
    List<String> methods;

    @Option(names = "--sparsity", paramLabel = "S", description = "Run the sparsity-taking methods at this sparsity.")
    Double sparsity;

    @Option(names = "--sweep", split = ",", paramLabel = "S", description = "Run them at each of these sparsities, e.g. 0.5,0.8,0.95.")
    double[] sweep;

    @Option(names = "--finetune-epochs", defaultValue = "3", paramLabel = "N", description = "Fine-tuning epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "1e-3", paramLabel = "R", description = "Fine-tuning learning rate, Adam (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the methods, sample subsets and fine-tuning (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--split-seed", paramLabel = "S", description = "Seed of the train/probe/test split (default: the seed in "
            + "the model's card, so the test split is the one the model never trained on; else --seed).")
    Long splitSeed;

    @Option(names = "--probe-samples", paramLabel = "N", description = "Use at most N probe samples (seeded subset).")
    Integer probeSamples;

    @Option(names = "--train-samples", paramLabel = "N", description = "Fine-tune on at most N training samples (seeded subset).")
    Integer trainSamples;

    @Option(names = "--option", paramLabel = "M.K=V", description = "A method option, e.g. mipp.confidence=0.9 (repeatable).")
    List<String> methodOptions = List.of();

    @Option(names = "--cmi-cutoff", defaultValue = "fraction", paramLabel = "C", description = "cmi cutoff: fraction, knee, scree or xmeans (default ${DEFAULT-VALUE}).")
    String cmiCutoff;

    @Option(names = "--cmi-fraction", defaultValue = "0.95", paramLabel = "F", description = "cmi: information share to keep (default ${DEFAULT-VALUE}).")
    double cmiFraction;

    @Option(names = "--cmi-direction", defaultValue = "forward", paramLabel = "D", description = "cmi: forward, bidirectional, backward or independent (default ${DEFAULT-VALUE}).")
    String cmiDirection;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for report.html, results.csv, results.json and charts.")
    Path out;

    @Option(names = "--overwrite", description = "Replace DIR when it exists and is not empty.")
    boolean overwrite;

    @Option(names = "--json", description = "Print results.json's document on stdout.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        if (sparsity != null && sweep != null) {
            throw new BadInputException("--sparsity", "give either --sparsity or --sweep, not both");
        }
        if (epochs < 0) {
            throw new BadInputException("--finetune-epochs", "must not be negative, got " + epochs);
        }
        checkOutput();
        Network network = ModelLocator.resolve(model);
        long dataSeed = splitSeed != null ? splitSeed : network.card().seed() != null ? network.card().seed() : seed;
        Splits splits = limit(DatasetLocator.resolve(data, dataSeed));
        StudyMethods catalog = new StudyMethods(MethodOptions.perMethod(methodOptions,
                Map.of(CmiFilterPruning.NAME, cmiSettings())));
        ExperimentSpec experiment = sparsity != null
                ? ExperimentSpec.at(network, splits, methods, sparsity, seed)
                : sweep != null ? ExperimentSpec.sweep(network, splits, methods, sweep, seed)
                : ExperimentSpec.matching(network, splits, methods, seed);
        experiment = experiment.withOrigin(data, dataSeed);
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        ExperimentResult result = new Experiment(experiment, catalog, DjlFineTuner.adam(epochs, learningRate, seed))
                .run(progress);
        try {
            ReportWriter.writeFolder(result, out);
        } catch (IOException e) {
            throw new BadInputException(out, "cannot write the report: " + IoMessages.describe(e), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(o, ReportWriter.json(result));
            return;
        }
        print(o, result, dataSeed);
    }

    /** Refused before any work: a file at DIR, or a folder with something in it unless --overwrite. */
    private void checkOutput() {
        Recovery.recover(out);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException(out, "is a file; --out needs a folder");
        }
        if (Files.isDirectory(out) && !overwrite) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException(out, "exists and is not empty (give --overwrite to replace it)");
                }
            } catch (IOException e) {
                throw new BadInputException(out, "cannot be read: " + IoMessages.describe(e), e);
            }
        }
    }

    private Splits limit(Splits s) {
        Dataset probe = probeSamples == null ? s.probe() : sample(s.probe(), probeSamples, "--probe-samples");
        Dataset train = trainSamples == null ? s.train() : sample(s.train(), trainSamples, "--train-samples");
        return new Splits(train, probe, s.test());
    }

    private Dataset sample(Dataset d, int n, String option) {
        if (n < 10) {
            throw new BadInputException(option, "needs at least 10 samples, got " + n);
        }
        if (n >= d.size()) {
            return d;
        }
        int[] idx = java.util.stream.IntStream.range(0, d.size()).toArray();
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            int j = i + r.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = Arrays.copyOf(idx, n);
        Arrays.sort(chosen);
        return d.subset(chosen);
    }

    /** The --cmi-* choices as CMI's settings; --option cmi.KEY=V goes on top of them. */
    private MethodSettings cmiSettings() {
        MethodSettings s = PruningMethods.CMI_FILTERS.defaults();
        for (String key : new String[] {"cutoff", "fraction", "direction", "alpha", "samples", "width-scale"}) {
            s = s.withText(key, s.text(PruningMethods.CMI_FILTERS.setting(key).orElseThrow()));
        }
        try {
            return s.withText("cutoff", cmiCutoff).withText("direction", cmiDirection).withText("fraction", Double.toString(cmiFraction));
        } catch (BadInputException e) {
            throw new BadInputException("--cmi-*", e.problem().contains("must be one of")
                    ? "cutoff is fraction, knee, scree or xmeans, direction forward, bidirectional, backward or independent"
                    : e.problem(), e);
        }
    }

    private void print(PrintWriter o, ExperimentResult r, long dataSeed) {
        o.printf(Locale.ROOT, "%s on %s (split seed %d; %d probe, %d train, %d test samples): unpruned test accuracy "
                        + "%.2f%%, %d parameters, %d MACs; fine-tuning %d epochs%n", r.model(), r.dataset(), dataSeed,
                r.probeSamples(), r.trainSamples(), r.testSamples(), 100 * r.baseline().accuracy(), r.parameters(), r.macs(),
                r.fineTuneEpochs());
        TextTable t = new TextTable("METHOD", "SETTING", "SPARSITY", "WIDTHS", "PARAMS", "MACS", "ACC BEFORE", "ACC AFTER",
                "COLLAPSED");
        for (MethodResult m : r.results()) {
            t.row(m.method(), m.setting(), String.format(Locale.ROOT, "%.1f%%", 100 * m.sparsity()),
                    m.widths().layers().stream().map(w -> Integer.toString(w.after())).collect(Collectors.joining("/")),
                    m.parameters(), m.macs(), String.format(Locale.ROOT, "%.2f%%", 100 * m.beforeFineTuning().accuracy()),
                    String.format(Locale.ROOT, "%.2f%%", 100 * m.afterFineTuning().accuracy()),
                    m.collapsedLayers().isEmpty() ? "-" : String.join(",", m.collapsedLayers()));
        }
        t.print(o);
        o.printf(Locale.ROOT, "Report: %s (%.1f s)%n", out.resolve(ReportWriter.HTML), r.seconds());
        o.flush();
    }
}
