package dev.infoprune.ui.compare;

import dev.infoprune.prune.PlanSummary;
import dev.infoprune.study.CollapseFrequency;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.MethodResult;
import dev.infoprune.study.SeedSummary;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compare view's charts: kept units per layer as grouped bars, test accuracy against sparsity (with several
 * seeds their mean with error bars), and how often each method collapses a layer per sparsity bin.
 */
final class CompareCharts {
    static final Color COLLAPSED = new Color(0xc9, 0x2a, 0x2a);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private CompareCharts() {
    }

    /**
     * Grouped bars of kept units per hidden layer: the unpruned widths, then one bar per shown result. Layers a
     * result collapsed are named in a red subtitle.
     */
    static JFreeChart widths(ExperimentResult result, List<MethodResult> shown) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> layers = result.hiddenLayers();
        int[] full = result.hiddenWidths();
        for (int i = 0; i < layers.size(); i++) {
            data.addValue(full[i], MethodColors.UNPRUNED, layers.get(i));
        }
        List<String> collapsed = new ArrayList<>();
        List<String> seriesMethods = new ArrayList<>(List.of(MethodColors.UNPRUNED));
        for (MethodResult m : shown) {
            String name = seriesName(m, shown);
            seriesMethods.add(m.method());
            for (PlanSummary.LayerWidth w : m.widths().layers()) {
                data.addValue(w.after(), name, w.layer());
            }
            if (!m.collapsedLayers().isEmpty()) {
                collapsed.add(name + ": " + String.join(", ", m.collapsedLayers()));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart("Kept units per layer", null, "units kept", data,
                PlotOrientation.VERTICAL, true, true, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setCategoryLabelPositions(layers.size() > 6 ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.04);
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (int s = 0; s < seriesMethods.size(); s++) {
            int again = seen.merge(seriesMethods.get(s), 1, Integer::sum) - 1;
            bars.setSeriesPaint(s, lighter(MethodColors.awt(seriesMethods.get(s)), again));
        }
        if (!collapsed.isEmpty()) {
            TextTitle t = new TextTitle("Collapsed (≤ 1 unit left): " + String.join("; ", collapsed), SUBTITLE);
            t.setPaint(COLLAPSED);
            chart.addSubtitle(t);
        }
        return chart;
    }

    /**
     * Test accuracy after fine-tuning against the sparsity each result reached, one line per method, the
     * unpruned network at sparsity 0; the accuracy straight after pruning as hollow points of the same colour.
     */
    static JFreeChart accuracy(ExperimentResult result) {
        if (result.seeds() > 1) {
            return accuracyOverSeeds(result);
        }
        Map<String, List<MethodResult>> byMethod = new LinkedHashMap<>();
        for (MethodResult m : result.results()) {
            byMethod.computeIfAbsent(m.method(), k -> new ArrayList<>()).add(m);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries unpruned = new XYSeries("unpruned", false, true);
        unpruned.add(0, 100 * result.baseline().accuracy());
        data.addSeries(unpruned);
        List<String> methods = new ArrayList<>(List.of(MethodColors.UNPRUNED));
        for (Map.Entry<String, List<MethodResult>> e : byMethod.entrySet()) {
            XYSeries after = new XYSeries(e.getKey(), false, true);
            e.getValue().stream().sorted(Comparator.comparingDouble(MethodResult::sparsity))
                    .forEach(m -> after.add(100 * m.sparsity(), 100 * m.afterFineTuning().accuracy()));
            data.addSeries(after);
            methods.add(e.getKey());
        }
        for (Map.Entry<String, List<MethodResult>> e : byMethod.entrySet()) {
            XYSeries before = new XYSeries(e.getKey() + " before fine-tuning", false, true);
            e.getValue().forEach(m -> before.add(100 * m.sparsity(), 100 * m.beforeFineTuning().accuracy()));
            data.addSeries(before);
            methods.add(e.getKey());
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Test accuracy vs sparsity", "sparsity (% of hidden units removed)",
                "test accuracy (%)", data, PlotOrientation.VERTICAL, true, true, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        int firstBefore = 1 + byMethod.size();
        for (int s = 0; s < methods.size(); s++) {
            r.setSeriesPaint(s, MethodColors.awt(methods.get(s)));
            if (s >= firstBefore) {
                r.setSeriesLinesVisible(s, false);
                r.setSeriesShapesFilled(s, false);
                r.setSeriesVisibleInLegend(s, false);
            }
        }
        plot.setRenderer(r);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setRange(-2, 102);
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(false);
        y.setUpperBound(Math.min(100, y.getUpperBound() + 2));
        TextTitle note = new TextTitle("filled: after fine-tuning · hollow: straight after pruning", SUBTITLE);
        note.setPaint(new Color(0x52, 0x60, 0x6d));
        chart.addSubtitle(note);
        return chart;
    }

    /**
     * With several seeds: the mean test accuracy after fine-tuning of every method at every setting against its mean
     * sparsity, with error bars of one standard deviation over the seeds, one line per method.
     */
    private static JFreeChart accuracyOverSeeds(ExperimentResult result) {
        Map<String, YIntervalSeries> byMethod = new LinkedHashMap<>();
        YIntervalSeries unpruned = new YIntervalSeries(MethodColors.UNPRUNED);
        double b = 100 * result.baseline().accuracy();
        unpruned.add(0, b, b, b);
        byMethod.put(MethodColors.UNPRUNED, unpruned);
        for (SeedSummary s : result.summaries()) {
            double mean = 100 * s.accuracyAfter().mean();
            double sd = 100 * s.accuracyAfter().sd();
            byMethod.computeIfAbsent(s.method(), YIntervalSeries::new).add(100 * s.sparsity().mean(), mean, mean - sd, mean + sd);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        byMethod.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart("Test accuracy vs sparsity", "sparsity (% of hidden units removed)",
                "test accuracy (%)", data, PlotOrientation.VERTICAL, true, true, false);
        style(chart);
        XYPlot plot = chart.getXYPlot();
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(true);
        List<String> methods = List.copyOf(byMethod.keySet());
        for (int i = 0; i < methods.size(); i++) {
            r.setSeriesPaint(i, MethodColors.awt(methods.get(i)));
        }
        plot.setRenderer(r);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setRange(-2, 102);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        TextTitle note = new TextTitle("mean ± sd over " + result.seeds() + " seeds (after fine-tuning, when there was any)", SUBTITLE);
        note.setPaint(new Color(0x52, 0x60, 0x6d));
        chart.addSubtitle(note);
        return chart;
    }

    /**
     * The share of runs that collapsed a layer, per sparsity bin, one bar per method: for comparisons with more than
     * one run per method (a sweep, several seeds or MIPP confidences).
     */
    static JFreeChart collapse(CollapseFrequency f) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        f.percentages().forEach((method, bins) -> bins.forEach((bin, percent) -> data.addValue(percent, method, bin)));
        JFreeChart chart = ChartFactory.createBarChart("Runs with a collapsed layer", "sparsity bin",
                "runs with a layer at ≤ 1 unit (%)", data, PlotOrientation.VERTICAL, true, true, false);
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getRangeAxis().setRange(0, 100);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        List<String> methods = f.methods();
        for (int s = 0; s < methods.size(); s++) {
            bars.setSeriesPaint(s, MethodColors.awt(methods.get(s)));
        }
        return chart;
    }

    /** The same hue, paler for each repeat of a method in one chart. */
    private static Color lighter(Color c, int steps) {
        float f = (float) Math.pow(0.6, steps);
        return new Color(Math.round(255 - (255 - c.getRed()) * f), Math.round(255 - (255 - c.getGreen()) * f),
                Math.round(255 - (255 - c.getBlue()) * f));
    }

    private static void style(JFreeChart chart) {
        chart.getTitle().setFont(TITLE);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xfb, 0xfb, 0xfd));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
    }

    /** Names a bar series: the method alone when it appears once among the shown results, else with its setting. */
    private static String seriesName(MethodResult m, List<MethodResult> shown) {
        long same = shown.stream().filter(o -> o.method().equals(m.method())).count();
        return same > 1 ? m.method() + " (" + CompareTexts.setting(m) + ")" : m.method();
    }
}
