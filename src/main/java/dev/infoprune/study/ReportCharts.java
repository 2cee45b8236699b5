package dev.infoprune.study;

import dev.infoprune.prune.PlanSummary;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ChartFactory;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The report's charts, drawn headless by JFreeChart; each as PNG bytes and as an SVG document. */
final class ReportCharts {
    static final int WIDTH = 900;
    static final int HEIGHT = 480;

    private ReportCharts() {
    }

    /** Grouped bars: for every hidden layer, the unpruned width and each method's kept width at one setting. */
    static JFreeChart widths(ExperimentResult result, String group, List<MethodResult> members) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> layers = result.hiddenLayers();
        int[] full = result.hiddenWidths();
        for (int i = 0; i < layers.size(); i++) {
            data.addValue(full[i], "unpruned", layers.get(i));
        }
        List<String> collapsed = new ArrayList<>();
        for (MethodResult m : members) {
            String name = label(m, members);
            for (PlanSummary.LayerWidth w : m.widths().layers()) {
                data.addValue(w.after(), name, w.layer());
            }
            if (!m.collapsedLayers().isEmpty()) {
                collapsed.add(name + ": " + String.join(", ", m.collapsedLayers()));
            }
        }
        String title = "Kept units per layer — " + group;
        JFreeChart chart = ChartFactory.createBarChart(title, "layer", "units kept", data, PlotOrientation.VERTICAL,
                true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setCategoryLabelPositions(layers.size() > 8
                ? CategoryLabelPositions.UP_45 : CategoryLabelPositions.STANDARD);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        if (!collapsed.isEmpty()) {
            TextTitle warning = new TextTitle("collapsed (≤ 1 unit left) — " + String.join("; ", collapsed),
                    new Font(Font.SANS_SERIF, Font.BOLD, 12));
            warning.setPaint(new Color(180, 0, 0));
            chart.addSubtitle(warning);
        }
        style(chart);
        return chart;
    }

    /**
     * Test accuracy after fine-tuning against the share of hidden units removed, one line per method; with several
     * seeds, the means over the seeds with error bars of one standard deviation.
     */
    static JFreeChart accuracyVersusSparsity(ExperimentResult result) {
        String tuned = result.fineTuneEpochs() == 0 ? "no fine-tuning"
                : "after " + result.fineTuneEpochs() + " fine-tuning epochs, " + result.fineTuning().scheduleName() + " rate";
        if (result.seeds() > 1) {
            return withErrorBars(result, tuned);
        }
        Map<String, XYSeries> series = new TreeMap<>();
        for (MethodResult m : result.results()) {
            series.computeIfAbsent(m.method(), k -> new XYSeries(k, true, true))
                    .addOrUpdate(100 * m.sparsity(), 100 * m.afterFineTuning().accuracy());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries base = new XYSeries("unpruned");
        base.add(0, 100 * result.baseline().accuracy());
        data.addSeries(base);
        result.methods().forEach(m -> data.addSeries(series.get(m)));
        JFreeChart chart = ChartFactory.createXYLineChart("Test accuracy vs sparsity (" + tuned + ")",
                "hidden units removed (%)", "test accuracy (%)", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        plot.setRenderer(renderer);
        paintByMethod(renderer, data);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        style(chart);
        return chart;
    }

    private static JFreeChart withErrorBars(ExperimentResult result, String tuned) {
        Map<String, YIntervalSeries> series = new java.util.LinkedHashMap<>();
        YIntervalSeries base = new YIntervalSeries("unpruned");
        double b = 100 * result.baseline().accuracy();
        base.add(0, b, b, b);
        series.put("unpruned", base);
        for (SeedSummary s : result.summaries()) {
            double mean = 100 * s.accuracyAfter().mean();
            double sd = 100 * s.accuracyAfter().sd();
            series.computeIfAbsent(s.method(), YIntervalSeries::new)
                    .add(100 * s.sparsity().mean(), mean, mean - sd, mean + sd);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createXYLineChart("Test accuracy vs sparsity (" + tuned + "; mean ± sd over "
                        + result.seeds() + " seeds)", "hidden units removed (%)", "test accuracy (%)", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        renderer.setDefaultShapesVisible(true);
        plot.setRenderer(renderer);
        paintByMethod(renderer, data);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        style(chart);
        return chart;
    }

    /** Share of runs with a collapsed layer per sparsity bin, one bar per method. */
    static JFreeChart collapseFrequency(CollapseFrequency f) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        f.percentages().forEach((method, bins) -> bins.forEach((bin, percent) -> data.addValue(percent, method, bin)));
        JFreeChart chart = ChartFactory.createBarChart("Runs with a collapsed layer (≤ 1 unit left) per sparsity bin",
                "hidden units removed (sparsity bin)", "runs with a collapsed layer (%)", data, PlotOrientation.VERTICAL,
                true, false, false);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setRange(0, 100);
        for (int i = 0; i < data.getRowCount(); i++) {
            chart.getCategoryPlot().getRenderer().setSeriesPaint(i, MethodPalette.awt(data.getRowKey(i).toString()));
        }
        style(chart);
        return chart;
    }

    /** Each series in its method's colour ({@link MethodPalette}), whatever its position. */
    private static void paintByMethod(org.jfree.chart.renderer.xy.XYItemRenderer renderer,
                                      org.jfree.data.xy.XYDataset data) {
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, MethodPalette.awt(data.getSeriesKey(i).toString()));
        }
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(248, 248, 248));
        chart.setAntiAlias(true);
    }

    /** The method's name, with "(own)" when the same method also appears at a given sparsity in the group. */
    static String label(MethodResult m, List<MethodResult> members) {
        long same = members.stream().filter(o -> o.method().equals(m.method())).count();
        return same > 1 && Experiment.OWN.equals(m.setting()) ? m.method() + " (own)" : m.method();
    }

    static byte[] png(JFreeChart chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        return out.toByteArray();
    }

    static String svg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGDocument();
    }
}
