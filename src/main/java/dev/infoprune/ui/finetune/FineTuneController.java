package dev.infoprune.ui.finetune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.EpochResult;
import dev.infoprune.engine.Evaluation;
import dev.infoprune.engine.Inference;
import dev.infoprune.engine.Trainer;
import dev.infoprune.engine.TrainingConfig;
import dev.infoprune.model.Network;
import dev.infoprune.ui.flows.PrunedNetwork;
import dev.infoprune.ui.flows.StudyData;
import dev.infoprune.ui.flows.WorkingNetwork;
import dev.infoprune.ui.task.ErrorReporter;
import dev.infoprune.ui.task.ProgressTask;
import dev.infoprune.ui.task.TaskRunner;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.concurrent.Worker;

import java.util.List;
import java.util.Locale;

/**
 * Fine-tunes the network being worked on (the pruned one when there is one, else the open network) with the
 * engine's {@link Trainer} on the task runner. Loss and accuracy reach the model through a throttled feed; a
 * finished run replaces the network being worked on with the fine-tuned one, a cancelled or failed run leaves it
 * as it was.
 */
public final class FineTuneController {
    static final long FEED_INTERVAL_MS = 100;
    /** About this many loss points per run, whatever the number of batches. */
    static final int LOSS_POINTS = 600;

    private final FineTuneModel model;
    private final WorkingNetwork working;
    private final ObservableValue<String> dataSpec;
    private final TaskRunner runner;
    private final ErrorReporter errors;
    private ThrottledTrainingFeed currentFeed;

    /** @param dataSpec the data set chosen in the main window, which fine-tuning trains on */
    public FineTuneController(FineTuneModel model, WorkingNetwork working, ObservableValue<String> dataSpec,
                              TaskRunner runner, ErrorReporter errors) {
        this.model = model;
        this.working = working;
        this.dataSpec = dataSpec;
        this.runner = runner;
        this.errors = errors;
        model.training().followCardSeed(working.open());
    }

    public FineTuneModel model() {
        return model;
    }

    public WorkingNetwork working() {
        return working;
    }

    public TaskRunner runner() {
        return runner;
    }

    /** What the next run starts from, in words. */
    public static String describe(PrunedNetwork candidate, Network open) {
        if (candidate != null) {
            return candidate.label() + " (" + candidate.network().parameterCount() + " parameters)";
        }
        return open == null ? "no network open" : "the open network, " + open.name() + " (not pruned)";
    }

    private record Outcome(Evaluation before, Network tuned, List<EpochResult> history, Evaluation after, double seconds) {
    }

    /** Starts fine-tuning; returns the task, or null when nothing could start. */
    public ProgressTask<?> start() {
        Network open = working.open().getValue();
        PrunedNetwork candidate = working.candidateProperty().get();
        Network start = working.network();
        if (start == null) {
            runner.announce("Open a model first");
            return null;
        }
        if (runner.isBusy()) {
            runner.announce("Wait for the running task to finish, or cancel it");
            return null;
        }
        int epochs = model.training().epochsProperty().get();
        double lr = model.training().learningRateProperty().get();
        try {
            if (epochs < 1) {
                throw new BadInputException("epochs", "fine-tune for at least 1 epoch, got " + epochs);
            }
            if (!(lr > 0)) {
                throw new BadInputException("learning rate", "must be above 0, got " + lr);
            }
        } catch (BadInputException e) {
            errors.report("Cannot fine-tune", e.getMessage(), e);
            return null;
        }
        long seed = model.training().seedProperty().get();
        int maxTrain = model.training().trainSamplesProperty().get();
        String chosen = dataSpec.getValue();
        String label = candidate != null ? candidate.label() : open.name();
        TrainingConfig config = TrainingConfig.adam(epochs, seed).withLearningRate(lr);

        model.losses().clear();
        model.history().clear();
        model.beforeProperty().set(null);
        model.afterProperty().set(null);
        model.runningProperty().set(true);
        model.statusProperty().set("Fine-tuning " + label + "…");
        ThrottledTrainingFeed feed = newFeed();
        @SuppressWarnings("unchecked")
        ProgressTask<Outcome>[] task = new ProgressTask[1];
        task[0] = runner.run("Fine-tuning " + label, progress -> {
            long t0 = System.nanoTime();
            String spec = StudyData.specFor(chosen, open);
            progress.update("Reading " + spec, 0, 1);
            Splits splits = StudyData.resolve(spec, seed, 0, maxTrain);
            Evaluation before = Inference.evaluate(start, splits.test(), progress.slice(0, 0.03));
            Platform.runLater(() -> {
                if (currentFeed == feed) {
                    model.beforeProperty().set(before);
                }
            });
            var result = Trainer.train(start, splits.train(), splits.test(), config, feed, progress.slice(0.03, 0.97));
            feed.flush();
            Evaluation after = Inference.evaluate(result.network(), splits.test(), progress.slice(0.97, 1));
            return new Outcome(before, result.network(), result.history(), after, (System.nanoTime() - t0) / 1e9);
        }, outcome -> finished(outcome, candidate, open, label, epochs), () -> ended(task[0], label));
        return task[0];
    }

    private ThrottledTrainingFeed newFeed() {
        ThrottledTrainingFeed[] self = new ThrottledTrainingFeed[1];
        // the number of batches is known only inside the trainer: average so that a run gives about LOSS_POINTS
        self[0] = new ThrottledTrainingFeed(Platform::runLater, bunch -> {
            if (currentFeed == self[0]) {
                model.losses().addAll(bunch.losses());
                model.history().addAll(bunch.epochs());
            }
        }, FEED_INTERVAL_MS, batchesPerPoint());
        currentFeed = self[0];
        return self[0];
    }

    private int batchesPerPoint() {
        // batches of 64 over at most trainSamples samples, epochs times
        long batches = (long) Math.ceil(model.training().trainSamplesProperty().get() / 64.0) * model.training().epochsProperty().get();
        return (int) Math.max(1, batches / LOSS_POINTS);
    }

    private void finished(Outcome o, PrunedNetwork candidate, Network open, String label, int epochs) {
        model.beforeProperty().set(o.before());
        model.afterProperty().set(o.after());
        String tunedLabel = label + ", fine-tuned " + epochs + " epoch" + (epochs == 1 ? "" : "s");
        boolean same = working.open().getValue() == open && working.candidateProperty().get() == candidate;
        if (same) {
            working.candidateProperty().set(candidate != null ? candidate.withNetwork(tunedLabel, o.tuned())
                    : new PrunedNetwork(tunedLabel, open, null, null, o.tuned()));
        }
        model.statusProperty().set(String.format(Locale.ROOT, "Test accuracy %.1f%% → %.1f%% after %d epoch%s (%.1f s).%s",
                100 * o.before().accuracy(), 100 * o.after().accuracy(), epochs, epochs == 1 ? "" : "s", o.seconds(),
                same ? " Export and further fine-tuning now start from the fine-tuned network."
                        : " The open network changed meanwhile, so the result was not kept."));
    }

    private void ended(ProgressTask<?> task, String label) {
        model.runningProperty().set(false);
        if (task.getState() != Worker.State.SUCCEEDED) {
            int done = model.history().size();
            model.statusProperty().set((task.getState() == Worker.State.CANCELLED || isCancel(task.getException())
                    ? "Cancelled after " + done + " finished epoch" + (done == 1 ? "" : "s")
                    : "Failed") + "; " + label + " is unchanged.");
        }
    }

    private static boolean isCancel(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof dev.infoprune.core.CancelledException) {
                return true;
            }
        }
        return false;
    }
}
