package dev.infoprune.ui.export;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.Network;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.ui.flows.PrunedNetwork;
import dev.infoprune.ui.flows.WorkingNetwork;
import dev.infoprune.ui.task.ErrorReporter;
import dev.infoprune.ui.task.ProgressTask;
import dev.infoprune.ui.task.TaskRunner;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fills the export model from what the workbench has (the network worked on, its plan and trace, the last
 * comparison, the view on screen), checks the target, and writes the chosen artefacts on the task runner.
 */
public final class ExportController {
    private final ExportModel model;
    private final WorkingNetwork working;
    private final TaskRunner runner;
    private final ErrorReporter errors;
    private final ExportSources sources;

    public ExportController(ExportModel model, WorkingNetwork working, TaskRunner runner, ErrorReporter errors,
                            ExportSources sources) {
        this.model = model;
        this.working = working;
        this.runner = runner;
        this.errors = errors;
        this.sources = sources;
    }

    public ExportModel model() {
        return model;
    }

    /** Says, per artefact, what would be written now; called when the dialog opens. */
    public void refresh() {
        Network open = working.open().getValue();
        PrunedNetwork c = working.candidateProperty().get();
        Network network = working.network();
        String what = c != null ? c.label() : open == null ? null : open.name() + " as opened (not pruned)";
        set(Artefact.MODEL_FOLDER, network != null, what != null ? what : "no network open");
        set(Artefact.ONNX, network != null, what != null ? what : "no network open");
        set(Artefact.PLAN, c != null && c.plan() != null, c != null && c.plan() != null
                ? "the plan of " + c.label() : "no plan yet: work on a row of a comparison (or run MIPP) first");
        set(Artefact.TRACE, c != null && c.trace() != null, c != null && c.trace() != null
                ? c.trace().steps().size() + " decisions of " + c.label() : "no MIPP trace: work on a MIPP result first");
        ExperimentResult r = sources.comparison();
        set(Artefact.REPORT, r != null, r != null ? r.results().size() + " results on " + r.dataset()
                : "no comparison yet: run one in the Compare tab");
        set(Artefact.VIEW_PNG, sources.currentView() != null, "the " + viewName() + " tab as it is on screen");
        if (network != null) {
            model.nameProperty().set(network.name());
        }
    }

    private String viewName() {
        Node v = sources.currentView();
        return v == null || v.getId() == null ? "current" : v.getId().replace("View", "").replace("Area", "");
    }

    private void set(Artefact a, boolean available, String source) {
        model.available(a).set(available);
        model.source(a).set(source);
    }

    /** The files and folders in the target that an export would replace. */
    public List<String> wouldReplace() {
        List<String> out = new ArrayList<>();
        try {
            Path folder = ExportTarget.folder(model.folderProperty().get());
            String name = ExportTarget.name(model.nameProperty().get());
            for (Artefact a : model.chosen()) {
                if (Files.exists(folder.resolve(a.fileName(name)))) {
                    out.add(a.fileName(name));
                }
            }
        } catch (BadInputException e) {
            return List.of();
        }
        return out;
    }

    /**
     * Checks the target and starts writing. A bad target or nothing to write is reported to the user and
     * nothing is written; returns null then, else the task.
     */
    public ProgressTask<List<Path>> export() {
        Path folder;
        String name;
        Set<Artefact> chosen = model.chosen();
        try {
            folder = ExportTarget.folder(model.folderProperty().get());
            name = ExportTarget.name(model.nameProperty().get());
            if (chosen.isEmpty()) {
                throw new BadInputException("export", "nothing chosen to export");
            }
        } catch (BadInputException e) {
            errors.report("Cannot export", e.getMessage(), e);
            return null;
        }
        if (runner.isBusy()) {
            errors.report("Cannot export", "another task is running: wait for it or cancel it", null);
            return null;
        }
        PrunedNetwork c = working.candidateProperty().get();
        BufferedImage view = chosen.contains(Artefact.VIEW_PNG) ? render(sources.currentView()) : null;
        ExportJob job = new ExportJob(folder, name, chosen, working.network(),
                c != null ? c.unpruned() : null, c != null ? c.plan() : null, c != null ? c.trace() : null,
                sources.comparison(), view);
        return runner.run("Exporting to " + folder, job::run,
                written -> runner.announce("Exported " + written.size() + " item" + (written.size() == 1 ? "" : "s")
                        + " to " + folder));
    }

    /** Renders a node on the FX thread (snapshots must be taken there); the encoding happens in the task. */
    private static BufferedImage render(Node node) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        WritableImage image = node.snapshot(p, null);
        return SwingFXUtils.fromFXImage(image, null);
    }
}
