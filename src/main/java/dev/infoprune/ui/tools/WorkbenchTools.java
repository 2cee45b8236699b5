package dev.infoprune.ui.tools;

import dev.infoprune.ui.compare.CompareController;
import dev.infoprune.ui.compare.CompareModel;
import dev.infoprune.ui.compare.CompareView;
import dev.infoprune.ui.export.ExportController;
import dev.infoprune.ui.export.ExportDialog;
import dev.infoprune.ui.export.ExportModel;
import dev.infoprune.ui.export.ExportSources;
import dev.infoprune.ui.finetune.FineTuneController;
import dev.infoprune.ui.finetune.FineTuneModel;
import dev.infoprune.ui.finetune.FineTuneView;
import dev.infoprune.ui.flows.FlowContext;
import dev.infoprune.ui.layout.Dividers;
import dev.infoprune.ui.flows.PrunedNetwork;
import dev.infoprune.ui.teach.TeachController;
import dev.infoprune.ui.teach.TeachModel;
import dev.infoprune.ui.teach.TeachPanel;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.ui.mipp.MippModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Adds the compare, fine-tune, export and teach views to the main window without the main window knowing them:
 * the network area becomes the first tab of a tab pane (Compare and Fine-tune are the others), the teach panel
 * docks under the inspector, and a Tools menu, File → Export…, View → Teach panel and toolbar buttons open them.
 */
public final class WorkbenchTools {
    static final double TEACH_DIVIDER = 0.55;

    private final FlowContext context;
    private final TabPane tabs = new TabPane();
    private final Tab networkTab;
    private final Tab compareTab;
    private final Tab fineTuneTab;
    private final CompareController compare;
    private final CompareView compareView;
    private final FineTuneController fineTune;
    private final ExportController export;
    private final TeachController teach;
    private final TeachPanel teachPanel;
    private final SplitPane side = new SplitPane();
    private final BooleanProperty teachShown = new SimpleBooleanProperty(this, "teachShown", true);
    private Function<Window, Optional<Path>> chooseFolder = WorkbenchTools::nativeFolderChooser;
    private ExportDialog openDialog;
    private Menu toolsMenu;
    private ToolBar toolBar;
    private Button exportButton;

    private WorkbenchTools(FlowContext context, Parent root, SplitPane split) {
        this.context = context;
        root.getStylesheets().add(Objects.requireNonNull(WorkbenchTools.class.getResource("/dev/infoprune/ui/tools.css")).toExternalForm());
        compare = new CompareController(new CompareModel(), context);
        compareView = new CompareView(compare);
        fineTune = new FineTuneController(new FineTuneModel(), context);
        export = new ExportController(new ExportModel(), context, new ExportSources() {
            @Override
            public ExperimentResult comparison() {
                return compare.model().resultProperty().get();
            }

            @Override
            public Node currentView() {
                return tabs.getSelectionModel().getSelectedItem().getContent();
            }
        });
        teach = new TeachController(new TeachModel(), context);
        teachPanel = new TeachPanel(teach.model());

        Node networkArea = split.getItems().get(0);
        if (networkArea.getId() == null) {
            networkArea.setId("networkArea");
        }
        networkTab = tab("tabNetwork", "Network", networkArea);
        compareTab = tab("tabCompare", "Compare", compareView);
        fineTuneTab = tab("tabFineTune", "Fine-tune", new FineTuneView(fineTune));
        tabs.setId("workbenchTabs");
        // the toolbar's view switch stands in for the tab headers, so the network keeps all its height
        tabs.getStyleClass().add("headerless-tabs");
        tabs.getTabs().addAll(networkTab, compareTab, fineTuneTab);
        split.getItems().set(0, tabs);

        int last = split.getItems().size() - 1;
        Node inspector = split.getItems().get(last);
        side.setId("sideDock");
        side.setOrientation(Orientation.VERTICAL);
        side.getItems().addAll(inspector, teachPanel);
        Dividers.keep(side, TEACH_DIVIDER);
        SplitPane.setResizableWithParent(side, false);
        split.getItems().set(last, side);
        teachShown.addListener((o, was, now) -> {
            if (now && !side.getItems().contains(teachPanel)) {
                side.getItems().add(teachPanel);
                side.setDividerPositions(TEACH_DIVIDER);
            } else if (!now) {
                side.getItems().remove(teachPanel);
            }
        });

        addMenus((MenuBar) root.lookup("#menuBar"));
        addButtons((ToolBar) root.lookup("#toolBar"));
    }

    /**
     * Installs the tools into a main window laid out as the workbench view is: {@code root} holds the menu bar
     * ({@code #menuBar}) and the toolbar ({@code #toolBar}); {@code split}'s first item is the network area and
     * its last the inspector.
     */
    public static WorkbenchTools install(FlowContext context, Parent root, SplitPane split) {
        return new WorkbenchTools(context, root, split);
    }

    private static Tab tab(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    private void addMenus(MenuBar menus) {
        if (menus == null) {
            return;
        }
        MenuItem network = item("menuNetwork", "Network view", "Shortcut+1", () -> tabs.getSelectionModel().select(networkTab));
        MenuItem compareItem = item("menuCompare", "Compare methods", "Shortcut+2", this::showCompare);
        MenuItem fineTuneItem = item("menuFineTune", "Fine-tune", "Shortcut+3", this::showFineTune);
        MenuItem exportItem = item("menuExport", "Export…", "Shortcut+E", this::openExport);
        Menu tools = new Menu("Tools", null, network, compareItem, fineTuneItem, new SeparatorMenuItem(), exportItem);
        tools.setId("toolsMenu");
        toolsMenu = tools;
        menus.getMenus().add(tools);
        for (Menu m : menus.getMenus()) {
            if ("View".equals(m.getText())) {
                CheckMenuItem teachItem = new CheckMenuItem("Teach panel");
                teachItem.setId("menuTeach");
                teachItem.setAccelerator(KeyCombination.keyCombination("F1"));
                teachItem.selectedProperty().bindBidirectional(teachPanelShownProperty());
                m.getItems().addAll(new SeparatorMenuItem(), teachItem);
            }
        }
    }

    private static MenuItem item(String id, String text, String keys, Runnable action) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setAccelerator(KeyCombination.keyCombination(keys));
        i.setOnAction(e -> action.run());
        return i;
    }

    /** Whether the teach panel is docked under the inspector. */
    public BooleanProperty teachPanelShownProperty() {
        return teachShown;
    }

    private void addButtons(ToolBar toolbar) {
        if (toolbar == null) {
            return;
        }
        toolBar = toolbar;
        ToggleGroup views = new ToggleGroup();
        ToggleButton networkButton = viewToggle("networkButton", "Network", "The network view and the MIPP stepper (Ctrl+1)", networkTab, views);
        ToggleButton compareButton = viewToggle("compareButton", "Compare", "Compare pruning methods side by side (Ctrl+2)", compareTab, views);
        ToggleButton fineTuneButton = viewToggle("fineTuneButton", "Fine-tune", "Fine-tune the network you work on (Ctrl+3)", fineTuneTab, views);
        views.selectToggle(networkButton);
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, tab) -> {
            for (var t : views.getToggles()) {
                if (t.getUserData() == tab) {
                    views.selectToggle(t);
                }
            }
        });
        // a view switch always has one view chosen
        views.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                views.selectToggle(was);
            }
        });
        exportButton = button("exportButton", "Export…", "Export model, ONNX, plan, trace, report, view (Ctrl+E)", this::openExport);
        ToggleButton teachButton = new ToggleButton("Teach");
        teachButton.setId("teachToggle");
        teachButton.setAccessibleHelp("Formulas and plain words for the score and the MIPP step (F1)");
        teachButton.selectedProperty().bindBidirectional(teachShown);
        HBox switcher = new HBox(networkButton, compareButton, fineTuneButton);
        switcher.setId("viewSwitch");
        switcher.getStyleClass().add("view-switch");
        toolbar.getItems().addAll(new Separator(), switcher, exportButton, teachButton);
    }

    private ToggleButton viewToggle(String id, String text, String tip, Tab tab, ToggleGroup group) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        // no tooltips on these: in a headless run an open tooltip swallowed the next click
        b.setAccessibleHelp(tip);
        b.setUserData(tab);
        b.setToggleGroup(group);
        b.setOnAction(e -> tabs.getSelectionModel().select(tab));
        return b;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setAccessibleHelp(tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    /**
     * Lets the teach panel follow the MIPP stepper (its current step and the confidence it decides at), and makes
     * the pruned network of a run that reached its end the network fine-tuning and export work on.
     */
    public void followMipp(MippModel mipp) {
        context.mippStepProperty().bind(mipp.currentProperty());
        context.mippConfidenceProperty().bind(Bindings.createDoubleBinding(() -> mipp.track() != null
                ? mipp.track().confidence() : mipp.form().confidenceProperty().get(), mipp.trackProperty(),
                mipp.form().confidenceProperty()));
        PrunedNetwork[] fromStepper = new PrunedNetwork[1];
        mipp.finishedProperty().addListener((o, was, now) -> {
            if (now != null && now.unpruned() == context.network().getValue()) {
                fromStepper[0] = new PrunedNetwork("mipp in the stepper (kept " + now.widths() + ")", now.unpruned(),
                        now.plan(), now.trace(), now.pruned());
                context.candidateProperty().set(fromStepper[0]);
            } else if (now == null && fromStepper[0] != null && context.candidateProperty().get() == fromStepper[0]) {
                // a new run replaces the finished one: its network is no longer what the stepper shows
                context.candidateProperty().set(null);
            }
        });
    }

    /**
     * Adds "Work on the pruned network" (menu and toolbar: the network worked on becomes the open model) and
     * "Back to the original network" (menu) to the window; the workbench does the switching.
     */
    public void addWorkOnActions(Consumer<PrunedNetwork> workOn, Runnable back, ObservableBooleanValue canGoBack) {
        var noCandidate = context.candidateProperty().isNull().or(context.runner().busyProperty());
        MenuItem work = item("menuWorkOnPruned", "Work on the pruned network", "Shortcut+Shift+W",
                () -> workOn(workOn));
        work.disableProperty().bind(noCandidate);
        MenuItem backItem = item("menuBackToOriginal", "Back to the original network", "Shortcut+Shift+B", back);
        backItem.disableProperty().bind(Bindings.not(canGoBack).or(context.runner().busyProperty()));
        if (toolsMenu != null) {
            toolsMenu.getItems().addAll(new SeparatorMenuItem(), work, backItem);
        }
        if (toolBar != null) {
            Button button = button("workOnPruned", "Work on pruned", "Make the pruned (or fine-tuned) network the open "
                    + "model: its scores are computed and it is drawn (Ctrl+Shift+W)", () -> workOn(workOn));
            button.disableProperty().bind(noCandidate);
            toolBar.getItems().add(toolBar.getItems().indexOf(exportButton), button);
        }
    }

    private void workOn(Consumer<PrunedNetwork> workOn) {
        PrunedNetwork c = context.candidateProperty().get();
        if (c != null) {
            workOn.accept(c);
        }
    }

    public void showCompare() {
        tabs.getSelectionModel().select(compareTab);
    }

    public void showFineTune() {
        tabs.getSelectionModel().select(fineTuneTab);
    }

    /** Opens the export dialog (not modal-blocking: the window keeps answering while it is open). */
    public ExportDialog openExport() {
        if (openDialog != null && openDialog.isShowing()) {
            return openDialog;
        }
        openDialog = new ExportDialog(export, context.owner(), chooseFolder);
        openDialog.show();
        return openDialog;
    }

    /** Replaces the folder chooser of the export dialog (tests answer it themselves). */
    public void setFolderChooser(Function<Window, Optional<Path>> chooser) {
        this.chooseFolder = chooser;
    }

    private static Optional<Path> nativeFolderChooser(Window owner) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export into folder");
        return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
    }

    public FlowContext context() {
        return context;
    }

    public CompareController compare() {
        return compare;
    }

    public CompareView compareView() {
        return compareView;
    }

    public FineTuneController fineTune() {
        return fineTune;
    }

    public ExportController export() {
        return export;
    }

    public TeachController teach() {
        return teach;
    }

    public TabPane tabs() {
        return tabs;
    }
}
