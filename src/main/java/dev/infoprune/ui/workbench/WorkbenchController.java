package dev.infoprune.ui.workbench;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.ui.mipp.MippController;
import dev.infoprune.ui.task.TaskRunner;

import java.nio.file.Path;
import java.util.function.Consumer;

/** What the workbench's menus and toolbar do: each action runs its work through the {@link TaskRunner}. */
public final class WorkbenchController {
    private final WorkbenchModel model;
    private final TaskRunner runner;
    private final Consumer<String> remember;
    private final MippController mipp;

    public WorkbenchController(WorkbenchModel model, TaskRunner runner, Consumer<String> remember) {
        this.model = model;
        this.runner = runner;
        this.remember = remember;
        this.mipp = new MippController(model.mipp(), runner, model.networkProperty(), model.probeProperty());
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

    /** Opens a model folder; on failure the current model stays. */
    public void openModelFolder(Path folder) {
        runner.run("Opening " + folder.getFileName(), progress -> {
            progress.update("Reading " + folder, 0, 2);
            var network = ModelFolder.read(folder);
            progress.update("Preparing the drawing", 1, 2);
            return LoadedModel.prepare(folder.toString(), network);
        }, loaded -> {
            model.show(loaded);
            remember.accept(folder.toString());
            String data = dataFor(loaded.network());
            if (data != null) {
                computeScores(data);
            }
        });
    }

    /** The data set to score a newly opened model on: the one chosen before, else its card's bundled data set. */
    private String dataFor(dev.infoprune.model.Network network) {
        if (!model.dataSpecProperty().get().isEmpty()) {
            return model.dataSpecProperty().get();
        }
        String card = network.card().dataset();
        return card != null && dev.infoprune.data.BundledDatasets.isBundled(card) ? card : null;
    }

    /**
     * Loads a data set (bundled name, CSV file or IDX folder), captures the open model's activations on a probe
     * sample and estimates every node's information scores. Cancelling or failing keeps the scores shown before.
     */
    public void computeScores(String dataSpec) {
        var network = model.network();
        if (network == null) {
            runner.announce("Open a model first");
            return;
        }
        var settings = ScoreComputation.Settings.DEFAULT;
        runner.run("Computing scores on " + dataSpec, progress -> ScoreComputation.compute(network, dataSpec, settings, progress),
                result -> {
            if (model.network() == network) {
                model.showScores(dataSpec, result);
            }
        });
    }

    /** Recomputes the scores on the data set chosen last. */
    public void recomputeScores() {
        String spec = model.dataSpecProperty().get();
        if (spec.isEmpty()) {
            runner.announce("Choose a data set first (Data menu)");
        } else {
            computeScores(spec);
        }
    }

    /** Opens a bundled sample model by name. */
    public void openSample(String name) {
        Path folder = SampleModels.find(name).orElse(null);
        if (folder == null) {
            runner.run("Opening sample " + name, progress -> {
                throw new BadInputException(name, "no such bundled sample model (looked in sample-models/)");
            }, x -> {
            });
            return;
        }
        openModelFolder(folder);
    }

    /** Opens what a recent-files entry or a command-line argument names: a folder path or a sample name. */
    public void open(String pathOrSample) {
        Path p = Path.of(pathOrSample);
        if (ModelFolder.isModelFolder(p)) {
            openModelFolder(p);
        } else if (SampleModels.find(pathOrSample).isPresent()) {
            openSample(pathOrSample);
        } else {
            openModelFolder(p);
        }
    }

    public void selectScore(String id) {
        var score = model.score(id);
        if (score != null) {
            model.networkView().scoreProperty().set(score);
        }
    }
}
