package dev.infoprune.study;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.Evaluation;
import dev.infoprune.engine.Reinitialisation;
import dev.infoprune.model.Network;
import dev.infoprune.prune.PruningMethod;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.mipp.Mipp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs a comparison (self-sizing methods once at their own setting, reference first; then every method that
 * takes a sparsity at each sparsity of the spec): captures the unpruned network's activations on the probe split once, evaluates it on the
 * test split, then for every method and setting plans, cuts the network down, evaluates it, fine-tunes it
 * (the same {@link FineTuner} — epochs, learning rate, seed — for every method) and evaluates it again.
 * Controls ({@link WidthControl}, e.g. {@code random@mipp}) run after the others of each seed, at that seed's MIPP
 * widths. With several MIPP confidences in the spec, MIPP runs once per confidence (setting {@code x=0.8}).
 * With several seeds the whole comparison runs once per seed (method and fine-tuning seed {@code seed + k}) on the
 * same splits, probe activations and baseline. Reports progress over the whole run and stops between steps when
 * cancelled.
 */
public final class Experiment {
    public static final String OWN = "own";
    private static final String CONFIDENCE = "x=";

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
            if (WidthControl.parse(m).isEmpty()) {
                catalog.create(m, catalog.sizesItself(m) ? Double.NaN : 0.5, spec.seed());
            }
        }
        if (!controls().isEmpty() && !(spec.methods().contains(Mipp.NAME) && catalog.sizesItself(Mipp.NAME))) {
            throw new BadInputException("--methods", String.join(", ", controls().stream().map(WidthControl::name).toList())
                    + " keep MIPP's per-layer widths, so mipp must be among the methods");
        }
        double[] confidences = spec.mippConfidences();
        if (confidences.length > 0) {
            if (!(spec.methods().contains(Mipp.NAME) && catalog.sizesItself(Mipp.NAME))) {
                throw new BadInputException("--mipp-confidences", "the confidences are MIPP's, so mipp must be among the methods");
            }
            if (confidences.length > 1 && !controls().isEmpty()) {
                throw new BadInputException("--mipp-confidences", "the controls keep the widths of one MIPP run; give one confidence");
            }
            for (double x : confidences) {
                try {
                    catalog.withConfidence(Mipp.NAME, x).create(Mipp.NAME, Double.NaN, spec.seed());
                } catch (BadInputException e) {
                    throw new BadInputException("--mipp-confidences", e.problem(), e);
                }
            }
        }
        if (spec.mode() == ExperimentSpec.Mode.MATCH && reference() == null) {
            throw new BadInputException("--methods", "matching the sparsity needs a method that sizes itself (mipp or cmi); "
                    + "otherwise give --sparsity or --sweep");
        }
    }

    /** Whether a run at {@code setting} sized itself: {@code own}, or MIPP at one of several confidences. */
    public static boolean sizedItself(String setting) {
        return OWN.equals(setting) || setting.startsWith(CONFIDENCE);
    }

    /** The setting of MIPP's run at confidence {@code x}, e.g. {@code x=0.8}. */
    static String confidenceSetting(double x) {
        return CONFIDENCE + java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }

    private List<WidthControl> controls() {
        return spec.methods().stream().map(WidthControl::parse).flatMap(java.util.Optional::stream).toList();
    }

    private List<String> catalogued() {
        return spec.methods().stream().filter(m -> !WidthControl.isControl(m)).toList();
    }

    /** The self-sizing method whose sparsity the others match: MIPP when listed, else the first one. */
    private String reference() {
        if (spec.methods().contains("mipp") && catalog.sizesItself("mipp")) {
            return "mipp";
        }
        return catalogued().stream().filter(catalog::sizesItself).findFirst().orElse(null);
    }

    public ExperimentResult run(Progress progress) {
        long start = System.nanoTime();
        Network model = spec.model();
        List<String> selfSizing = catalogued().stream().filter(catalog::sizesItself).toList();
        List<String> sized = catalogued().stream().filter(catalog::takesSparsity).toList();
        List<WidthControl> controls = controls();
        int settings = spec.mode() == ExperimentSpec.Mode.MATCH ? 1 : spec.sparsities().length;
        double[] confidences = spec.mippConfidences();
        int mippRuns = selfSizing.contains(Mipp.NAME) ? Math.max(1, confidences.length) : 0;
        int jobs = (selfSizing.size() - Math.min(1, mippRuns) + mippRuns + sized.size() * settings + controls.size()) * spec.seeds();
        double prep = 0.05;
        progress.update("capturing probe activations", 0, 1);
        Activations probe = pipeline.captureProbe(model, progress.slice(0, prep * 0.6));
        Evaluation baseline = pipeline.evaluate(model, progress.slice(prep * 0.6, prep * 0.8));
        Dataset heldOut = InformationPreserved.heldOut(spec.data().test(), spec.seed());
        InformationPreserved information = new InformationPreserved(ActivationCapture.capture(model, heldOut, Progress.NONE));
        progress.checkCancelled();
        List<MethodResult> results = new ArrayList<>();
        int done = 0;
        List<String> ordered = new ArrayList<>(selfSizing);
        String ref = reference();
        if (ref != null) {
            ordered.remove(ref);
            ordered.add(0, ref);
        }
        for (int k = 0; k < spec.seeds(); k++) {
            long seed = spec.seed() + k;
            PruningPipeline seeded = k == 0 ? pipeline : new PruningPipeline(spec.data(), fineTuner.withSeed(seed), seed, true);
            Run run;
            if (spec.atInit()) {
                // pruning at initialisation: this seed's untrained network, its own probe activations
                Network fresh = Reinitialisation.of(model, seed);
                Activations freshProbe = seeded.captureProbe(fresh, progress.slice(prep * 0.8, prep));
                run = new Run(seed, fresh, seeded, freshProbe,
                        new InformationPreserved(ActivationCapture.capture(fresh, heldOut, Progress.NONE)));
            } else {
                run = new Run(seed, model, seeded, probe, information);
            }
            List<MethodResult> own = new ArrayList<>();
            for (String m : ordered) {
                if (m.equals(Mipp.NAME) && confidences.length > 0) {
                    for (double x : confidences) {
                        own.add(run.one(m, catalog.withConfidence(m, x).create(m, Double.NaN, seed), Double.NaN,
                                confidenceSetting(x), slice(progress, prep, done++, jobs)));
                    }
                } else {
                    own.add(run.one(m, Double.NaN, slice(progress, prep, done++, jobs)));
                }
            }
            results.addAll(own);
            double[] sparsities = spec.mode() == ExperimentSpec.Mode.MATCH
                    ? new double[] {own.get(0).sparsity()} : spec.sparsities();
            for (double s : sparsities) {
                for (String m : sized) {
                    results.add(run.one(m, s, slice(progress, prep, done++, jobs)));
                }
            }
            if (!controls.isEmpty()) {
                MethodResult mipp = own.stream().filter(r -> r.method().equals(Mipp.NAME)).findFirst().orElseThrow();
                // matched: at MIPP's sparsity like the other methods; else beside MIPP's own setting
                double at = spec.mode() == ExperimentSpec.Mode.MATCH ? mipp.sparsity() : Double.NaN;
                for (WidthControl c : controls) {
                    results.add(run.one(c.name(), c.at(mipp.plan(), seed), at, slice(progress, prep, done++, jobs)));
                }
            }
        }
        progress.update("comparison done", 1, 1);
        var data = spec.data();
        return new ExperimentResult(model.name(), data.test().name(), spec.mode(), model.prunableLayerNames(),
                model.prunableLayerNames().stream().mapToInt(l -> model.layer(model.indexOf(l)).units()).toArray(),
                model.parameterCount(), model.macs(), baseline, data.probe().size(), data.train().size(),
                data.test().size(), fineTuner.budget(), spec.seed(), spec.seeds(), spec.atInit(), spec.origin(), results,
                (System.nanoTime() - start) / 1e9);
    }

    private static Progress slice(Progress p, double prep, int job, int jobs) {
        double width = (1 - prep) / Math.max(1, jobs);
        return p.slice(prep + job * width, prep + (job + 1) * width);
    }

    /**
     * The runs of one seed: its methods' seed, its fine-tuning seed, the network pruned (the trained one, or this
     * seed's re-initialised one) and its probe activations.
     */
    private final class Run {
        private final long seed;
        private final Network network;
        private final PruningPipeline pipeline;
        private final Activations probe;
        private final InformationPreserved information;

        Run(long seed, Network network, PruningPipeline pipeline, Activations probe, InformationPreserved information) {
            this.seed = seed;
            this.network = network;
            this.pipeline = pipeline;
            this.probe = probe;
            this.information = information;
        }

        MethodResult one(String name, double sparsity, Progress progress) {
            progress.checkCancelled();
            return one(name, catalog.create(name, sparsity, seed), sparsity, progress);
        }

        MethodResult one(String name, PruningMethod method, double sparsity, Progress progress) {
            return one(name, method, sparsity, Double.isNaN(sparsity) ? OWN : String.format(Locale.ROOT, "%.4f", sparsity),
                    progress);
        }

        MethodResult one(String name, PruningMethod method, double sparsity, String setting, Progress progress) {
            progress.checkCancelled();
            String label = name + (Double.isNaN(sparsity) ? (OWN.equals(setting) ? "" : " at " + setting)
                    : " at sparsity " + setting)
                    + (spec.seeds() > 1 ? ", seed " + seed : "");
            PruningPipeline.Planned planned = pipeline.plan(network, method, probe, progress.slice(0, 0.4));
            progress.update("evaluating " + label, 0, 1);
            PruningPipeline.Outcome outcome = pipeline.finish(network, planned, progress.slice(0.4, 0.99));
            PruningPlan plan = planned.result().plan();
            List<LayerInformation> info = information.of(plan);
            progress.update(label + " done", 1, 1);
            return new MethodResult(name, setting, seed, sparsity, plan, planned.widths(),
                    outcome.pruned().parameterCount(), outcome.pruned().macs(), outcome.afterPruning(), outcome.last(),
                    info, planned.seconds(), outcome.fineTuneSeconds(), planned.result().trace());
        }
    }
}
