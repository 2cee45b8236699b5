package dev.infoprune.ui.compare;

import dev.infoprune.engine.Evaluation;
import dev.infoprune.study.Experiment;
import dev.infoprune.study.LayerInformation;
import dev.infoprune.study.MethodResult;
import dev.infoprune.study.SeedSummary;

import java.util.Locale;
import java.util.stream.Collectors;

/** How comparison numbers read in the table, the drawings' captions and the status line. */
final class CompareTexts {
    private CompareTexts() {
    }

    /** "mipp (own sparsity)", "mipp (x=0.8)" or "global-topk at 70.0%". */
    static String label(MethodResult r) {
        return r.method() + (Experiment.OWN.equals(r.setting()) ? " (own sparsity)"
                : Experiment.sizedItself(r.setting()) ? " (" + r.setting() + ")" : " at " + percent(r.targetSparsity()));
    }

    static String setting(MethodResult r) {
        return Experiment.OWN.equals(r.setting()) ? "own"
                : Experiment.sizedItself(r.setting()) ? r.setting() : percent(r.targetSparsity());
    }

    /** Kept units per hidden layer, e.g. "fc1 12/64 · fc2 9/32". */
    static String widths(MethodResult r) {
        return r.widths().layers().stream().map(w -> w.layer() + " " + w.after() + "/" + w.before())
                .collect(Collectors.joining(" · "));
    }

    /** Just the kept counts, e.g. "12 / 9". */
    static String keptCounts(MethodResult r) {
        return r.widths().layers().stream().map(w -> Integer.toString(w.after())).collect(Collectors.joining("/"));
    }

    static String percent(double share) {
        return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** "93.1% ± 0.8" (points) for a mean and standard deviation over seeds. */
    static String spread(SeedSummary.Spread s) {
        return percent(s.mean()) + String.format(Locale.ROOT, " ± %.1f", 100 * s.sd());
    }

    static String accuracy(Evaluation e) {
        return e == null ? "—" : percent(e.accuracy());
    }

    /** 1234 -> "1,234"; large counts in k / M. */
    static String count(long n) {
        if (n >= 10_000_000) {
            return String.format(Locale.ROOT, "%.1f M", n / 1e6);
        }
        if (n >= 100_000) {
            return String.format(Locale.ROOT, "%.0f k", n / 1e3);
        }
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** Information each hidden layer keeps about the next, e.g. "fc1 93% · fc2 81%". */
    static String information(MethodResult r) {
        return r.information().stream().map(CompareTexts::information).collect(Collectors.joining(" · "));
    }

    private static String information(LayerInformation li) {
        double ratio = li.ratio();
        return li.layer() + " " + (Double.isNaN(ratio) ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * ratio));
    }

    /** The layers left with one unit or none, e.g. "fc2, fc3 (emptied)"; "" when none collapsed. */
    static String collapsed(MethodResult r) {
        return r.widths().layers().stream().filter(w -> w.after() <= 1)
                .map(w -> w.layer() + (w.after() == 0 ? " (emptied)" : "")).collect(Collectors.joining(", "));
    }
}
