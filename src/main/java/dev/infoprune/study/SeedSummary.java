package dev.infoprune.study;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One method at one setting over every seed of a comparison: the runs (in seed order) and the mean and sample
 * standard deviation of their test accuracy before and after fine-tuning and of the sparsity they reached.
 *
 * @param setting the runs' setting; in a matched comparison a sparsity-taking method's runs match each seed's own
 *                reference sparsity, so their settings differ and this says {@link #MATCHED}
 */
public record SeedSummary(String method, String setting, List<MethodResult> runs) {
    public static final String MATCHED = "matched";

    public SeedSummary {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a summary needs at least one run");
        }
    }

    /** A mean and a sample standard deviation (0 for one value). */
    public record Spread(double mean, double sd) {
        static Spread of(List<MethodResult> runs, ToDoubleFunction<MethodResult> value) {
            double[] v = runs.stream().mapToDouble(value).toArray();
            double mean = 0;
            for (double x : v) {
                mean += x / v.length;
            }
            double squares = 0;
            for (double x : v) {
                squares += (x - mean) * (x - mean);
            }
            return new Spread(mean, v.length < 2 ? 0 : Math.sqrt(squares / (v.length - 1)));
        }
    }

    public Spread accuracyBefore() {
        return Spread.of(runs, r -> r.beforeFineTuning().accuracy());
    }

    public Spread accuracyAfter() {
        return Spread.of(runs, r -> r.afterFineTuning().accuracy());
    }

    public Spread sparsity() {
        return Spread.of(runs, MethodResult::sparsity);
    }
}
