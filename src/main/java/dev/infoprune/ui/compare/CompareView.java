package dev.infoprune.ui.compare;

import dev.infoprune.prune.MethodType;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.study.CollapseFrequency;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.ExperimentSpec;
import dev.infoprune.study.MethodResult;
import dev.infoprune.study.WidthControl;
import dev.infoprune.prune.mipp.Mipp;
import dev.infoprune.ui.flows.NumberFields;
import dev.infoprune.ui.network.NetworkPicture;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The compare tab: on the left what to compare (methods and the controls, sparsity, MIPP's confidences, pruning at
 * initialisation, fine-tuning budget, seeds, samples) with Run and Cancel; on the right the last result: a small
 * drawing per method, the table, and, with more than one run per method, every seed's run and how often each method
 * collapsed a layer; then kept widths per layer and accuracy against sparsity. Lays out and binds; the controller
 * runs the work.
 */
public final class CompareView extends BorderPane {
    private final CompareController controller;
    private final HBox drawings = new HBox(10);
    private final TableView<CompareRow> table = new TableView<>();
    private final TableView<MethodResult> seedTable = new TableView<>();
    private final Label seedTitle = new Label("Every seed");
    private final VBox seedRuns = new VBox(4, seedTitle, seedTable);
    private final ChartViewer widthsChart = new ChartViewer();
    private final ChartViewer accuracyChart = new ChartViewer();
    private final ChartViewer collapseChart = new ChartViewer();
    private final ComboBox<String> group = new ComboBox<>();
    private final Label summary = new Label();

    public CompareView(CompareController controller) {
        this.controller = controller;
        setId("compareView");
        getStyleClass().add("flow-view");
        ScrollPane settings = new ScrollPane(settings());
        settings.setFitToWidth(true);
        settings.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // Run and Cancel stay in sight below the settings, however far these are scrolled
        BorderPane left = new BorderPane(settings);
        left.setBottom(runButtons());
        left.setPrefWidth(245);
        left.setMinWidth(225);
        left.getStyleClass().add("flow-settings");
        setLeft(left);
        setCenter(results());
        CompareModel model = controller.model();
        model.resultProperty().addListener((o, a, r) -> showResult(r));
        group.valueProperty().addListener((o, a, g) -> showGroup(model.resultProperty().get(), g));
        controller.open().view().scoreProperty().addListener((o, a, s) -> showGroup(model.resultProperty().get(), group.getValue()));
    }

    private Node settings() {
        CompareModel model = controller.model();
        VBox box = new VBox(6);
        box.setPadding(new Insets(10));
        box.getStyleClass().add("flow-settings");
        box.getChildren().add(section("Methods"));
        for (Map.Entry<String, javafx.beans.property.BooleanProperty> e : model.methods().entrySet()) {
            CheckBox c = new CheckBox(e.getKey());
            c.setId(checkBoxId(e.getKey()));
            c.selectedProperty().bindBidirectional(e.getValue());
            // plain text rather than a tooltip: an open tooltip swallows the next click elsewhere
            Label hint = new Label(PruningMethods.find(e.getKey()).map(MethodType::summary)
                    .or(() -> WidthControl.parse(e.getKey()).map(WidthControl::summary)).orElse(""));
            hint.getStyleClass().addAll("flow-hint", "method-hint");
            hint.setWrapText(true);
            VBox method = new VBox(0, c, hint);
            // a method's settings show while it is chosen
            PruningMethods.find(e.getKey()).filter(t -> !MethodSettingsForm.formSettings(t).isEmpty()).ifPresent(t -> {
                MethodSettingsForm form = new MethodSettingsForm(t, model.settings(t.name()));
                form.visibleProperty().bind(c.selectedProperty());
                form.managedProperty().bind(form.visibleProperty());
                method.getChildren().add(form);
            });
            box.getChildren().add(method);
        }

        box.getChildren().add(section("Sparsity"));
        ToggleGroup modes = new ToggleGroup();
        RadioButton match = radio("modeMatch", "Match MIPP's reached sparsity", modes, ExperimentSpec.Mode.MATCH);
        RadioButton fixed = radio("modeFixed", "At sparsity", modes, ExperimentSpec.Mode.FIXED);
        RadioButton sweep = radio("modeSweep", "Sweep", modes, ExperimentSpec.Mode.SWEEP);
        modes.selectToggle(switch (model.modeProperty().get()) {
            case MATCH -> match;
            case FIXED -> fixed;
            case SWEEP -> sweep;
        });
        modes.selectedToggleProperty().addListener((o, a, t) -> {
            if (t != null) {
                model.modeProperty().set((ExperimentSpec.Mode) t.getUserData());
            }
        });
        // a restored comparison sets the mode it ran with
        model.modeProperty().addListener((o, a, m) -> modes.getToggles().stream().filter(t -> t.getUserData() == m)
                .findFirst().ifPresent(modes::selectToggle));
        TextField sparsity = NumberFields.decimal("sparsityField", model.sparsityProperty(), 5);
        sparsity.disableProperty().bind(fixed.selectedProperty().not());
        TextField sweepField = new TextField();
        sweepField.setId("sweepField");
        sweepField.textProperty().bindBidirectional(model.sweepProperty());
        sweepField.disableProperty().bind(sweep.selectedProperty().not());
        sweepField.setPromptText("0.3, 0.5, 0.7, 0.9");
        Label hint = new Label("Sparsity = share of hidden units removed. MIPP and CMI size themselves.");
        hint.setWrapText(true);
        hint.getStyleClass().add("flow-hint");
        box.getChildren().addAll(match, new HBox(6, fixed, sparsity), sweep, sweepField, hint);
        TextField confidences = new TextField();
        confidences.setId("mippConfidencesField");
        confidences.textProperty().bindBidirectional(model.mippConfidencesProperty());
        confidences.setPromptText("e.g. 0.5, 0.9, 0.99");
        confidences.disableProperty().bind(model.method(Mipp.NAME).not());
        Label confidencesHint = new Label("MIPP confidences x: one MIPP run per x, spread over sparsity (empty: once, at "
                + "its setting).");
        confidencesHint.setWrapText(true);
        confidencesHint.getStyleClass().add("flow-hint");
        box.getChildren().addAll(new Label("MIPP confidences x"), confidences, confidencesHint);

        box.getChildren().add(section("Network pruned"));
        CheckBox atInit = new CheckBox("At initialisation");
        atInit.setId("atInitCheck");
        atInit.selectedProperty().bindBidirectional(model.atInitProperty());
        Label atInitHint = new Label("Every seed re-initialises the network, every method prunes it untrained, and each "
                + "pruned network trains for the model's whole run (the card's epochs).");
        atInitHint.setWrapText(true);
        atInitHint.getStyleClass().add("flow-hint");
        box.getChildren().addAll(atInit, atInitHint);

        box.getChildren().add(section("Fine-tuning (same for all)"));
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(5);
        grid.addRow(0, new Label("Epochs"), NumberFields.integer("epochsField", model.training().epochsProperty(), 4));
        grid.addRow(1, new Label("Learning rate"), NumberFields.decimal("learningRateField", model.training().learningRateProperty(), 6));
        grid.addRow(2, new Label("Seed"), NumberFields.integer("seedField", model.training().seedProperty(), 6));
        grid.addRow(3, new Label("Seeds"), NumberFields.integer("seedsField", model.seedsProperty(), 4));
        grid.addRow(4, new Label("Probe samples"), NumberFields.integer("probeSamplesField", model.probeSamplesProperty(), 6));
        grid.addRow(5, new Label("Train samples"), NumberFields.integer("trainSamplesField", model.training().trainSamplesProperty(), 6));
        box.getChildren().add(grid);

        Label data = new Label();
        data.setId("compareData");
        data.setWrapText(true);
        data.getStyleClass().add("flow-hint");
        data.textProperty().bind(Bindings.createStringBinding(() -> {
            String d = controller.open().dataSpec().getValue();
            return d == null || d.isEmpty() ? "Data: the model's own data set (choose another in the Data menu)"
                    : "Data: " + d + " (from the Data menu); seeded train / probe / test splits";
        }, controller.open().dataSpec()));

        box.getChildren().add(data);
        return box;
    }

    private Node runButtons() {
        Button run = new Button("Run comparison");
        run.setId("runCompare");
        run.setDefaultButton(false);
        run.getStyleClass().add("primary-button");
        run.setMaxWidth(Double.MAX_VALUE);
        run.setOnAction(e -> controller.run());
        run.disableProperty().bind(controller.runner().busyProperty()
                .or(Bindings.createBooleanBinding(() -> controller.open().network().getValue() == null,
                        controller.open().network())));
        Button cancel = new Button("Cancel");
        cancel.setId("cancelCompare");
        cancel.setOnAction(e -> controller.runner().cancel());
        cancel.disableProperty().bind(controller.runner().busyProperty().not());
        HBox buttons = new HBox(6, run, cancel);
        HBox.setHgrow(run, Priority.ALWAYS);
        buttons.setPadding(new Insets(8, 10, 10, 10));
        return buttons;
    }

    private RadioButton radio(String id, String text, ToggleGroup group, ExperimentSpec.Mode mode) {
        RadioButton r = new RadioButton(text);
        r.setId(id);
        r.setToggleGroup(group);
        r.setUserData(mode);
        return r;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("flow-section");
        return l;
    }

    private Node results() {
        summary.setId("compareSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("flow-summary");
        group.setId("compareGroup");
        Label groupLabel = new Label("Show");
        HBox groupRow = new HBox(8, groupLabel, group);
        groupRow.setAlignment(Pos.CENTER_LEFT);
        groupRow.visibleProperty().bind(Bindings.size(group.getItems()).greaterThan(1));
        groupRow.managedProperty().bind(groupRow.visibleProperty());
        drawings.setId("methodDrawings");

        buildTable();
        Button use = new Button("Work on the selected network");
        use.setId("useSelected");
        use.setOnAction(e -> controller.useSelected());
        use.disableProperty().bind(controller.model().selectedProperty().isNull()
                .or(controller.runner().busyProperty()));
        Label using = new Label();
        using.setId("workingOn");
        using.getStyleClass().add("flow-hint");
        using.textProperty().bind(Bindings.createStringBinding(() -> {
            var c = controller.working().candidateProperty().get();
            return c == null ? "" : "Working on: " + c.label();
        }, controller.working().candidateProperty()));
        HBox useRow = new HBox(10, use, using);
        useRow.setAlignment(Pos.CENTER_LEFT);

        widthsChart.setId("widthsChart");
        accuracyChart.setId("accuracyChart");
        collapseChart.setId("collapseChart");
        collapseChart.managedProperty().bind(collapseChart.visibleProperty());
        collapseChart.setVisible(false);
        for (ChartViewer v : List.of(widthsChart, accuracyChart, collapseChart)) {
            v.setPrefSize(470, 320);
            v.setMinSize(320, 260);
        }
        FlowPane charts = new FlowPane(10, 10, widthsChart, accuracyChart);
        ScrollPane drawingRow = new ScrollPane(drawings);
        drawingRow.setId("methodDrawingRow");
        drawingRow.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        drawingRow.setMinViewportHeight(MethodDrawing.HEIGHT + 92);
        drawingRow.setPrefViewportHeight(MethodDrawing.HEIGHT + 92);
        drawingRow.getStyleClass().add("drawing-row");

        buildSeedTable();
        seedRuns.setId("seedRuns");
        seedRuns.managedProperty().bind(seedRuns.visibleProperty());
        seedRuns.setVisible(false);
        seedTitle.getStyleClass().add("flow-section");

        // what several runs per method add (every seed, how often a layer collapsed) sits together below the table
        VBox content = new VBox(10, summary, groupRow, drawingRow, table, useRow, seedRuns, collapseChart, charts);
        content.setPadding(new Insets(10));
        content.setId("compareResults");
        content.visibleProperty().bind(controller.model().resultProperty().isNotNull());
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("compareResultsScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("flow-results");

        Label empty = new Label("Choose methods and a sparsity on the left, then Run comparison.\n"
                + "Every method prunes the open network on the same probe samples, is fine-tuned with the same budget\n"
                + "and is tested on the same held-out samples.");
        empty.setId("compareEmpty");
        empty.getStyleClass().add("empty-state");
        empty.visibleProperty().bind(controller.model().resultProperty().isNull());
        return new StackPane(scroll, empty);
    }

    private void buildTable() {
        table.setId("compareTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(
                column("Method", CompareRow::method, 104),
                column("Sparsity", r -> r.sparsity() + (r.setting().equals("own") ? " (own)" : ""), 62),
                column("Kept", CompareRow::kept, 48),
                column("Params", CompareRow::parameters, 52),
                column("MACs · FLOPs", r -> r.macs() + " · " + r.flops(), 96),
                column("Acc. → tuned", r -> r.accuracyBefore() + " → " + r.accuracyAfter(), 104),
                column("Info kept", CompareRow::information, 100),
                column("Collapsed", CompareRow::collapsed, 70)));
        for (TableColumn<CompareRow, ?> c : table.getColumns()) {
            c.setStyle("-fx-alignment: CENTER-LEFT;");
        }
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CompareRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("collapsed-row", "baseline-row");
                if (!empty && row != null) {
                    if (row.isCollapsed()) {
                        getStyleClass().add("collapsed-row");
                    } else if (row.result() == null) {
                        getStyleClass().add("baseline-row");
                    }
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) ->
                controller.model().selectedProperty().set(row == null ? null : row.result()));
        table.setPlaceholder(new Label("no comparison yet"));
    }

    /** Every run of every seed, as the per-seed table of compare --seeds: shown with more than one seed. */
    private void buildSeedTable() {
        seedTable.setId("seedTable");
        seedTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        seedTable.getColumns().addAll(List.of(
                column("Method", MethodResult::method, 130),
                column("Setting", CompareTexts::setting, 70),
                column("Seed", m -> Long.toString(m.seed()), 44),
                column("Sparsity", m -> CompareTexts.percent(m.sparsity()), 62),
                column("Kept", CompareTexts::keptCounts, 60),
                column("Acc. → tuned", m -> CompareTexts.accuracy(m.beforeFineTuning()) + " → "
                        + CompareTexts.accuracy(m.afterFineTuning()), 110),
                column("Collapsed", CompareTexts::collapsed, 80)));
        seedTable.setFixedCellSize(24);
        seedTable.setPlaceholder(new Label("one seed"));
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));

        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void showResult(ExperimentResult r) {
        if (r == null) {
            return;
        }
        List<CompareRow> rows = CompareRow.of(r);
        table.setItems(FXCollections.observableArrayList(rows));
        table.setFixedCellSize(24);
        table.setPrefHeight(24 * (rows.size() + 1) + 6);
        table.setMinHeight(Region.USE_PREF_SIZE);
        summary.setText(String.format(Locale.ROOT,
                "%s on %s: unpruned test accuracy %.1f%%, %,d parameters, %,d MACs. Each pruned network fine-tuned %d "
                        + "epoch%s (Adam, learning rate %s, %s schedule%s, seed %d) on %d samples; tested on %d; "
                        + "decisions on %d probe samples. %.1f s.",
                r.model(), r.dataset(), 100 * r.baseline().accuracy(), r.parameters(), r.macs(), r.fineTuneEpochs(),
                r.fineTuneEpochs() == 1 ? "" : "s", r.learningRate(), r.fineTuning().scheduleName(),
                r.fineTuning().origin().isEmpty() ? "" : "; " + r.fineTuning().origin(), r.seed(), r.trainSamples(),
                r.testSamples(), r.probeSamples(), r.seconds())
                + (r.seeds() > 1 ? String.format(Locale.ROOT, " Every method ran with seeds %d to %d: the table gives mean ± sd "
                + "over them, the drawings and widths seed %d.", r.seed(), r.seed() + r.seeds() - 1, r.seed()) : "")
                + (r.atInit() ? " Pruned at initialisation: every seed's network re-initialised, pruned untrained and "
                + "trained from scratch; the unpruned accuracy is the trained model's." : ""));
        seedRuns.setVisible(r.seeds() > 1);
        seedTable.setItems(FXCollections.observableArrayList(r.seeds() > 1 ? r.results() : List.of()));
        // at most eight rows in sight, so that the collapse chart below stays near
        seedTable.setPrefHeight(24 * (Math.min(8, seedTable.getItems().size()) + 1) + 6);
        seedTable.setMinHeight(Region.USE_PREF_SIZE);
        seedTitle.setText(String.format(Locale.ROOT, "Every seed (%d to %d)", r.seed(), r.seed() + r.seeds() - 1));
        accuracyChart.setChart(CompareCharts.accuracy(r));
        boolean collapse = CollapseFrequency.worthShowing(r);
        collapseChart.setVisible(collapse);
        if (collapse) {
            collapseChart.setChart(CompareCharts.collapse(CollapseFrequency.of(r)));
        }
        List<String> groups = List.copyOf(r.groups().keySet());
        group.getItems().setAll(groups);
        group.setValue(groups.get(0));
        showGroup(r, groups.get(0));
    }

    private void showGroup(ExperimentResult r, String title) {
        if (r == null || title == null || !r.groups().containsKey(title)) {
            return;
        }
        List<MethodResult> shown = r.groups().get(title);
        widthsChart.setChart(CompareCharts.widths(r, shown));
        CompareRun run = controller.model().runProperty().get();
        drawings.getChildren().clear();
        if (run == null) {
            return;
        }
        NetworkPicture picture = run.picture();
        var score = controller.open().view().scoreProperty().get();
        String caption = String.format(Locale.ROOT, "widths %s\n%.1f%% test accuracy", String.join(" / ",
                java.util.Arrays.stream(r.hiddenWidths()).mapToObj(Integer::toString).toList()), 100 * r.baseline().accuracy());
        drawings.getChildren().add(new MethodDrawing("drawing-unpruned", "unpruned", MethodColors.hex(MethodColors.UNPRUNED),
                caption, picture, score, null, List.of()));
        for (MethodResult m : shown) {
            String text = "kept " + CompareTexts.keptCounts(m) + " · " + CompareTexts.percent(m.sparsity()) + " sparse\n"
                    + CompareTexts.accuracy(m.beforeFineTuning()) + " pruned → " + CompareTexts.accuracy(m.afterFineTuning())
                    + " fine-tuned";
            drawings.getChildren().add(new MethodDrawing(drawingId(m), CompareTexts.label(m),
                    MethodColors.hex(m.method()), text, picture, score, m.plan(), m.collapsedLayers()));
        }
    }

    /** The id of a method's check box, e.g. {@code method-mipp}, {@code method-random-at-mipp} (ids cannot hold @). */
    public static String checkBoxId(String method) {
        return "method-" + method.replace("@", "-at-");
    }

    /** The drawing's node id, e.g. {@code drawing-global-topk-0_9000} (CSS ids cannot hold dots). */
    public static String drawingId(MethodResult m) {
        return ("drawing-" + m.method() + "-" + m.setting()).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    TableView<CompareRow> table() {
        return table;
    }
}
