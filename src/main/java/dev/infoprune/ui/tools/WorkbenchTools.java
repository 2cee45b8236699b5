package dev.infoprune.ui.tools;

import dev.infoprune.study.ExperimentResult;
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
import dev.infoprune.ui.flows.MippOnScreen;
import dev.infoprune.ui.flows.OpenModel;
import dev.infoprune.ui.flows.PrunedNetwork;
import dev.infoprune.ui.flows.WorkingNetwork;
import dev.infoprune.ui.mipp.MippModel;
import dev.infoprune.ui.task.ErrorReporter;
import dev.infoprune.ui.task.TaskRunner;
import dev.infoprune.ui.teach.TeachController;
import dev.infoprune.ui.teach.TeachModel;
import dev.infoprune.ui.teach.TeachPanel;
import dev.infoprune.workspace.SessionComparison;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The parent of the compare, fine-tune, export and teach tools: creates their controllers and views, and offers
 * the window what it places: the views to switch to ({@link #places()}), the Tools menu's and the toolbar's
 * actions, and the teach panel with whether it is shown. Which view is on screen is {@link #shownProperty()}.
 */
public final class WorkbenchTools {
    public static final String NETWORK = "network";
    public static final String COMPARE = "compare";
    public static final String FINE_TUNE = "fineTune";

    private final OpenModel open;
    private final WorkingNetwork working;
    private final MippOnScreen mippOnScreen = new MippOnScreen();
    private final Supplier<Window> owner;
    private final CompareController compare;
    private final CompareView compareView;
    private final FineTuneController fineTune;
    private final FineTuneView fineTuneView;
    private final ExportController export;
    private final TeachController teach;
    private final TeachPanel teachPanel;
    private final ObjectProperty<String> shown = new SimpleObjectProperty<>(this, "shown", NETWORK);
    private final BooleanProperty teachShown = new SimpleBooleanProperty(this, "teachShown", true);
    private final ToolAction workOn;
    private final ToolAction back;
    private Function<Window, Optional<Path>> chooseFolder = WorkbenchTools::nativeFolderChooser;
    private ExportDialog openDialog;

    /**
     * @param comparisons  the comparisons the session keeps for the open network
     * @param owner        the window the export dialog belongs to
     * @param shownContent the view on screen now (what View export writes)
     * @param networkSwitch how the window makes a pruned network the open model, and goes back
     */
    public WorkbenchTools(OpenModel open, ObservableList<SessionComparison> comparisons, TaskRunner runner, ErrorReporter errors,
                          Supplier<Window> owner, Supplier<Node> shownContent, NetworkSwitch networkSwitch) {
        this.open = open;
        this.owner = owner;
        working = new WorkingNetwork(open.network());
        compare = new CompareController(new CompareModel(), open, working, comparisons, runner, errors);
        compareView = new CompareView(compare);
        fineTune = new FineTuneController(new FineTuneModel(), working, open.dataSpec(), runner, errors);
        fineTuneView = new FineTuneView(fineTune);
        export = new ExportController(new ExportModel(), working, runner, errors, new ExportSources() {
            @Override
            public ExperimentResult comparison() {
                return compare.model().resultProperty().get();
            }

            @Override
            public Node currentView() {
                return shownContent.get();
            }
        });
        teach = new TeachController(new TeachModel(), open.view(), mippOnScreen);
        teachPanel = new TeachPanel(teach.model());
        var noCandidate = working.candidateProperty().isNull().or(runner.busyProperty());
        this.workOn = ToolAction.menu("menuWorkOnPruned", "Work on the pruned network", "Shortcut+Shift+W",
                () -> workOnCandidate(networkSwitch.workOn())).disabledWhen(noCandidate);
        this.back = ToolAction.menu("menuBackToOriginal", "Back to the original network", "Shortcut+Shift+B", networkSwitch.back())
                .disabledWhen(Bindings.not(networkSwitch.canGoBack()).or(runner.busyProperty()));
    }

    /** The views the tools add beside the network view: Compare and Fine-tune. */
    public List<ToolPlace> places() {
        return List.of(
                new ToolPlace(COMPARE, "Compare", "Compare methods", "Shortcut+2", "Compare pruning methods side by side (Ctrl+2)", compareView),
                new ToolPlace(FINE_TUNE, "Fine-tune", "Fine-tune", "Shortcut+3", "Fine-tune the network you work on (Ctrl+3)", fineTuneView));
    }

    /** The place of the network view (its content is the window's own). */
    public static ToolPlace networkPlace(Node networkArea) {
        return new ToolPlace(NETWORK, "Network", "Network view", "Shortcut+1", "The network view and the MIPP stepper (Ctrl+1)", networkArea);
    }

    /** The Tools menu's actions after the view switch, in groups (a separator between groups). */
    public List<List<ToolAction>> menuActions() {
        return List.of(List.of(ToolAction.menu("menuExport", "Export…", "Shortcut+E", this::openExport)), List.of(workOn, back));
    }

    /** The toolbar's buttons after the view switch. */
    public List<ToolAction> toolbarActions() {
        return List.of(
                ToolAction.button("workOnPruned", "Work on pruned", "Make the pruned (or fine-tuned) network the open "
                        + "model: its scores are computed and it is drawn (Ctrl+Shift+W)", workOn.action()).disabledWhen(workOn.disabled()),
                ToolAction.button("exportButton", "Export…", "Export model, ONNX, plan, trace, report, view (Ctrl+E)", this::openExport));
    }

    /** The key of the view on screen: {@link #NETWORK}, {@link #COMPARE} or {@link #FINE_TUNE}. */
    public ObjectProperty<String> shownProperty() {
        return shown;
    }

    /** Whether the teach panel is docked under the inspector. */
    public BooleanProperty teachPanelShownProperty() {
        return teachShown;
    }

    public TeachPanel teachPanel() {
        return teachPanel;
    }

    /**
     * Lets the teach panel follow the MIPP stepper (its current step and the confidence it decides at), and makes
     * the pruned network of a run that reached its end the network fine-tuning and export work on.
     */
    public void followMipp(MippModel mipp) {
        mippOnScreen.stepProperty().bind(mipp.currentProperty());
        mippOnScreen.confidenceProperty().bind(Bindings.createDoubleBinding(() -> mipp.track() != null
                ? mipp.track().confidence() : mipp.form().confidenceProperty().get(), mipp.trackProperty(),
                mipp.form().confidenceProperty()));
        PrunedNetwork[] fromStepper = new PrunedNetwork[1];
        mipp.finishedProperty().addListener((o, was, now) -> {
            if (now != null && now.unpruned() == open.network().getValue()) {
                fromStepper[0] = new PrunedNetwork("mipp in the stepper (kept " + now.widths() + ")", now.unpruned(),
                        now.plan(), now.trace(), now.pruned());
                working.candidateProperty().set(fromStepper[0]);
            } else if (now == null && fromStepper[0] != null && working.candidateProperty().get() == fromStepper[0]) {
                // a new run replaces the finished one: its network is no longer what the stepper shows
                working.candidateProperty().set(null);
            }
        });
    }

    private void workOnCandidate(Consumer<PrunedNetwork> workOn) {
        PrunedNetwork c = working.candidateProperty().get();
        if (c != null) {
            workOn.accept(c);
        }
    }

    public void showCompare() {
        shown.set(COMPARE);
    }

    public void showFineTune() {
        shown.set(FINE_TUNE);
    }

    /** Opens the export dialog (not modal-blocking: the window keeps answering while it is open). */
    public ExportDialog openExport() {
        if (openDialog != null && openDialog.isShowing()) {
            return openDialog;
        }
        openDialog = new ExportDialog(export, owner.get(), chooseFolder);
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

    /** The network fine-tuning and export work on, and the pruned one being worked on. */
    public WorkingNetwork workingNetwork() {
        return working;
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
}
