package dev.infoprune.ui.mipp;

import dev.infoprune.prune.mipp.Step;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stepper's live charts (JFreeChart-FX): I(S;T) and I(S∖{i};T) per step, and how many units each layer keeps
 * as its tests go on. They follow the position: stepping back removes points, stepping forward adds them.
 */
final class MippCharts extends HBox {
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Color[] LAYER_COLORS = {new Color(0x3b, 0x6e, 0xa8), new Color(0xd9, 0x5f, 0x0e),
            new Color(0x2c, 0xa0, 0x2c), new Color(0x94, 0x67, 0xbd), new Color(0x8c, 0x56, 0x4b), new Color(0x17, 0xbe, 0xcf)};

    private final XYSeriesCollection information = new XYSeriesCollection();
    private final XYSeriesCollection kept = new XYSeriesCollection();
    private final Map<String, XYSeries[]> byLayer = new LinkedHashMap<>();
    private final JFreeChart informationChart;
    private final JFreeChart keptChart;
    private MippTrack track;
    private int shown;
    private String layerShown;

    MippCharts(MippModel model) {
        super(8);
        setId("mippCharts");
        informationChart = ChartFactory.createXYLineChart("I(S;T) with and without the unit tested", "step", "nats",
                information, PlotOrientation.VERTICAL, true, true, false);
        keptChart = ChartFactory.createXYLineChart("units kept", "step", "units", kept, PlotOrientation.VERTICAL,
                false, true, false);
        style(informationChart);
        style(keptChart);
        XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) informationChart.getXYPlot().getRenderer();
        r.setSeriesPaint(0, LAYER_COLORS[0]);
        r.setSeriesStroke(0, new BasicStroke(1.6f));
        r.setSeriesPaint(1, new Color(0x9a, 0xa5, 0xb1));
        r.setSeriesStroke(1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 4f, new float[] {3f, 3f}, 0f));
        XYStepRenderer steps = new XYStepRenderer();
        steps.setSeriesPaint(0, LAYER_COLORS[1]);
        steps.setSeriesStroke(0, new BasicStroke(1.8f));
        keptChart.getXYPlot().setRenderer(steps);
        var units = (org.jfree.chart.axis.NumberAxis) keptChart.getXYPlot().getRangeAxis();
        units.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        units.setAutoRangeMinimumSize(4);
        ChartViewer a = new ChartViewer(informationChart);
        a.setId("mippInformationChart");
        ChartViewer b = new ChartViewer(keptChart);
        b.setId("mippKeptChart");
        for (ChartViewer v : new ChartViewer[] {a, b}) {
            v.setMinSize(120, 100);
            v.setPrefSize(360, 170);
            HBox.setHgrow(v, Priority.ALWAYS);
        }
        getChildren().addAll(a, b);
        model.trackProperty().addListener((o, old, t) -> onTrack(t, model.position()));
        model.positionProperty().addListener((o, old, k) -> follow(k.intValue()));
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(SMALL);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
            chart.getLegend().setPosition(org.jfree.chart.ui.RectangleEdge.RIGHT);
        }
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(2, 2, 2, 2));
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xfb, 0xfb, 0xfd));
        plot.setDomainGridlinePaint(new Color(0xdd, 0xe1, 0xe6));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xe1, 0xe6));
        for (var axis : new org.jfree.chart.axis.ValueAxis[] {plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelFont(SMALL);
            axis.setTickLabelFont(SMALL);
        }
        plot.getDomainAxis().setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
    }

    private void onTrack(MippTrack t, int position) {
        boolean sameRun = track != null && t != null && t.visitOrder().equals(track.visitOrder())
                && t.settingsText().equals(track.settingsText()) && t.computedSteps() >= shown;
        track = t;
        if (!sameRun) {
            reset();
        }
        follow(position);
    }

    private void reset() {
        shown = 0;
        layerShown = null;
        information.removeAllSeries();
        kept.removeAllSeries();
        byLayer.clear();
        if (track == null) {
            return;
        }
        for (String layer : track.visitOrder()) {
            byLayer.put(layer, new XYSeries[] {new XYSeries("with", false, true), new XYSeries("without", false, true),
                    new XYSeries(layer, false, true)});
        }
    }

    /** Makes the charts show the steps up to {@code position}, of the layer the step shown belongs to. */
    private void follow(int position) {
        if (track == null) {
            return;
        }
        int target = Math.min(position, track.computedSteps());
        if (target < shown) {
            for (XYSeries[] s : byLayer.values()) {
                for (XYSeries series : s) {
                    while (series.getItemCount() > 0 && series.getX(series.getItemCount() - 1).doubleValue() > target) {
                        series.remove(series.getItemCount() - 1);
                    }
                }
            }
            shown = target;
        }
        for (int i = shown; i < target; i++) {
            Step s = track.computed().get(i);
            XYSeries[] layer = byLayer.get(s.layer());
            layer[0].add(i + 1, s.miWith(), false);
            layer[1].add(i + 1, s.miWithout(), false);
            if (layer[2].getItemCount() == 0) {
                layer[2].add(i, s.setSize(), false);
            }
            layer[2].add(i + 1, s.keptAfter(), false);
        }
        if (target > shown) {
            shown = target;
            byLayer.values().forEach(s -> java.util.Arrays.stream(s).forEach(XYSeries::fireSeriesChanged));
        }
        String current = target == 0 ? track.visitOrder().get(0) : track.computed().get(target - 1).layer();
        if (!current.equals(layerShown)) {
            layerShown = current;
            XYSeries[] s = byLayer.get(current);
            information.removeAllSeries();
            information.addSeries(s[0]);
            information.addSeries(s[1]);
            kept.removeAllSeries();
            kept.addSeries(s[2]);
            informationChart.setTitle("I(S;T) with and without the unit tested · " + current);
            boolean lossBased = !track.computed().isEmpty() && track.computed().get(0).baselineLoss() != null;
            // the loss-based estimators read I(S;T) as the drop in held-out loss from predicting T by its mean
            informationChart.getXYPlot().getRangeAxis().setLabel(lossBased ? "baseline − loss" : "nats");
            keptChart.setTitle("units kept in " + current + " (of " + track.widths().get(current) + ")");
            informationChart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            keptChart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
        }
    }

    /** Points plotted (for tests). */
    int shownSteps() {
        return byLayer.values().stream().mapToInt(s -> s[0].getItemCount()).sum();
    }

    XYSeries keptSeries(String layer) {
        return byLayer.get(layer)[2];
    }

    /** The layer whose steps the charts show. */
    String layerShown() {
        return layerShown;
    }
}
