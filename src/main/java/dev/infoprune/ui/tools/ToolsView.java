package dev.infoprune.ui.tools;

import dev.infoprune.ui.layout.Dividers;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Lays out what the tools offer, for the workbench's view to place: the views to switch between as headerless
 * tabs (the toolbar's view switch stands in for the tab headers, so the network keeps all its height), the side
 * dock with the inspector over the teach panel, the Tools menu, the teach item of the View menu and the
 * toolbar's items. Only lays out and binds: which view is shown and whether the teach panel is docked live in
 * {@link WorkbenchTools}.
 */
public final class ToolsView {
    static final double TEACH_DIVIDER = 0.55;

    private final WorkbenchTools tools;
    private final List<ToolPlace> places;
    private final TabPane tabs = new TabPane();
    private final SplitPane side = new SplitPane();

    /**
     * @param networkArea the network view with the MIPP stepper, the first of the views switched between
     * @param inspector   what the teach panel docks under
     */
    public ToolsView(WorkbenchTools tools, Node networkArea, Node inspector) {
        this.tools = tools;
        places = new ArrayList<>();
        places.add(WorkbenchTools.networkPlace(networkArea));
        places.addAll(tools.places());
        tabs.setId("workbenchTabs");
        tabs.getStyleClass().add("headerless-tabs");
        for (ToolPlace p : places) {
            Tab t = new Tab(p.title(), p.content());
            t.setId(p.tabId());
            t.setClosable(false);
            t.setUserData(p.key());
            tabs.getTabs().add(t);
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, tab) -> tools.shownProperty().set((String) tab.getUserData()));
        tools.shownProperty().addListener((o, was, key) -> select(key));
        select(tools.shownProperty().get());

        side.setId("sideDock");
        side.setOrientation(Orientation.VERTICAL);
        side.getItems().add(inspector);
        SplitPane.setResizableWithParent(side, false);
        showTeachPanel(tools.teachPanelShownProperty().get());
        Dividers.keep(side, TEACH_DIVIDER);
        tools.teachPanelShownProperty().addListener((o, was, now) -> showTeachPanel(now));
    }

    /** The style sheet of the tools' views, for the scene that shows them. */
    public static String styleSheet() {
        return Objects.requireNonNull(ToolsView.class.getResource("/dev/infoprune/ui/tools.css")).toExternalForm();
    }

    private void select(String key) {
        tabs.getTabs().stream().filter(t -> t.getUserData().equals(key)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private void showTeachPanel(boolean shown) {
        Node panel = tools.teachPanel();
        if (shown && !side.getItems().contains(panel)) {
            side.getItems().add(panel);
            side.setDividerPositions(TEACH_DIVIDER);
        } else if (!shown) {
            side.getItems().remove(panel);
        }
    }

    /** The views switched between. */
    public TabPane tabs() {
        return tabs;
    }

    /** The view on screen now. */
    public Node shownContent() {
        return tabs.getSelectionModel().getSelectedItem().getContent();
    }

    /** The inspector, with the teach panel under it while that is shown. */
    public SplitPane sideDock() {
        return side;
    }

    /** Tools: the view switch, then the tools' actions. */
    public Menu toolsMenu() {
        Menu menu = new Menu("Tools");
        menu.setId("toolsMenu");
        for (ToolPlace p : places) {
            menu.getItems().add(menuItem(new ToolAction(p.menuId(), p.menuText(), p.keys(), null,
                    () -> tools.shownProperty().set(p.key()), null)));
        }
        for (List<ToolAction> group : tools.menuActions()) {
            menu.getItems().add(new SeparatorMenuItem());
            group.forEach(a -> menu.getItems().add(menuItem(a)));
        }
        return menu;
    }

    /** For the View menu: shows or hides the teach panel (F1). */
    public CheckMenuItem teachMenuItem() {
        CheckMenuItem item = new CheckMenuItem("Teach panel");
        item.setId("menuTeach");
        item.setAccelerator(KeyCombination.keyCombination("F1"));
        item.selectedProperty().bindBidirectional(tools.teachPanelShownProperty());
        return item;
    }

    /** For the toolbar: the view switch, the tools' buttons and the teach toggle. */
    public List<Node> toolbarItems() {
        ToggleGroup group = new ToggleGroup();
        HBox switcher = new HBox();
        switcher.setId("viewSwitch");
        switcher.getStyleClass().add("view-switch");
        for (ToolPlace p : places) {
            ToggleButton b = new ToggleButton(p.title());
            b.setId(p.buttonId());
            // no tooltips on these: in a headless run an open tooltip swallowed the next click
            b.setAccessibleHelp(p.tip());
            b.setUserData(p.key());
            b.setToggleGroup(group);
            b.setOnAction(e -> tools.shownProperty().set(p.key()));
            switcher.getChildren().add(b);
        }
        Runnable follow = () -> group.getToggles().stream().filter(t -> t.getUserData().equals(tools.shownProperty().get()))
                .findFirst().ifPresent(group::selectToggle);
        follow.run();
        tools.shownProperty().addListener((o, was, key) -> follow.run());
        // a view switch always has one view chosen
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                group.selectToggle(was);
            }
        });
        List<Node> items = new ArrayList<>(List.of(new Separator(), switcher));
        tools.toolbarActions().forEach(a -> items.add(button(a)));
        ToggleButton teach = new ToggleButton("Teach");
        teach.setId("teachToggle");
        teach.setAccessibleHelp("Formulas and plain words for the score and the MIPP step (F1)");
        teach.selectedProperty().bindBidirectional(tools.teachPanelShownProperty());
        items.add(teach);
        return items;
    }

    private static MenuItem menuItem(ToolAction a) {
        MenuItem i = new MenuItem(a.text());
        i.setId(a.id());
        if (a.keys() != null) {
            i.setAccelerator(KeyCombination.keyCombination(a.keys()));
        }
        i.setOnAction(e -> a.action().run());
        if (a.disabled() != null) {
            i.disableProperty().bind(a.disabled());
        }
        return i;
    }

    private static Button button(ToolAction a) {
        Button b = new Button(a.text());
        b.setId(a.id());
        b.setAccessibleHelp(a.tip());
        b.setOnAction(e -> a.action().run());
        if (a.disabled() != null) {
            b.disableProperty().bind(a.disabled());
        }
        return b;
    }
}
