package dev.infoprune.ui.workbench;

import dev.infoprune.ui.layout.Dividers;
import dev.infoprune.ui.estimator.EstimatorChooser;
import dev.infoprune.ui.inspector.InspectorView;
import dev.infoprune.ui.mipp.MippDecisionView;
import dev.infoprune.ui.mipp.MippView;
import dev.infoprune.ui.network.NetworkView;
import dev.infoprune.ui.network.NodeScore;
import dev.infoprune.ui.network.ScoreLegend;
import dev.infoprune.ui.task.StatusBar;
import dev.infoprune.ui.tools.ToolsView;
import dev.infoprune.ui.tools.WorkbenchTools;
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

/**
 * The main window's layout: menus, toolbar, model header, network view with legend, inspector, status bar; and,
 * placed where they belong, the tools' views (switched with the network view), their menus, toolbar buttons and
 * the teach panel under the inspector.
 */
public final class WorkbenchView extends BorderPane {
    private final NetworkView networkView;
    private final SplitPane split;
    private final Menu recentMenu = new Menu("Open recent");
    private final MippView mippView;
    private final SplitPane centreSplit;
    private final ToolsView toolsView;

    private final EstimatorChooser estimatorChooser = new EstimatorChooser();

    /** @param tools the compare, fine-tune, export and teach tools, whose views and actions this view places */
    public WorkbenchView(WorkbenchController controller, SessionController sessions, WorkbenchTools tools, FileDialogs dialogs,
                         Supplier<List<String>> recent) {
        WorkbenchModel model = controller.model();
        setId("workbench");
        getStylesheets().add(ToolsView.styleSheet());
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
        // Both panes follow the window; a fixed-size stepper kept its first preferred height and squeezed the
        // network to a strip.
        mippView.setMinHeight(120);
        Dividers.keep(centreSplit, 0.6);
        VBox centre = new VBox(header(model), centreSplit);
        VBox.setVgrow(centreSplit, javafx.scene.layout.Priority.ALWAYS);
        InspectorView inspector = new InspectorView(model.networkView(), model.networkProperty(), model.probeProperty());
        ScrollPane inspectorScroll = new ScrollPane(new VBox(inspector, new MippDecisionView(model.mipp())));
        inspectorScroll.setFitToWidth(true);
        inspectorScroll.setMinWidth(280);
        inspectorScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        toolsView = new ToolsView(tools, centre, inspectorScroll);
        split = new SplitPane(toolsView.tabs(), toolsView.sideDock());

        recentMenu.setId("recentMenu");
        recentMenu.setOnShowing(e -> fillRecent(controller, sessions, recent.get()));
        fillRecent(controller, sessions, recent.get());
        setTop(new VBox(menus(controller, sessions, dialogs), toolbar(controller, dialogs), scoreBar(controller, dialogs)));
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

    private MenuBar menus(WorkbenchController controller, SessionController sessions, FileDialogs dialogs) {
        MenuItem open = new MenuItem("Open model…");
        open.setId("openModel");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> dialogs.chooseModelFile(getScene().getWindow()).ifPresent(controller::openModel));
        MenuItem openFolder = new MenuItem("Open model folder…");
        openFolder.setId("openModelFolder");
        openFolder.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        openFolder.setOnAction(e -> dialogs.chooseModelFolder(getScene().getWindow()).ifPresent(controller::openModel));
        Menu samples = new Menu("Open sample");
        samples.setId("sampleMenu");
        for (String s : dev.infoprune.model.SampleModels.names()) {
            MenuItem item = new MenuItem(s);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> controller.openSample(s));
            samples.getItems().add(item);
        }
        MenuItem openSession = new MenuItem("Open session…");
        openSession.setId("openSession");
        openSession.setOnAction(e -> dialogs.chooseSessionToOpen(getScene().getWindow()).ifPresent(p -> sessions.open(p, true)));
        MenuItem save = new MenuItem("Save session");
        save.setId("saveSession");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> sessions.save(dialogs, getScene().getWindow()));
        MenuItem saveAs = new MenuItem("Save session as…");
        saveAs.setId("saveSessionAs");
        saveAs.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        saveAs.setOnAction(e -> sessions.saveAs(dialogs, getScene().getWindow()));
        save.disableProperty().bind(controller.model().networkProperty().isNull());
        saveAs.disableProperty().bind(controller.model().networkProperty().isNull());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> getScene().getWindow().hide());
        Menu file = new Menu("File", null, open, openFolder, samples, recentMenu, new SeparatorMenuItem(),
                openSession, save, saveAs, new SeparatorMenuItem(), quit);
        file.setId("fileMenu");

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
                mippToggle(), new SeparatorMenuItem(), toolsView.teachMenuItem());
        Menu data = new Menu("Data");
        data.setId("dataMenu");
        data.getItems().addAll(dataItems(controller, dialogs));
        MenuItem compute = new MenuItem("Compute scores");
        compute.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        compute.setOnAction(e -> controller.recomputeScores());
        data.getItems().addAll(new SeparatorMenuItem(), compute);
        MenuBar bar = new MenuBar(file, data, view, toolsView.toolsMenu());
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
        open.setTooltip(new javafx.scene.control.Tooltip("Open an ONNX file or a model folder's model.json (Ctrl+O)"));
        open.setOnAction(e -> dialogs.chooseModelFile(getScene().getWindow()).ifPresent(controller::openModel));
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
        ToolBar bar = new ToolBar(open, new javafx.scene.control.Separator(), new Label("Colour by"), score, edges, fit);
        bar.getItems().addAll(toolsView.toolbarItems());
        bar.setId("toolBar");
        return bar;
    }

    /** The second row: which data set and estimator the information scores come from, and Compute. */
    private ToolBar scoreBar(WorkbenchController controller, FileDialogs dialogs) {
        WorkbenchModel model = controller.model();
        javafx.scene.control.MenuButton data = new javafx.scene.control.MenuButton();
        data.setId("dataButton");
        data.textProperty().bind(model.dataSpecProperty().map(d -> d.isEmpty() ? "Data set…" : "Data: " + WorkbenchController.shortName(d)));
        data.getItems().addAll(dataItems(controller, dialogs));
        estimatorChooser.setValue(model.estimatorProperty().get());
        estimatorChooser.valueProperty().addListener((o, a, choice) -> controller.chooseEstimator(choice));
        model.estimatorProperty().addListener((o, a, choice) -> estimatorChooser.setValue(choice));
        Label problem = new Label();
        problem.setId("estimatorProblem");
        problem.getStyleClass().add("estimator-problem");
        problem.textProperty().bind(estimatorChooser.problemProperty());
        Button compute = new Button("Compute scores");
        compute.setId("computeScores");
        compute.setOnAction(e -> controller.recomputeScores());
        compute.disableProperty().bind(controller.runner().busyProperty().or(model.dataSpecProperty().isEmpty()));
        ToolBar bar = new ToolBar(data, new javafx.scene.control.Separator(), estimatorChooser, compute, problem);
        bar.setId("scoreBar");
        return bar;
    }

    private void fillRecent(WorkbenchController controller, SessionController sessions, List<String> recent) {
        ObservableList<MenuItem> items = recentMenu.getItems();
        items.clear();
        for (String r : recent) {
            MenuItem item = new MenuItem(r);
            item.setMnemonicParsing(false);
            if (r.endsWith(dev.infoprune.workspace.SessionFiles.EXTENSION)) {
                item.setOnAction(e -> sessions.open(java.nio.file.Path.of(r), true));
            } else {
                item.setOnAction(e -> controller.open(r));
            }
            items.add(item);
        }
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            items.add(none);
        }
    }

    /** The estimator chooser of the score bar. */
    public EstimatorChooser estimatorChooser() {
        return estimatorChooser;
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
                centreSplit.setDividerPositions(0.6);
            } else if (!on) {
                centreSplit.getItems().remove(mippView);
            }
        });
        return item;
    }

    /** The views switched between (network, compare, fine-tune) and the side dock. */
    public ToolsView toolsView() {
        return toolsView;
    }

    public SplitPane split() {
        return split;
    }
}
