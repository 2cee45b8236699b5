package dev.infoprune.study;

import dev.infoprune.engine.Evaluation;
import dev.infoprune.prune.PlanSummary;
import dev.infoprune.prune.PruningPlan;

import java.util.List;

/**
 * One method at one setting: its plan, what the plan does to the widths, the pruned network's size, its test
 * accuracy and loss before and after fine-tuning, the information each pruned layer keeps about the next, and
 * the time spent planning and fine-tuning.
 *
 * @param setting        {@code "own"} for a self-sizing method, else the target sparsity, e.g. {@code "0.90"}
 * @param targetSparsity the sparsity asked for, NaN for a self-sizing method
 */
public record MethodResult(String method, String setting, double targetSparsity, PruningPlan plan, PlanSummary widths,
                           long parameters, long macs, Evaluation beforeFineTuning, Evaluation afterFineTuning,
                           List<LayerInformation> information, double planSeconds, double fineTuneSeconds) {
    public MethodResult {
        information = List.copyOf(information);
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
