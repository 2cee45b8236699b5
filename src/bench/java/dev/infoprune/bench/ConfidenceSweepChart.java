package dev.infoprune.bench;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws the chart of docs/results.md's x sweep from its measurements: a CSV with the header
 * {@code model,x,removed,accuracy} (removed and accuracy in percent), one line per model of the share of hidden
 * units MIPP removes at each confidence x, and one dashed line per model of the test accuracy before fine-tuning.
 * Usage: {@code ConfidenceSweepChart SWEEP.csv CHART.png}.
 */
public final class ConfidenceSweepChart {
    private ConfidenceSweepChart() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ConfidenceSweepChart SWEEP.csv CHART.png");
        }
        Path csv = Path.of(args[0]);
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty() || !lines.get(0).trim().equals("model,x,removed,accuracy")) {
            throw new IllegalArgumentException(csv + ": the first line must be model,x,removed,accuracy");
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            if (f.length != 4) {
                throw new IllegalArgumentException(csv + " line " + (i + 1) + ": expected 4 fields, got " + f.length);
            }
            data.addValue(Double.parseDouble(f[2]), f[0] + ": hidden units removed", f[1]);
            data.addValue(Double.parseDouble(f[3]), f[0] + ": test accuracy, not fine-tuned", f[1]);
        }
        JFreeChart chart = ChartFactory.createLineChart("MIPP (the paper's estimator): sparsity rises with the confidence x",
                "confidence x (a unit stays only when the test is more than x sure it carries information)", "percent",
                data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        LineAndShapeRenderer renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultShapesVisible(true);
        Color[] colours = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44), new Color(148, 103, 189)};
        for (int s = 0; s < data.getRowCount(); s++) {
            boolean accuracy = data.getRowKey(s).toString().endsWith("not fine-tuned");
            renderer.setSeriesPaint(s, colours[(s / 2) % colours.length]);
            renderer.setSeriesStroke(s, accuracy
                    ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2.5f));
        }
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(new Color(248, 248, 248));
        ChartUtils.saveChartAsPNG(Path.of(args[1]).toFile(), chart, 900, 480);
    }
}
