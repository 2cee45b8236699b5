package dev.infoprune.ui.finetune;

import dev.infoprune.engine.EpochResult;
import dev.infoprune.ui.flows.NumberFields;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * The fine-tune tab: the network it starts from and the budget on the left with Start and Cancel; on the right
 * the training loss as it falls and the accuracy after every epoch, growing while the run goes.
 */
public final class FineTuneView extends BorderPane {
    private final FineTuneController controller;
    private final XYSeries loss = new XYSeries("training loss (per batch)", true, false);
    private final XYSeries trainLoss = new XYSeries("training loss (epoch mean)", true, false);
    private final XYSeries testLoss = new XYSeries("test loss", true, false);
    private final XYSeries trainAccuracy = new XYSeries("training accuracy", true, false);
    private final XYSeries testAccuracy = new XYSeries("test accuracy", true, false);
    private final ChartViewer lossChart;
    private final ChartViewer accuracyChart;

    public FineTuneView(FineTuneController controller) {
        this.controller = controller;
        setId("fineTuneView");
        getStyleClass().add("flow-view");
        ScrollPane settings = new ScrollPane(settings());
        settings.setFitToWidth(true);
        settings.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        settings.setPrefWidth(245);
        settings.setMinWidth(225);
        setLeft(settings);

        lossChart = new ChartViewer(lossChart());
        lossChart.setId("lossChart");
        accuracyChart = new ChartViewer(accuracyChart());
        accuracyChart.setId("fineTuneAccuracyChart");
        Label status = new Label();
        status.setId("fineTuneStatus");
        status.setWrapText(true);
        status.getStyleClass().add("flow-summary");
        status.textProperty().bind(controller.model().statusProperty());
        VBox charts = new VBox(10, status, lossChart, accuracyChart);
        charts.setPadding(new Insets(10));
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        VBox.setVgrow(accuracyChart, Priority.ALWAYS);
        lossChart.setMinHeight(200);
        accuracyChart.setMinHeight(200);
        setCenter(charts);
        bindCurves();
    }

    private Node settings() {
        FineTuneModel model = controller.model();
        var working = controller.working();
        VBox box = new VBox(6);
        box.setPadding(new Insets(10));
        box.getStyleClass().add("flow-settings");
        Label startsFrom = new Label();
        startsFrom.setId("fineTuneStart");
        startsFrom.setWrapText(true);
        startsFrom.textProperty().bind(Bindings.createStringBinding(
                () -> FineTuneController.describe(working.candidateProperty().get(), working.open().getValue()),
                working.candidateProperty(), working.open()));
        Label hint = new Label("Pick a row in Compare and press \"Work on the selected network\" to fine-tune a pruned network.");
        hint.setWrapText(true);
        hint.getStyleClass().add("flow-hint");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(5);
        grid.addRow(0, new Label("Epochs"), NumberFields.integer("fineTuneEpochs", model.training().epochsProperty(), 4));
        grid.addRow(1, new Label("Learning rate"), NumberFields.decimal("fineTuneLearningRate", model.training().learningRateProperty(), 6));
        grid.addRow(2, new Label("Seed"), NumberFields.integer("fineTuneSeed", model.training().seedProperty(), 6));
        grid.addRow(3, new Label("Train samples"), NumberFields.integer("fineTuneTrainSamples", model.training().trainSamplesProperty(), 6));
        Label optimiser = new Label("Adam, batches of 64; test accuracy measured after every epoch on the held-out test split.");
        optimiser.setWrapText(true);
        optimiser.getStyleClass().add("flow-hint");

        Button start = new Button("Start fine-tuning");
        start.setId("startFineTune");
        start.getStyleClass().add("primary-button");
        start.setMaxWidth(Double.MAX_VALUE);
        start.setOnAction(e -> controller.start());
        start.disableProperty().bind(controller.runner().busyProperty()
                .or(Bindings.createBooleanBinding(() -> working.open().getValue() == null, working.open())));
        Button cancel = new Button("Cancel");
        cancel.setId("cancelFineTune");
        cancel.setOnAction(e -> controller.runner().cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        HBox buttons = new HBox(6, start, cancel);
        HBox.setHgrow(start, Priority.ALWAYS);
        box.getChildren().addAll(section("Network to fine-tune"), startsFrom, hint, section("Budget"), grid, optimiser, buttons);
        return box;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("flow-section");
        return l;
    }

    private void bindCurves() {
        FineTuneModel model = controller.model();
        model.losses().addListener((ListChangeListener<FineTuneModel.LossPoint>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && model.losses().isEmpty()) {
                    loss.clear();
                }
                if (c.wasAdded()) {
                    loss.setNotify(false);
                    for (FineTuneModel.LossPoint p : c.getAddedSubList()) {
                        loss.add(p.epoch(), p.loss());
                    }
                    loss.setNotify(true);
                }
            }
        });
        XYSeries[] curves = {trainLoss, testLoss, trainAccuracy, testAccuracy};
        model.history().addListener((ListChangeListener<EpochResult>) c -> {
            while (c.next()) {
                if (c.wasRemoved() && model.history().isEmpty()) {
                    for (XYSeries s : curves) {
                        s.clear();
                    }
                }
                if (!c.wasAdded()) {
                    continue;
                }
                // one redraw per series and bunch: with fast epochs a bunch holds hundreds, and a redraw per point
                // kept the JavaFX thread busy enough that the window stopped answering
                for (XYSeries s : curves) {
                    s.setNotify(false);
                }
                for (EpochResult e : c.getAddedSubList()) {
                    trainLoss.add(e.epoch(), e.trainLoss());
                    trainAccuracy.add(e.epoch(), 100 * e.trainAccuracy());
                    if (e.hasValidation()) {
                        testLoss.add(e.epoch(), e.validationLoss());
                        testAccuracy.add(e.epoch(), 100 * e.validationAccuracy());
                    }
                }
                for (XYSeries s : curves) {
                    s.setNotify(true);
                }
            }
        });
        model.beforeProperty().addListener((o, a, before) -> {
            // the starting point of the accuracy curve: the test accuracy before any fine-tuning
            if (before != null && testAccuracy.indexOf(0.0) < 0) {
                testAccuracy.add(0.0, 100 * before.accuracy());
                testLoss.add(0.0, before.loss());
            }
        });
    }

    private JFreeChart lossChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(loss);
        data.addSeries(trainLoss);
        data.addSeries(testLoss);
        JFreeChart chart = ChartFactory.createXYLineChart("Loss", "epoch", "cross-entropy (nats)", data,
                PlotOrientation.VERTICAL, true, true, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(0x9a, 0xb8, 0xd9));
        r.setSeriesStroke(0, new BasicStroke(1f));
        r.setSeriesPaint(1, new Color(0x3b, 0x6e, 0xa8));
        r.setSeriesShapesVisible(1, true);
        r.setSeriesStroke(1, new BasicStroke(2f));
        r.setSeriesPaint(2, new Color(0xe8, 0x59, 0x0c));
        r.setSeriesShapesVisible(2, true);
        r.setSeriesStroke(2, new BasicStroke(2f));
        style(chart, r);
        return chart;
    }

    private JFreeChart accuracyChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(trainAccuracy);
        data.addSeries(testAccuracy);
        JFreeChart chart = ChartFactory.createXYLineChart("Accuracy after each epoch", "epoch", "accuracy (%)", data,
                PlotOrientation.VERTICAL, true, true, false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, new Color(0x3b, 0x6e, 0xa8));
        r.setSeriesPaint(1, new Color(0xe8, 0x59, 0x0c));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(2f));
        style(chart, r);
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setAutoRangeIncludesZero(false);
        return chart;
    }

    private static void style(JFreeChart chart, XYLineAndShapeRenderer renderer) {
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(new Color(0xfb, 0xfb, 0xfd));
        plot.setRenderer(renderer);
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        x.setAutoRangeIncludesZero(true);
    }
}
