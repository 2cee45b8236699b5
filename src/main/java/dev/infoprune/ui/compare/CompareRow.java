package dev.infoprune.ui.compare;

import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.MethodResult;
import dev.infoprune.study.SeedSummary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of the comparison table, as text: the unpruned network first (no result behind it), then every
 * method at every setting in the order run. {@code collapsed} names the layers left with at most one unit. With
 * several seeds a row stands for a method at a setting over all seeds: sparsity and accuracies are mean ± sd, the
 * other columns (and the result behind the row) the first seed's.
 */
public record CompareRow(MethodResult result, String method, String setting, String sparsity, String kept,
                         String parameters, String macs, String flops, String accuracyBefore, String accuracyAfter,
                         String information, String collapsed) {

    public boolean isCollapsed() {
        return !collapsed.isEmpty();
    }

    public static List<CompareRow> of(ExperimentResult r) {
        List<CompareRow> rows = new ArrayList<>();
        String widths = Arrays.stream(r.hiddenWidths()).mapToObj(Integer::toString).collect(Collectors.joining("/"));
        rows.add(new CompareRow(null, "unpruned", "—", "0%", widths, CompareTexts.count(r.parameters()),
                CompareTexts.count(r.macs()), CompareTexts.count(2 * r.macs()), CompareTexts.accuracy(r.baseline()), CompareTexts.accuracy(r.baseline()),
                "all", ""));
        if (r.seeds() > 1) {
            for (SeedSummary s : r.summaries()) {
                MethodResult m = s.runs().get(0);
                rows.add(new CompareRow(m, m.method(), CompareTexts.setting(m), CompareTexts.spread(s.sparsity()),
                        CompareTexts.keptCounts(m), CompareTexts.count(m.parameters()), CompareTexts.count(m.macs()),
                        CompareTexts.count(2 * m.macs()), CompareTexts.spread(s.accuracyBefore()),
                        CompareTexts.spread(s.accuracyAfter()), CompareTexts.information(m), CompareTexts.collapsed(m)));
            }
            return rows;
        }
        for (MethodResult m : r.results()) {
            rows.add(new CompareRow(m, m.method(), CompareTexts.setting(m), CompareTexts.percent(m.sparsity()),
                    CompareTexts.keptCounts(m), CompareTexts.count(m.parameters()), CompareTexts.count(m.macs()),
                    CompareTexts.count(2 * m.macs()), CompareTexts.accuracy(m.beforeFineTuning()),
                    CompareTexts.accuracy(m.afterFineTuning()), CompareTexts.information(m), CompareTexts.collapsed(m)));
        }
        return rows;
    }
}
