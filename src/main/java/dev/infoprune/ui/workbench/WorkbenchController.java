package dev.infoprune.ui.workbench;

import dev.infoprune.data.BundledDatasets;
import dev.infoprune.model.Network;
import dev.infoprune.ui.mipp.MippController;
import dev.infoprune.ui.task.TaskRunner;
import dev.infoprune.workspace.DataChoice;
import dev.infoprune.workspace.EstimatorChoice;
import dev.infoprune.workspace.ModelSource;
import dev.infoprune.workspace.ProbeScores;

import java.nio.file.Path;
import java.util.function.Consumer;

/** What the workbench's menus and toolbar do: each action runs its work through the {@link TaskRunner}. */
public final class WorkbenchController {
    private final WorkbenchModel model;
    private final TaskRunner runner;
    private final Consumer<String> remember;
    private final MippController mipp;
    private boolean recomputeWhenIdle;
    /** The model shown before the first "work on" (null: the open model is the one opened). */
    private final javafx.beans.property.ObjectProperty<LoadedModel> original =
            new javafx.beans.property.SimpleObjectProperty<>(this, "original");
    /** The comparisons of {@link #original}, shown again when going back to it. */
    private java.util.List<dev.infoprune.workspace.SessionComparison> originalComparisons = java.util.List.of();
    private boolean switching;

    public WorkbenchController(WorkbenchModel model, TaskRunner runner, Consumer<String> remember) {
        this.model = model;
        this.runner = runner;
        this.remember = remember;
        this.mipp = new MippController(model.mipp(), runner, model.networkProperty(), model.probeProperty(),
                model.dataChoiceProperty());
        // a model opened (or a session) any other way ends the going back
        model.networkProperty().addListener((o, was, now) -> {
            if (!switching) {
                original.set(null);
            }
        });
        runner.busyProperty().addListener((o, was, busy) -> {
            if (!busy && recomputeWhenIdle) {
                // after the ended task's own result handler, which may start work itself
                javafx.application.Platform.runLater(() -> {
                    if (recomputeWhenIdle && !runner.isBusy()) {
                        recomputeScores();
                    }
                });
            }
        });
    }

    /** The MIPP stepper's actions. */
    public MippController mipp() {
        return mipp;
    }

    public WorkbenchModel model() {
        return model;
    }

    public TaskRunner runner() {
        return runner;
    }

    /**
     * Opens what the user named: a model folder, an {@code .onnx} file (or a {@code model.json}) or a bundled
     * sample name ({@link dev.infoprune.model.ModelLocator}); on failure one message and the current model stays.
     */
    public void open(String pathOrSample) {
        String title = "Opening " + shortName(pathOrSample);
        runner.run(title, progress -> {
            progress.update("Reading " + pathOrSample, 0, 2);
            ModelSource source = ModelSource.of(pathOrSample);
            Network network = source.read();
            progress.update("Preparing the drawing", 1, 2);
            return LoadedModel.prepare(source, network);
        }, loaded -> {
            model.show(loaded);
            remember.accept(loaded.source().spec());
            String data = dataFor(loaded.network());
            if (data != null) {
                computeScores(data);
            }
        });
    }

    /**
     * Makes {@code network} (a pruned or fine-tuned network that exists only in the workbench) the open model:
     * it is drawn, its scores are computed on the data set of the scores shown, and a session embeds it. The
     * model open before the first such switch stays reachable through {@link #backToOriginal()}.
     *
     * @param note where it came from, for the model header and the session, e.g. "mipp in the stepper, from digits-mlp"
     */
    public void workOn(Network network, String note) {
        if (model.network() == null || runner.isBusy()) {
            runner.announce(model.network() == null ? "Open a model first" : "Wait for the running task to finish, or cancel it");
            return;
        }
        LoadedModel before = shownModel();
        var comparisons = java.util.List.copyOf(model.comparisons());
        runner.run("Preparing " + network.name(), progress -> {
            progress.update("Preparing the drawing of " + network.name(), 0, 1);
            return LoadedModel.prepare(ModelSource.embedded(note), network);
        }, loaded -> {
            boolean fromOriginal = original.get() == null;
            LoadedModel first = fromOriginal ? before : original.get();
            showSwitched(loaded);
            original.set(first);
            if (fromOriginal) {
                originalComparisons = comparisons;
            }
            runner.announce("Working on " + network.name() + " (" + note + ")");
        });
    }

    /**
     * Goes back to the model open before the first {@link #workOn}: its scores are computed again and its
     * comparison is shown again.
     */
    public void backToOriginal() {
        LoadedModel first = original.get();
        if (first == null || runner.isBusy()) {
            return;
        }
        showSwitched(first);
        original.set(null);
        model.comparisons().setAll(originalComparisons);
        originalComparisons = java.util.List.of();
    }

    /** Whether {@link #backToOriginal()} has a model to go back to. */
    public javafx.beans.binding.BooleanBinding canGoBackProperty() {
        return original.isNotNull();
    }

    private LoadedModel shownModel() {
        return new LoadedModel(model.modelSourceProperty().get(), model.network(), model.networkView().pictureProperty().get(),
                model.scores().stream().filter(ScoreViews::isWeightScore).toList());
    }

    /** Shows a prepared model and computes its scores on the data set chosen now. */
    private void showSwitched(LoadedModel loaded) {
        DataChoice data = model.dataChoiceProperty().get();
        switching = true;
        try {
            model.show(loaded);
        } finally {
            switching = false;
        }
        if (data != null) {
            computeScores(data);
        } else {
            String spec = dataFor(loaded.network());
            if (spec != null) {
                computeScores(spec);
            }
        }
    }

    /** Opens a model folder or an {@code .onnx} file. */
    public void openModel(Path path) {
        open(path.toString());
    }

    /** Opens a bundled sample model by name. */
    public void openSample(String name) {
        open(name);
    }

    /** The data set to score a newly opened model on: the one chosen before, else its card's bundled data set. */
    private String dataFor(Network network) {
        if (!model.dataSpecProperty().get().isEmpty()) {
            return model.dataSpecProperty().get();
        }
        String card = network.card().dataset();
        return card != null && BundledDatasets.isBundled(card) ? card : null;
    }

    /**
     * Loads a data set (bundled name, CSV file or IDX folder), captures the open model's activations on a probe
     * sample and estimates every node's information scores with the chosen estimator. Cancelling or failing
     * keeps the scores shown before.
     */
    public void computeScores(String dataSpec) {
        DataChoice current = model.dataChoiceProperty().get();
        computeScores(current != null && current.spec().equals(dataSpec) ? current : DataChoice.of(dataSpec));
    }

    public void computeScores(DataChoice data) {
        Network network = model.network();
        if (network == null) {
            runner.announce("Open a model first");
            return;
        }
        EstimatorChoice estimator = model.estimatorProperty().get();
        recomputeWhenIdle = false;
        runner.run("Computing scores on " + shortName(data.spec()) + " with " + estimator.name(),
                progress -> ProbeScores.compute(network, data, estimator, progress),
                result -> {
                    if (model.network() == network) {
                        model.showScores(data, result);
                    }
                });
    }

    /** Recomputes the scores on the data set chosen last. */
    public void recomputeScores() {
        DataChoice data = model.dataChoiceProperty().get();
        String spec = model.dataSpecProperty().get();
        if (data != null) {
            computeScores(data);
        } else if (!spec.isEmpty()) {
            computeScores(spec);
        } else {
            runner.announce("Choose a data set first (Data menu)");
        }
    }

    /**
     * Uses another estimator: the scores are recomputed at once (when a data set is chosen), or as soon as the
     * task running now ends.
     */
    public void chooseEstimator(EstimatorChoice choice) {
        if (choice.equals(model.estimatorProperty().get())) {
            return;
        }
        model.estimatorProperty().set(choice);
        if (model.dataChoiceProperty().get() == null && model.dataSpecProperty().get().isEmpty()) {
            runner.announce("Estimator " + choice.name() + " chosen; choose a data set to compute scores");
        } else if (runner.isBusy()) {
            recomputeWhenIdle = true;
            runner.announce("Scores will be recomputed with " + choice.name() + " when the current task ends");
        } else {
            recomputeScores();
        }
    }

    public void selectScore(String id) {
        var score = model.score(id);
        if (score != null) {
            model.networkView().scoreProperty().set(score);
        }
    }

    static String shortName(String spec) {
        int slash = Math.max(spec.lastIndexOf('/'), spec.lastIndexOf('\\'));
        return slash < 0 || slash == spec.length() - 1 ? spec : spec.substring(slash + 1);
    }
}
