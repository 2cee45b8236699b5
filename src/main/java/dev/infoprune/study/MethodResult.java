package dev.infoprune.study;

import dev.infoprune.engine.Evaluation;
import dev.infoprune.prune.DecisionTrace;
import dev.infoprune.prune.PlanSummary;
import dev.infoprune.prune.PruningPlan;

import java.util.List;

/**
 * One method at one setting: its plan, what the plan does to the widths, the pruned network's size, its test
 * accuracy and loss before and after fine-tuning, the information each pruned layer keeps about the next, and
 * the time spent planning and fine-tuning.
 *
 * @param setting        {@code "own"} for a self-sizing method, {@code "x=0.8"} for MIPP at one of several confidences,
 *                       else the target sparsity, e.g. {@code "0.90"}
 * @param seed           the seed of the method and of its fine-tuning (the comparison's seed, or a later one of its seeds)
 * @param targetSparsity the sparsity asked for, NaN for a self-sizing method
 * @param trace          the method's trace of decisions (MIPP) when this run made it; null for the others and for
 *                       a result read back from a file
 */
public record MethodResult(String method, String setting, long seed, double targetSparsity, PruningPlan plan, PlanSummary widths,
                           long parameters, long macs, Evaluation beforeFineTuning, Evaluation afterFineTuning,
                           List<LayerInformation> information, double planSeconds, double fineTuneSeconds,
                           DecisionTrace trace) {
    public MethodResult {
        information = List.copyOf(information);
    }

    /** A result without a trace (read back from a file, or of a method that keeps none). */
    public MethodResult(String method, String setting, long seed, double targetSparsity, PruningPlan plan,
                        PlanSummary widths, long parameters, long macs, Evaluation beforeFineTuning,
                        Evaluation afterFineTuning, List<LayerInformation> information, double planSeconds,
                        double fineTuneSeconds) {
        this(method, setting, seed, targetSparsity, plan, widths, parameters, macs, beforeFineTuning, afterFineTuning,
                information, planSeconds, fineTuneSeconds, null);
    }

    /** Equal results are equal with or without the trace, which only a run holds (a results file keeps none). */
    @Override
    public boolean equals(Object o) {
        return o instanceof MethodResult m && withoutTrace().equals(m.withoutTrace());
    }

    @Override
    public int hashCode() {
        return withoutTrace().hashCode();
    }

    private List<Object> withoutTrace() {
        return java.util.Arrays.asList(method, setting, seed, targetSparsity, plan, widths, parameters, macs, beforeFineTuning,
                afterFineTuning, information, planSeconds, fineTuneSeconds);
    }

    /** Share of hidden units the plan removed. */
    public double sparsity() {
        return widths.sparsity();
    }

    /** Layers left with at most one unit (emptied ones included). */
    public List<String> collapsedLayers() {
        return widths.layers().stream().filter(l -> l.after() <= 1).map(PlanSummary.LayerWidth::layer).toList();
    }

    public List<String> emptiedLayers() {
        return widths.emptiedLayers();
    }
}
