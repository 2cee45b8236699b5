package dev.infoprune.ui.workbench;

import dev.infoprune.ui.inspector.InspectorView;
import dev.infoprune.ui.mipp.MippDecisionView;
import dev.infoprune.ui.mipp.MippView;
import dev.infoprune.ui.network.NetworkView;
import dev.infoprune.ui.network.NodeScore;
import dev.infoprune.ui.network.ScoreLegend;
import dev.infoprune.ui.task.StatusBar;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Supplier;

/** The main window's layout: menus, toolbar, model header, network view with legend, inspector, status bar. */
public final class WorkbenchView extends BorderPane {
    static final List<String> SAMPLES = List.of("mlp-digits", "lenet300-fashion", "lenet5-fashion", "vgg-fashion");

    private final NetworkView networkView;
    private final SplitPane split;
    private final Menu recentMenu = new Menu("Open recent");
    private final MippView mippView;
    private final SplitPane centreSplit;

    public WorkbenchView(WorkbenchController controller, FileDialogs dialogs, Supplier<List<String>> recent) {
        WorkbenchModel model = controller.model();
        setId("workbench");
        networkView = new NetworkView(model.networkView());
        ScoreLegend legend = new ScoreLegend(model.networkView());
        StackPane.setAlignment(legend, Pos.BOTTOM_LEFT);
        StackPane.setMargin(legend, new Insets(8));
        legend.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        legend.visibleProperty().bind(model.networkView().pictureProperty().isNotNull());
        StackPane canvasArea = new StackPane(networkView, legend);

        mippView = new MippView(controller.mipp(), model.probeProperty().isNotNull());
        centreSplit = new SplitPane(canvasArea, mippView);
        centreSplit.setId("centreSplit");
        centreSplit.setOrientation(javafx.geometry.Orientation.VERTICAL);
        centreSplit.setDividerPositions(0.52);
        SplitPane.setResizableWithParent(mippView, false);
        VBox centre = new VBox(header(model), centreSplit);
        VBox.setVgrow(centreSplit, javafx.scene.layout.Priority.ALWAYS);
        InspectorView inspector = new InspectorView(model.networkView(), model.networkProperty(), model.probeProperty());
        ScrollPane inspectorScroll = new ScrollPane(new VBox(inspector, new MippDecisionView(model.mipp())));
        inspectorScroll.setFitToWidth(true);
        inspectorScroll.setMinWidth(280);
        inspectorScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        split = new SplitPane(centre, inspectorScroll);
        SplitPane.setResizableWithParent(inspectorScroll, false);

        recentMenu.setId("recentMenu");
        recentMenu.setOnShowing(e -> fillRecent(controller, recent.get()));
        fillRecent(controller, recent.get());
        setTop(new VBox(menus(controller, dialogs), toolbar(controller, dialogs)));
        setCenter(split);
        setBottom(new StatusBar(controller.runner()));
    }

    private VBox header(WorkbenchModel model) {
        Label name = new Label();
        name.setId("modelName");
        name.getStyleClass().add("model-name");
        Label architecture = new Label();
        architecture.setId("modelArchitecture");
        Label size = new Label();
        size.setId("modelSize");
        Label accuracy = new Label();
        accuracy.setId("modelAccuracy");
        Label source = new Label();
        source.setId("modelSource");
        source.getStyleClass().add("model-source");
        source.textProperty().bind(model.sourceProperty());
        model.networkProperty().addListener((o, a, n) -> {
            name.setText(n == null ? "" : ModelSummary.title(n));
            architecture.setText(n == null ? "" : ModelSummary.architecture(n));
            size.setText(n == null ? "" : ModelSummary.size(n));
            accuracy.setText(n == null ? "" : ModelSummary.accuracy(n));
        });
        Label data = new Label();
        data.setId("dataDescription");
        data.textProperty().bind(model.dataDescriptionProperty().map(d -> "data: " + d));
        HBox facts = new HBox(18, architecture, size, accuracy, data);
        facts.getStyleClass().add("model-facts");
        VBox box = new VBox(2, new HBox(12, name, source), facts);
        box.setId("modelHeader");
        box.getStyleClass().add("model-header");
        box.setPadding(new Insets(8, 12, 6, 12));
        return box;
    }

    private MenuBar menus(WorkbenchController controller, FileDialogs dialogs) {
        MenuItem open = new MenuItem("Open model folder…");
        open.setId("openModelFolder");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> dialogs.chooseModelFolder(getScene().getWindow()).ifPresent(controller::openModelFolder));
        Menu samples = new Menu("Open sample");
        for (String s : SAMPLES) {
            MenuItem item = new MenuItem(s);
            item.setOnAction(e -> controller.openSample(s));
            samples.getItems().add(item);
        }
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> getScene().getWindow().hide());
        Menu file = new Menu("File", null, open, samples, recentMenu, new SeparatorMenuItem(), quit);

        CheckMenuItem edges = new CheckMenuItem("Strongest connections");
        edges.setAccelerator(KeyCombination.keyCombination("E"));
        edges.selectedProperty().bindBidirectional(controller.model().networkView().showEdgesProperty());
        MenuItem reset = new MenuItem("Fit network to window");
        reset.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
        reset.setOnAction(e -> controller.model().networkView().resetView());
        MenuItem zoomIn = new MenuItem("Zoom in");
        zoomIn.setAccelerator(KeyCombination.keyCombination("Shortcut+EQUALS"));
        zoomIn.setOnAction(e -> zoomCentre(controller, 1.25));
        MenuItem zoomOut = new MenuItem("Zoom out");
        zoomOut.setAccelerator(KeyCombination.keyCombination("Shortcut+MINUS"));
        zoomOut.setOnAction(e -> zoomCentre(controller, 0.8));
        Menu view = new Menu("View", null, edges, new SeparatorMenuItem(), zoomIn, zoomOut, reset, new SeparatorMenuItem(),
                mippToggle());
        Menu data = new Menu("Data");
        data.setId("dataMenu");
        data.getItems().addAll(dataItems(controller, dialogs));
        MenuItem compute = new MenuItem("Compute scores");
        compute.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        compute.setOnAction(e -> controller.recomputeScores());
        data.getItems().addAll(new SeparatorMenuItem(), compute);
        MenuBar bar = new MenuBar(file, data, view);
        bar.setId("menuBar");
        return bar;
    }

    private List<MenuItem> dataItems(WorkbenchController controller, FileDialogs dialogs) {
        List<MenuItem> items = new java.util.ArrayList<>();
        for (String name : dev.infoprune.data.BundledDatasets.names()) {
            MenuItem item = new MenuItem("Bundled: " + name);
            item.setId("data-" + name);
            item.setOnAction(e -> controller.computeScores(name));
            items.add(item);
        }
        MenuItem csv = new MenuItem("CSV file…");
        csv.setId("dataCsv");
        csv.setOnAction(e -> dialogs.chooseCsvFile(getScene().getWindow()).ifPresent(p -> controller.computeScores(p.toString())));
        MenuItem idx = new MenuItem("IDX folder…");
        idx.setId("dataIdx");
        idx.setOnAction(e -> dialogs.chooseIdxFolder(getScene().getWindow()).ifPresent(p -> controller.computeScores(p.toString())));
        items.add(new SeparatorMenuItem());
        items.add(csv);
        items.add(idx);
        return items;
    }

    private void zoomCentre(WorkbenchController controller, double factor) {
        controller.model().networkView().zoomAt(factor, networkView.getWidth() / 2, networkView.getHeight() / 2);
    }

    private ToolBar toolbar(WorkbenchController controller, FileDialogs dialogs) {
        WorkbenchModel model = controller.model();
        Button open = new Button("Open…");
        open.setId("openButton");
        open.setOnAction(e -> dialogs.chooseModelFolder(getScene().getWindow()).ifPresent(controller::openModelFolder));
        ComboBox<NodeScore> score = new ComboBox<>(model.scores());
        score.setId("scoreChoice");
        score.setPromptText("score");
        score.valueProperty().bindBidirectional(model.networkView().scoreProperty());
        ToggleButton edges = new ToggleButton("Edges");
        edges.setId("edgesToggle");
        edges.selectedProperty().bindBidirectional(model.networkView().showEdgesProperty());
        Button fit = new Button("Fit");
        fit.setId("fitButton");
        fit.setOnAction(e -> model.networkView().resetView());
        javafx.scene.control.MenuButton data = new javafx.scene.control.MenuButton();
        data.setId("dataButton");
        data.textProperty().bind(model.dataSpecProperty().map(d -> d.isEmpty() ? "Data set…" : "Data: " + shortName(d)));
        data.getItems().addAll(dataItems(controller, dialogs));
        Label estimator = new Label("estimator: gaussian");
        estimator.setId("estimatorLabel");
        Button compute = new Button("Compute scores");
        compute.setId("computeScores");
        compute.setOnAction(e -> controller.recomputeScores());
        compute.disableProperty().bind(controller.runner().busyProperty().or(model.dataSpecProperty().isEmpty()));
        ToolBar bar = new ToolBar(open, new javafx.scene.control.Separator(), data, estimator, compute,
                new javafx.scene.control.Separator(), new Label("Colour by"), score, edges, fit);
        bar.setId("toolBar");
        return bar;
    }

    private void fillRecent(WorkbenchController controller, List<String> recent) {
        ObservableList<MenuItem> items = recentMenu.getItems();
        items.clear();
        for (String r : recent) {
            MenuItem item = new MenuItem(r);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> controller.open(r));
            items.add(item);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            items.add(none);
        }
    }

    private static String shortName(String spec) {
        int slash = Math.max(spec.lastIndexOf('/'), spec.lastIndexOf('\\'));
        return slash < 0 ? spec : spec.substring(slash + 1);
    }

    public NetworkView networkView() {
        return networkView;
    }

    public MippView mippView() {
        return mippView;
    }

    /** View › MIPP stepper: shows or hides the stepper under the network. */
    private CheckMenuItem mippToggle() {
        CheckMenuItem item = new CheckMenuItem("MIPP stepper");
        item.setId("mippToggle");
        item.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        item.setSelected(true);
        item.selectedProperty().addListener((o, was, on) -> {
            mippView.setVisible(on);
            if (on && !centreSplit.getItems().contains(mippView)) {
                centreSplit.getItems().add(mippView);
                centreSplit.setDividerPositions(0.52);
            } else if (!on) {
                centreSplit.getItems().remove(mippView);
            }
        });
        return item;
    }

    public SplitPane split() {
        return split;
    }
}
