package dev.infoprune.ui.compare;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Splits;
import dev.infoprune.model.Network;
import dev.infoprune.prune.MethodSettings;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.prune.MethodType;
import dev.infoprune.prune.PruningMethod;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.Surgery;
import dev.infoprune.prune.mipp.Mipp;
import dev.infoprune.prune.mipp.MippTrace;
import dev.infoprune.study.DjlFineTuner;
import dev.infoprune.study.Experiment;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.ExperimentSpec;
import dev.infoprune.study.MethodResult;
import dev.infoprune.study.StudyMethods;
import dev.infoprune.study.WidthControl;
import dev.infoprune.study.FineTuner;
import dev.infoprune.study.FineTuningBudget;
import dev.infoprune.engine.TrainingConfig;
import dev.infoprune.study.PruningPipeline;
import dev.infoprune.ui.flows.OpenModel;
import dev.infoprune.ui.flows.PrunedNetwork;
import dev.infoprune.ui.flows.StudyData;
import dev.infoprune.ui.flows.WorkingNetwork;
import dev.infoprune.ui.task.ErrorReporter;
import dev.infoprune.ui.network.NetworkPicture;
import dev.infoprune.ui.task.ProgressTask;
import dev.infoprune.ui.task.TaskRunner;
import dev.infoprune.workspace.SessionComparison;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a comparison through the study engine on the task runner (progress in the status bar, Cancel there or
 * in the view), and turns a chosen row into the pruned network the other views work on. Input mistakes are
 * dialogs; the previous result stays until a run succeeds.
 */
public final class CompareController {
    private final CompareModel model;
    private final OpenModel open;
    private final WorkingNetwork working;
    private final ObservableList<SessionComparison> comparisons;
    private final TaskRunner runner;
    private final ErrorReporter errors;
    /** The comparison shown (put into the session's comparisons, or taken from them). */
    private SessionComparison published;

    /**
     * @param working     where a chosen row becomes the network worked on
     * @param comparisons the comparisons the session keeps for the open network: a finished run is put there, and
     *                    what a restored session puts there is shown
     */
    public CompareController(CompareModel model, OpenModel open, WorkingNetwork working,
                             ObservableList<SessionComparison> comparisons, TaskRunner runner, ErrorReporter errors) {
        this.model = model;
        this.open = open;
        this.working = working;
        this.comparisons = comparisons;
        this.runner = runner;
        this.errors = errors;
        model.training().followCardSeed(open.network());
        open.network().addListener((o, was, now) -> takeCardEpochs(now));
        model.atInitProperty().addListener((o, was, now) -> takeCardEpochs(open.network().getValue()));
        takeCardEpochs(open.network().getValue());
        comparisons.addListener((ListChangeListener<SessionComparison>) c -> showKept());
    }

    /**
     * The epochs field starts at two thirds of the open model's training epochs, as compare does, or at all of them
     * when pruning at initialisation (compare --at-init) (when its card has them).
     */
    private void takeCardEpochs(Network network) {
        Integer trained = network == null ? null : network.card().epochs();
        if (trained != null && trained > 0) {
            model.training().epochsProperty().set(model.atInitProperty().get() ? trained : FineTuningBudget.twoThirdsOf(trained));
        }
    }

    /** The budget of the next run: its epochs came from the card when they are still the card's share (or whole run). */
    private static FineTuningBudget budget(Network network, int epochs, double lr, boolean atInit) {
        Integer trained = network.card().epochs();
        boolean card = trained != null && trained > 0 && epochs == (atInit ? trained : FineTuningBudget.twoThirdsOf(trained));
        return new FineTuningBudget(epochs, lr, TrainingConfig.Schedule.COSINE, !card ? FineTuningBudget.Source.GIVEN
                : atInit ? FineTuningBudget.Source.TRAINING : FineTuningBudget.Source.CARD);
    }

    /**
     * Shows what the session keeps: nothing when its comparisons were cleared (another model), the latest one
     * when they were replaced by a restored session's. The document the last run published is already shown.
     */
    private void showKept() {
        List<SessionComparison> kept = comparisons;
        if (kept.isEmpty()) {
            published = null;
            if (model.resultProperty().get() != null) {
                model.show(null, null);
            }
            return;
        }
        SessionComparison latest = kept.get(kept.size() - 1);
        if (latest == published) {
            return;
        }
        if (latest.result() == null) {
            errors.report("Cannot show the saved comparison", latest.problem().getMessage(), latest.problem());
            return;
        }
        ExperimentResult result = latest.result();
        published = latest;
        model.takeSettingsOf(result);
        model.show(restoredRun(result), result);
    }

    /** What a restored result was run on: the open network when it is the one compared (else no drawings). */
    private CompareRun restoredRun(ExperimentResult r) {
        Network network = open.network().getValue();
        if (network == null || !network.name().equals(r.model()) || !network.prunableLayerNames().equals(r.hiddenLayers())
                || !Arrays.equals(Arrays.stream(network.prunableLayerIndices()).map(i -> network.layer(i).units()).toArray(),
                r.hiddenWidths())) {
            return null;
        }
        NetworkPicture shown = open.view().pictureProperty().get();
        NetworkPicture picture = shown != null && shown.network() == network ? shown : NetworkPicture.of(network);
        String data = r.origin() != null ? r.origin().data() : "";
        long seed = r.origin() != null ? r.origin().splitSeed() : r.seed();
        return new CompareRun(network, picture, data, seed, r.probeSamples(), r.trainSamples(), Map.of());
    }

    public CompareModel model() {
        return model;
    }

    public OpenModel open() {
        return open;
    }

    public WorkingNetwork working() {
        return working;
    }

    public TaskRunner runner() {
        return runner;
    }

    /** Starts the comparison; returns the task, or null when there was nothing to run. */
    public ProgressTask<?> run() {
        Network network = open.network().getValue();
        if (network == null) {
            runner.announce("Open a model first");
            return null;
        }
        if (runner.isBusy()) {
            runner.announce("Wait for the running task to finish, or cancel it");
            return null;
        }
        List<String> methods = model.chosenMethods();
        ExperimentSpec.Mode mode = model.modeProperty().get();
        double sparsity = model.sparsityProperty().get();
        double[] sweep;
        double[] confidences;
        try {
            sweep = check(methods, mode, sparsity);
            confidences = confidences(methods, mode);
        } catch (BadInputException e) {
            errors.report("Cannot compare", e.getMessage(), e);
            return null;
        }
        String chosenData = open.dataSpec().getValue();
        long seed = model.training().seedProperty().get();
        int epochs = model.training().epochsProperty().get();
        double lr = model.training().learningRateProperty().get();
        int maxProbe = model.probeSamplesProperty().get();
        int seeds = model.seedsProperty().get();
        int maxTrain = model.training().trainSamplesProperty().get();
        boolean atInit = model.atInitProperty().get();
        Map<String, MethodSettings> settings = model.methodSettings();
        String title = "Comparing " + String.join(", ", methods);
        return runner.run(title, progress -> {
            String spec = StudyData.specFor(chosenData, network);
            progress.update("Reading " + spec, 0, 1);
            Splits splits = StudyData.resolve(spec, seed, maxProbe, maxTrain);
            ExperimentSpec experiment = (switch (mode) {
                case MATCH -> ExperimentSpec.matching(network, splits, methods, seed);
                case FIXED -> ExperimentSpec.at(network, splits, methods, sparsity, seed);
                case SWEEP -> ExperimentSpec.sweep(network, splits, methods, sweep, seed);
            }).withOrigin(spec, seed).withSeeds(seeds).withMippConfidences(confidences);
            if (atInit) {
                experiment = experiment.withAtInit();
            }
            ExperimentResult result = new Experiment(experiment, new StudyMethods(settings),
                    DjlFineTuner.of(budget(network, epochs, lr, atInit), seed))
                    .run(progress);
            CompareRun on = new CompareRun(network, NetworkPicture.of(network), spec, seed, maxProbe, maxTrain, settings);
            return new Shown(on, result);
        }, shown -> {
            if (open.network().getValue() == network) {
                model.show(shown.run(), shown.result());
                // the session keeps the comparison shown: a new one replaces the one before
                published = SessionComparison.of(shown.result());
                comparisons.setAll(published);
            }
        });
    }

    private record Shown(CompareRun run, ExperimentResult result) {
    }

    /** The sweep's sparsities (null unless sweeping); a {@link BadInputException} for what cannot run. */
    private double[] check(List<String> methods, ExperimentSpec.Mode mode, double sparsity) {
        if (methods.isEmpty()) {
            throw new BadInputException("methods", "choose at least one method to compare");
        }
        List<String> controls = methods.stream().filter(WidthControl::isControl).toList();
        if (!controls.isEmpty() && !methods.contains(Mipp.NAME)) {
            throw new BadInputException("methods", String.join(", ", controls) + " keep MIPP's per-layer widths: choose mipp too");
        }
        if (mode == ExperimentSpec.Mode.MATCH && methods.stream().noneMatch(CompareController::sizesItself)) {
            throw new BadInputException("sparsity", "matching MIPP's sparsity needs mipp (or cmi) among the methods;"
                    + " choose it, or give a sparsity or a sweep");
        }
        if (model.seedsProperty().get() < 1) {
            throw new BadInputException("seeds", "give at least one seed, got " + model.seedsProperty().get());
        }
        if (mode == ExperimentSpec.Mode.FIXED && !(sparsity >= 0 && sparsity < 1)) {
            throw new BadInputException("sparsity", "a sparsity is the share of hidden units removed, in [0, 1); got " + sparsity);
        }
        return mode == ExperimentSpec.Mode.SWEEP ? Sparsities.parse(model.sweepProperty().get()) : null;
    }

    /**
     * MIPP's confidences as typed (empty: none), each checked by MIPP's own setting; a {@link BadInputException} for
     * what cannot run: confidences without mipp, several of them when matching its one sparsity or with the controls.
     */
    private double[] confidences(List<String> methods, ExperimentSpec.Mode mode) {
        String text = model.mippConfidencesProperty().get();
        if (text == null || text.isBlank()) {
            return new double[0];
        }
        double[] xs = Sparsities.confidences(text);
        if (!methods.contains(Mipp.NAME)) {
            throw new BadInputException(Sparsities.CONFIDENCES, "the confidences are MIPP's: choose mipp, or clear them");
        }
        if (xs.length > 1 && mode == ExperimentSpec.Mode.MATCH) {
            throw new BadInputException(Sparsities.CONFIDENCES, "matching runs the others at the one sparsity MIPP reached: "
                    + "give one confidence, or choose At sparsity or Sweep");
        }
        if (xs.length > 1 && methods.stream().anyMatch(WidthControl::isControl)) {
            throw new BadInputException(Sparsities.CONFIDENCES, "the controls keep the widths of one MIPP run: give one confidence");
        }
        StudyMethods catalog = new StudyMethods(model.methodSettings());
        for (double x : xs) {
            try {
                catalog.withConfidence(Mipp.NAME, x);
            } catch (BadInputException e) {
                throw new BadInputException(Sparsities.CONFIDENCES, e.problem(), e);
            }
        }
        return xs;
    }

    /**
     * Makes the chosen row the network the other views work on (cut down by its plan, not fine-tuned) and
     * shows its removed units in the network view, with a MIPP row's trace of decisions.
     */
    public ProgressTask<PrunedNetwork> useSelected() {
        MethodResult row = model.selectedProperty().get();
        CompareRun run = model.runProperty().get();
        if (row == null || run == null || run.network() != open.network().getValue()) {
            runner.announce("Pick a row of the comparison for the open network first");
            return null;
        }
        if (runner.isBusy()) {
            runner.announce("Wait for the running task to finish, or cancel it");
            return null;
        }
        Network unpruned = run.network();
        String label = CompareTexts.label(row);
        return runner.run("Using " + label, progress -> {
            MippTrace trace = row.method().equals(Mipp.NAME) ? traceOf(row, run, progress) : null;
            Network pruned = Surgery.apply(unpruned, row.plan()).withName(unpruned.name() + "-" + row.method());
            return new PrunedNetwork(label, unpruned, row.plan(), trace, pruned);
        }, pruned -> {
            if (open.network().getValue() == unpruned) {
                working.candidateProperty().set(pruned);
                open.view().removedProperty().set(removedUnits(unpruned, row.plan()));
                runner.announce("Working on " + label + ": " + CompareTexts.widths(row));
            }
        });
    }

    /** The trace of a MIPP row: the one its run kept, else (a comparison restored from a session) a replay. */
    private static MippTrace traceOf(MethodResult row, CompareRun run, Progress progress) {
        if (row.trace() instanceof MippTrace kept) {
            return kept;
        }
        Splits splits = StudyData.resolve(StudyData.specFor(run.dataSpec(), run.network()), run.seed(), run.maxProbe(),
                run.maxTrain());
        PruningMethod method = new StudyMethods(run.settings()).create(Mipp.NAME, Double.NaN, run.seed());
        PruningPipeline.Planned replay = new PruningPipeline(splits, FineTuner.NONE, run.seed(), true)
                .plan(run.network(), method, null, progress);
        PruningPlan again = replay.result().plan();
        for (String layer : row.plan().kept().keySet()) {
            if (!Arrays.equals(again.keptIn(layer), row.plan().keptIn(layer))) {
                return null;
            }
        }
        return replay.result().trace(MippTrace.class).orElse(null);
    }

    private static boolean sizesItself(String method) {
        return PruningMethods.find(method).map(MethodType::sizesItself).orElse(false);
    }

    static Map<String, BitSet> removedUnits(Network unpruned, PruningPlan plan) {
        Map<String, BitSet> removed = new LinkedHashMap<>();
        for (String layer : unpruned.prunableLayerNames()) {
            BitSet gone = new BitSet();
            int units = unpruned.layer(unpruned.indexOf(layer)).units();
            gone.set(0, plan.kept().containsKey(layer) ? units : 0);
            int[] kept = plan.keptIn(layer);
            for (int k : kept == null ? new int[0] : kept) {
                gone.clear(k);
            }
            removed.put(layer, gone);
        }
        return removed;
    }
}
