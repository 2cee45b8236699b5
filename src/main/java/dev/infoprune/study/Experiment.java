package dev.infoprune.study;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.Evaluation;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.Network;
import dev.infoprune.prune.Masking;
import dev.infoprune.prune.PlanSummary;
import dev.infoprune.prune.PruningMethod;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.Surgery;

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

    public Experiment(ExperimentSpec spec, MethodCatalog catalog, FineTuner fineTuner) {
        this.spec = spec;
        this.catalog = catalog;
        this.fineTuner = fineTuner;
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
        Activations probe = ActivationCapture.capture(model, spec.data().probe(), progress.slice(0, prep * 0.6));
        Evaluation baseline = Inference.evaluate(model, spec.data().test(), progress.slice(prep * 0.6, prep * 0.8));
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
            results.add(runOne(m, Double.NaN, probe, baseline, information, slice(progress, prep, done++, jobs)));
        }
        double[] sparsities = spec.mode() == ExperimentSpec.Mode.MATCH
                ? new double[] {results.get(0).sparsity()} : spec.sparsities();
        for (double s : sparsities) {
            for (String m : sized) {
                results.add(runOne(m, s, probe, baseline, information, slice(progress, prep, done++, jobs)));
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

    private MethodResult runOne(String name, double sparsity, Activations probe, Evaluation baseline,
                                InformationPreserved information, Progress progress) {
        progress.checkCancelled();
        String setting = Double.isNaN(sparsity) ? OWN : String.format(Locale.ROOT, "%.4f", sparsity);
        String label = name + (Double.isNaN(sparsity) ? "" : " at sparsity " + setting);
        PruningMethod method = catalog.create(name, sparsity, spec.seed()).withProbeInputs(spec.data().probe());
        Activations planOn = PlanInputs.of(method, spec.model(), spec.data(), spec.seed(), probe, progress.slice(0, 0.05));
        long t0 = System.nanoTime();
        PruningPlan plan = method.plan(spec.model(), planOn, progress.slice(0.05, 0.4));
        double planSeconds = (System.nanoTime() - t0) / 1e9;
        PlanSummary widths = PlanSummary.of(spec.model(), plan);
        Network pruned = Surgery.apply(spec.model(), plan);
        progress.update("evaluating " + label, 0, 1);
        Evaluation before = evaluate(widths.emptiedLayers().isEmpty() ? pruned : Masking.apply(spec.model(), plan),
                progress.slice(0.4, 0.45));
        long t1 = System.nanoTime();
        Network tuned = widths.emptiedLayers().isEmpty()
                ? fineTuner.fineTune(pruned, spec.data().train(), progress.slice(0.45, 0.95)) : pruned;
        double fineTuneSeconds = (System.nanoTime() - t1) / 1e9;
        Evaluation after = widths.emptiedLayers().isEmpty() ? evaluate(tuned, progress.slice(0.95, 0.99)) : before;
        List<LayerInformation> info = information.of(plan);
        progress.update(label + " done", 1, 1);
        return new MethodResult(name, setting, sparsity, plan, widths, pruned.parameterCount(), pruned.macs(), before,
                after, info, planSeconds, fineTuneSeconds);
    }

    /**
     * A network with an emptied layer computes the same output for every input (the layers after it see only
     * their biases). The engine cannot build a zero-width layer, so such a plan is evaluated on the masked
     * network (same widths, the pruned units' outgoing weights zero), which computes exactly that output.
     */
    private Evaluation evaluate(Network network, Progress progress) {
        return Inference.evaluate(network, spec.data().test(), progress);
    }
}
