package dev.infoprune.ui.inspector;

import javafx.scene.layout.StackPane;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.statistics.HistogramDataset;

import java.awt.Color;
import java.awt.Font;

/** A histogram of one node's activations over the probe samples (JFreeChart in a ChartViewer). */
final class ActivationHistogram extends StackPane {
    static final int BINS = 30;
    private final ChartViewer viewer = new ChartViewer(null);
    private HistogramDataset dataset;

    ActivationHistogram() {
        setId("activationHistogram");
        setPrefHeight(180);
        setMinHeight(150);
        getChildren().add(viewer);
    }

    void show(String node, double[] values) {
        dataset = new HistogramDataset();
        dataset.addSeries(node, values, BINS);
        JFreeChart chart = ChartFactory.createHistogram(null, "activation of " + node, "samples", dataset,
                PlotOrientation.VERTICAL, false, true, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xfb, 0xfb, 0xfd));
        plot.setDomainGridlinesVisible(false);
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        plot.getDomainAxis().setLabelFont(small);
        plot.getRangeAxis().setLabelFont(small);
        plot.getDomainAxis().setTickLabelFont(small);
        plot.getRangeAxis().setTickLabelFont(small);
        XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x3b, 0x6e, 0xa8));
        viewer.setChart(chart);
    }

    /** The histogram shown (for tests), or null. */
    HistogramDataset dataset() {
        return dataset;
    }
}
