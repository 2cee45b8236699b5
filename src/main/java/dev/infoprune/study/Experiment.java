package dev.infoprune.study;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.Evaluation;
import dev.infoprune.model.Network;
import dev.infoprune.prune.PruningMethod;
import dev.infoprune.prune.PruningPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a comparison (self-sizing methods once at their own setting, reference first; then every method that
 * takes a sparsity at each sparsity of the spec): captures the unpruned network's activations on the probe split once, evaluates it on the
 * test split, then for every method and setting plans, cuts the network down, evaluates it, fine-tunes it
 * (the same {@link FineTuner} — epochs, learning rate, seed — for every method) and evaluates it again.
 * Reports progress over the whole run and stops between steps when cancelled.
 */
public final class Experiment {
    public static final String OWN = "own";

    private final ExperimentSpec spec;
    private final MethodCatalog catalog;
    private final FineTuner fineTuner;
    private final PruningPipeline pipeline;

    public Experiment(ExperimentSpec spec, MethodCatalog catalog, FineTuner fineTuner) {
        this.spec = spec;
        this.catalog = catalog;
        this.fineTuner = fineTuner;
        this.pipeline = new PruningPipeline(spec.data(), fineTuner, spec.seed(), true);
        for (String m : spec.methods()) {
            catalog.create(m, catalog.sizesItself(m) ? Double.NaN : 0.5, spec.seed());
        }
        if (spec.mode() == ExperimentSpec.Mode.MATCH && reference() == null) {
            throw new BadInputException("--methods", "matching the sparsity needs a method that sizes itself (mipp or cmi); "
                    + "otherwise give --sparsity or --sweep");
        }
    }

    /** The self-sizing method whose sparsity the others match: MIPP when listed, else the first one. */
    private String reference() {
        if (spec.methods().contains("mipp") && catalog.sizesItself("mipp")) {
            return "mipp";
        }
        return spec.methods().stream().filter(catalog::sizesItself).findFirst().orElse(null);
    }

    public ExperimentResult run(Progress progress) {
        long start = System.nanoTime();
        Network model = spec.model();
        List<String> selfSizing = spec.methods().stream().filter(catalog::sizesItself).toList();
        List<String> sized = spec.methods().stream().filter(catalog::takesSparsity).toList();
        int settings = spec.mode() == ExperimentSpec.Mode.MATCH ? 1 : spec.sparsities().length;
        int jobs = selfSizing.size() + sized.size() * settings;
        double prep = 0.05;
        progress.update("capturing probe activations", 0, 1);
        Activations probe = pipeline.captureProbe(model, progress.slice(0, prep * 0.6));
        Evaluation baseline = pipeline.evaluate(model, progress.slice(prep * 0.6, prep * 0.8));
        InformationPreserved information = new InformationPreserved(probe);
        progress.checkCancelled();
        List<MethodResult> results = new ArrayList<>();
        int done = 0;
        List<String> ordered = new ArrayList<>(selfSizing);
        String ref = reference();
        if (ref != null) {
            ordered.remove(ref);
            ordered.add(0, ref);
        }
        for (String m : ordered) {
            results.add(runOne(m, Double.NaN, probe, information, slice(progress, prep, done++, jobs)));
        }
        double[] sparsities = spec.mode() == ExperimentSpec.Mode.MATCH
                ? new double[] {results.get(0).sparsity()} : spec.sparsities();
        for (double s : sparsities) {
            for (String m : sized) {
                results.add(runOne(m, s, probe, information, slice(progress, prep, done++, jobs)));
            }
        }
        progress.update("comparison done", 1, 1);
        var data = spec.data();
        return new ExperimentResult(model.name(), data.test().name(), spec.mode(), model.prunableLayerNames(),
                model.prunableLayerNames().stream().mapToInt(l -> model.layer(model.indexOf(l)).units()).toArray(),
                model.parameterCount(), model.macs(), baseline, data.probe().size(), data.train().size(),
                data.test().size(), fineTuner.epochs(), fineTuner.learningRate(), spec.seed(), spec.origin(), results,
                (System.nanoTime() - start) / 1e9);
    }

    private static Progress slice(Progress p, double prep, int job, int jobs) {
        double width = (1 - prep) / Math.max(1, jobs);
        return p.slice(prep + job * width, prep + (job + 1) * width);
    }

    private MethodResult runOne(String name, double sparsity, Activations probe, InformationPreserved information,
                                Progress progress) {
        progress.checkCancelled();
        String setting = Double.isNaN(sparsity) ? OWN : String.format(Locale.ROOT, "%.4f", sparsity);
        String label = name + (Double.isNaN(sparsity) ? "" : " at sparsity " + setting);
        PruningMethod method = catalog.create(name, sparsity, spec.seed());
        PruningPipeline.Planned planned = pipeline.plan(spec.model(), method, probe, progress.slice(0, 0.4));
        progress.update("evaluating " + label, 0, 1);
        PruningPipeline.Outcome outcome = pipeline.finish(spec.model(), planned, progress.slice(0.4, 0.99));
        PruningPlan plan = planned.result().plan();
        List<LayerInformation> info = information.of(plan);
        progress.update(label + " done", 1, 1);
        return new MethodResult(name, setting, sparsity, plan, planned.widths(), outcome.pruned().parameterCount(),
                outcome.pruned().macs(), outcome.afterPruning(), outcome.last(), info, planned.seconds(),
                outcome.fineTuneSeconds(), planned.result().trace());
    }
}
