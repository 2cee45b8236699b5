package dev.infoprune.study;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.CaptureOptions;
import dev.infoprune.engine.Evaluation;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.Network;
import dev.infoprune.prune.CmiFilterPruning;
import dev.infoprune.prune.IterativeCmiPruning;
import dev.infoprune.prune.Masking;
import dev.infoprune.prune.PlanResult;
import dev.infoprune.prune.PlanSummary;
import dev.infoprune.prune.PruningMethod;
import dev.infoprune.prune.Surgery;
import dev.infoprune.prune.mipp.Mipp;

/**
 * The one path from a trained network to a pruned, fine-tuned and evaluated one, which {@code infoprune prune},
 * the comparisons and the workbench all take: capture the activations a method plans on, plan, cut the network
 * down (surgery), evaluate, fine-tune with the study's {@link FineTuner}, evaluate again.
 *
 * <p>The data splits must already fit the network. A loss-based MIPP run fits its estimator on about 5,000 samples
 * of its own ({@link Mipp#samples}) when {@code ownSamples} is on; every other method plans on the probe split.
 */
public final class PruningPipeline {
    private final Splits data;
    private final FineTuner fineTuner;
    private final long sampleSeed;
    private final boolean ownSamples;

    /**
     * @param sampleSeed seeds the sample choice of a loss-based MIPP run
     * @param ownSamples whether a loss-based MIPP run picks its own samples (else it plans on the probe split)
     */
    public PruningPipeline(Splits data, FineTuner fineTuner, long sampleSeed, boolean ownSamples) {
        this.data = data;
        this.fineTuner = fineTuner;
        this.sampleSeed = sampleSeed;
        this.ownSamples = ownSamples;
    }

    /** What a method planned, on how many samples from where, and how long planning took. */
    public record Planned(PlanResult result, PlanSummary widths, Network retrained, int samples, String samplesFrom,
                          double seconds) {
        /** The network the plan is applied to: the retrained one of an iterative method, else the original cut down. */
        Network prunedFrom(Network original) {
            return retrained != null ? retrained : Surgery.apply(original, result.plan());
        }
    }

    /** The pruned network before and after fine-tuning. {@code afterFineTuning} is null when nothing was trained. */
    public record Outcome(Planned planned, Network pruned, Network tuned, Evaluation afterPruning,
                          Evaluation afterFineTuning, double fineTuneSeconds) {
        /** The last evaluation: after fine-tuning when there was any, else after pruning. */
        public Evaluation last() {
            return afterFineTuning != null ? afterFineTuning : afterPruning;
        }
    }

    /** The probe activations the methods without samples of their own share: conv filters as their spatial means. */
    public Activations captureProbe(Network network, Progress progress) {
        return ActivationCapture.capture(network, data.probe(), progress);
    }

    public Evaluation evaluate(Network network, Progress progress) {
        return Inference.evaluate(network, data.test(), progress);
    }

    /**
     * Plans with {@code method}. {@code shared} (may be null) are probe activations captured once for several
     * methods; a method that needs other ones (MIPP's own samples or filter positions) gets them captured here.
     */
    public Planned plan(Network network, PruningMethod method, Activations shared, Progress progress) {
        PruningMethod m = method.withProbeInputs(data.probe());
        Progress capturing = progress.slice(0, 0.1);
        Activations on;
        String from = "the probe split";
        if (m instanceof Mipp mipp && mipp.lossBased() && ownSamples) {
            Mipp.Samples samples = mipp.samples(network, data.probe(), data.train(), sampleSeed, capturing);
            on = samples.activations();
            from = samples.source();
        } else {
            CaptureOptions capture = m instanceof Mipp mipp ? mipp.captureOptions() : CaptureOptions.spatialMean();
            on = shared != null && capture.equals(CaptureOptions.spatialMean()) ? shared
                    : ActivationCapture.capture(network, data.probe(), capture, capturing);
        }
        Progress planning = progress.slice(0.1, 1);
        long t0 = System.nanoTime();
        PlanResult result;
        Network retrained = null;
        if (m instanceof CmiFilterPruning cmi && cmi.iterativeEpochs() > 0) {
            FineTuner retraining = DjlFineTuner.adam(cmi.iterativeEpochs(), fineTuner.learningRate(), sampleSeed);
            IterativeCmiPruning.Result run = new IterativeCmiPruning(cmi.settings(), data.probe(),
                    (n, p) -> retraining.fineTune(n, data.train(), p)).run(network, planning);
            result = PlanResult.of(run.plan());
            retrained = run.network();
        } else {
            result = m.plan(network, on, planning);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Planned(result, PlanSummary.of(network, result.plan()), retrained, on.samples(), from, seconds);
    }

    /**
     * Cuts the network down to the plan, evaluates it, fine-tunes it and evaluates it again. A network with an
     * emptied layer computes the same output for every input, and the engine cannot build a zero-width layer: such a
     * plan is evaluated on the masked network (same widths, the pruned units' outgoing weights zero), which computes
     * exactly that output, and is not fine-tuned.
     */
    public Outcome finish(Network network, Planned planned, Progress progress) {
        boolean emptied = !planned.widths().emptiedLayers().isEmpty();
        Network pruned = emptied ? Surgery.apply(network, planned.result().plan()) : planned.prunedFrom(network);
        Evaluation afterPruning = evaluate(emptied ? Masking.apply(network, planned.result().plan()) : pruned,
                progress.slice(0, 0.1));
        if (emptied || fineTuner.epochs() == 0) {
            progress.update("evaluated", 1, 1);
            return new Outcome(planned, pruned, pruned, afterPruning, null, 0);
        }
        long t1 = System.nanoTime();
        Network tuned = fineTuner.fineTune(pruned, data.train(), progress.slice(0.1, 0.9));
        double fineTuneSeconds = (System.nanoTime() - t1) / 1e9;
        Evaluation afterFineTuning = evaluate(tuned, progress.slice(0.9, 1));
        return new Outcome(planned, pruned, tuned, afterPruning, afterFineTuning, fineTuneSeconds);
    }
}
