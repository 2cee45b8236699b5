package dev.infoprune.ui.mipp;

import dev.infoprune.core.BadInputException;
import dev.infoprune.data.SeededSubset;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.prune.mipp.Mipp;
import dev.infoprune.prune.mipp.MippRun;
import dev.infoprune.prune.mipp.Step;
import dev.infoprune.workspace.EstimatorChoice;
import dev.infoprune.ui.task.TaskRunner;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.util.Duration;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the stepper's buttons do. The {@link MippRun} is only ever touched inside work handed to the
 * {@link TaskRunner} (one background thread, one task after another); the JavaFX thread sees immutable
 * {@link MippTrack}s. Moving over steps already computed (back, first, the slider, forward again) happens on
 * the JavaFX thread from the track alone; a step not computed yet is computed in the background, and the
 * steps of a longer run are shown as they arrive.
 */
public final class MippController {
    private final MippModel model;
    private final TaskRunner runner;
    private final ObservableValue<Network> network;
    private final ObservableValue<Activations> probe;
    private final ObservableValue<dev.infoprune.workspace.DataChoice> data;
    private final Timeline player = new Timeline();
    private MippRun run;
    /** The settings and probe sample size of {@link #run}, readable on the FX thread (for sessions). */
    private dev.infoprune.prune.mipp.MippSettings runSettings;
    private int runSamples;
    /** The estimator {@link #run} was started with, as the form gave it (a session keeps it). */
    private EstimatorChoice runEstimator;

    /**
     * @param data the data set choice, from which a loss-based run captures its own samples (the training split
     *             when the probe split is small, as {@code infoprune prune} does)
     */
    public MippController(MippModel model, TaskRunner runner, ObservableValue<Network> network, ObservableValue<Activations> probe,
                          ObservableValue<dev.infoprune.workspace.DataChoice> data) {
        this.model = model;
        this.runner = runner;
        this.network = network;
        this.probe = probe;
        this.data = data;
        player.getKeyFrames().add(new KeyFrame(Duration.seconds(1), e -> playTick()));
        player.setCycleCount(Animation.INDEFINITE);
        player.setRate(model.speedProperty().get());
        model.speedProperty().addListener((o, a, v) -> player.setRate(v.doubleValue()));
        model.playingProperty().addListener((o, was, now) -> {
            if (now) {
                player.setRate(model.speedProperty().get());
                player.playFromStart();
            } else {
                player.stop();
            }
        });
        // a run belongs to one network and one probe sample
        network.addListener(o -> forget());
        probe.addListener(o -> forget());
    }

    public MippModel model() {
        return model;
    }

    public TaskRunner runner() {
        return runner;
    }

    private void forget() {
        run = null;
        runSettings = null;
        model.clear();
    }

    /**
     * The run as a session keeps it (every computed step and the position), or null when none was started.
     * Built on the FX thread from the immutable track; the run itself is not touched.
     */
    public dev.infoprune.workspace.MippState sessionState() {
        MippTrack t = model.track();
        Network net = network.getValue();
        if (t == null || runSettings == null || net == null) {
            return null;
        }
        var layers = t.visitOrder().stream().map(l -> new dev.infoprune.prune.mipp.MippTrace.LayerWidth(l, t.widths().get(l))).toList();
        var trace = new dev.infoprune.prune.mipp.MippTrace(dev.infoprune.prune.mipp.MippTrace.FORMAT, 1, net.name(), runSettings.asMap(),
                runSettings.estimator().describe(), runSettings.seed(), runSamples, layers, t.computed());
        return new dev.infoprune.workspace.MippState(runSettings, runEstimator, trace,
                model.position());
    }

    /**
     * Resumes a run a session kept, on the open network and probe activations (the same seeded probe subset
     * is drawn again): the stepper then shows the same steps, position and settings as when it was saved, and the
     * form the settings the run was made with, so a new run starts with them.
     */
    public void restore(dev.infoprune.workspace.MippState state) {
        Network net = network.getValue();
        Activations acts = probe.getValue();
        if (state == null || net == null || acts == null || !idle()) {
            return;
        }
        model.playingProperty().set(false);
        var settings = state.settings();
        int count = state.trace().probeSamples() >= acts.samples() ? 0 : state.trace().probeSamples();
        EstimatorChoice estimator = state.estimator() == null
                ? new EstimatorChoice(dev.infoprune.info.GaussianEstimator.NAME, ridgeOf(settings))
                : state.estimator();
        // the form shows what the user typed; a session without it shows the ridge the run used
        MippSetup setup = new MippSetup(settings.confidence(), settings.repeats(), estimator, settings.seed(), count);
        runner.run("Resuming MIPP", progress -> {
            Mipp mipp = new Mipp(settings);
            Mipp.Samples s = samplesFor(mipp, net, acts, count, settings.seed(), progress);
            MippRun r = state.resume(net, s.activations());
            MippTrack fresh = MippTrack.of(r, setup.describe(r.settings().estimator().describe(), s.activations().samples(), s.source()));
            MippTrack all = new MippTrack(fresh.visitOrder(), fresh.widths(), fresh.totalSteps(), fresh.confidence(),
                    fresh.settingsText(), state.trace().steps());
            return new Started(setup, r, all, settings, state.trace().probeSamples(), MippOutcome.of(r));
        }, started -> {
            if (network.getValue() != net || probe.getValue() != acts) {
                return;
            }
            run = started.run();
            runSettings = settings;
            runSamples = state.trace().probeSamples();
            runEstimator = setup.estimator();
            model.form().show(setup);
            model.positionProperty().set(0);
            model.trackProperty().set(started.track());
            model.positionProperty().set(state.position());
            model.finishedProperty().set(started.outcome());
        });
    }

    private static java.util.Map<String, String> ridgeOf(dev.infoprune.prune.mipp.MippSettings settings) {
        Object ridge = settings.estimator().parameters().get("ridge");
        return ridge == null ? java.util.Map.of() : java.util.Map.of("ridge", String.valueOf(ridge));
    }

    /** Starts a fresh run with the form's settings on the probe activations the scores were computed on. */
    public void start() {
        Network net = network.getValue();
        Activations acts = probe.getValue();
        if (net == null || acts == null) {
            runner.announce(net == null ? "Open a model first" : "Choose a data set first (Data menu): MIPP tests units on its probe samples");
            return;
        }
        if (!idle()) {
            return;
        }
        model.playingProperty().set(false);
        MippSetup asShown = model.form().setup();
        runner.run("Starting MIPP", progress -> {
            progress.update("Preparing MIPP", 0, 1);
            MippSetup setup = asShown.checked();
            Mipp mipp = (Mipp) PruningMethods.MIPP.create(setup.methodSettings(), null);
            Mipp.Samples s = samplesFor(mipp, net, acts, setup.probeSamples(), setup.seed(), progress);
            MippRun r = mipp.start(net, s.activations());
            return new Started(setup, r, MippTrack.of(r, setup.describe(r.settings().estimator().describe(), s.activations().samples(), s.source())),
                    r.settings(), s.activations().samples(), null);
        }, started -> {
            if (network.getValue() != net || probe.getValue() != acts) {
                return;
            }
            run = started.run();
            runSettings = started.settings();
            runSamples = started.samples();
            runEstimator = started.setup().estimator();
            model.positionProperty().set(0);
            model.finishedProperty().set(null);
            model.trackProperty().set(started.track());
        });
    }

    /** A run made in the background, with what the FX thread may read about it (the run itself it never touches). */
    private record Started(MippSetup setup, MippRun run, MippTrack track, dev.infoprune.prune.mipp.MippSettings settings,
                           int samples, MippOutcome outcome) {
    }

    /** A step computed in the background, with the run's outcome when it was the last one. */
    private record Stepped(Step step, MippOutcome outcome) {
    }

    /** Publishes the pruned network of a run that reached its end, unless the run was replaced meanwhile. */
    private void publish(MippRun r, MippOutcome outcome) {
        if (r == run && outcome != null) {
            model.finishedProperty().set(outcome);
        }
    }

    /**
     * The activations a run is fitted on: for a loss-based estimator without a chosen sample size, its own capture
     * from the data set (as the command line takes it); otherwise the scores' probe activations, or a seeded subset.
     */
    private Mipp.Samples samplesFor(Mipp mipp, Network net, Activations acts, int count, long seed, dev.infoprune.core.Progress progress) {
        dev.infoprune.workspace.DataChoice choice = data == null ? null : data.getValue();
        if (mipp.lossBased() && count == 0 && choice != null) {
            return dev.infoprune.workspace.MippSamples.capture(net, choice, mipp, progress);
        }
        return new Mipp.Samples(sample(acts, count, seed), "the probe split");
    }

    /** A seeded subset of {@code count} probe samples (all when {@code count} is 0 or not smaller). */
    static Activations sample(Activations acts, int count, long seed) {
        if (count < 0) {
            throw new BadInputException("probe samples", "must be 0 (all) or positive, got " + count);
        }
        if (count == 0 || count >= acts.samples()) {
            return acts;
        }
        if (count < 10) {
            throw new BadInputException("probe samples", "MIPP needs at least 10 samples, got " + count);
        }
        return acts.selectSamples(SeededSubset.rows(acts.samples(), count, seed));
    }

    private boolean idle() {
        if (runner.isBusy()) {
            runner.announce("Wait for the running task to finish, or cancel it");
            return false;
        }
        return true;
    }

    /** One step forward: shown at once when already computed, else computed in the background. */
    public void step() {
        MippTrack t = model.track();
        if (t == null || model.isFinished()) {
            return;
        }
        int k = model.position();
        if (k < t.computedSteps()) {
            model.positionProperty().set(k + 1);
            return;
        }
        if (!idle()) {
            return;
        }
        MippRun r = run;
        runner.run("MIPP step " + (k + 1), progress -> {
            r.goTo(k);
            Step s = r.next(progress);
            return new Stepped(s, r.isFinished() ? MippOutcome.of(r) : null);
        }, stepped -> {
            show(r, stepped.step());
            publish(r, stepped.outcome());
        });
    }

    /** One step back; the state is exactly the one after the earlier step. */
    public void back() {
        model.playingProperty().set(false);
        if (model.position() > 0) {
            model.positionProperty().set(model.position() - 1);
        }
    }

    public void first() {
        model.playingProperty().set(false);
        model.positionProperty().set(0);
    }

    /** Shows the state after step {@code k} of those computed (the timeline slider). */
    public void goTo(int k) {
        MippTrack t = model.track();
        if (t != null) {
            model.positionProperty().set(Math.max(0, Math.min(k, t.computedSteps())));
        }
    }

    /** Tests the rest of the current layer in the background, showing each step as it comes. */
    public void finishLayer() {
        MippTrack t = model.track();
        if (t == null || model.isFinished()) {
            return;
        }
        String layer = t.layerOfStep(model.position());
        int end = t.layerStarts()[t.visitOrder().indexOf(layer) + 1];
        advanceTo(end, "Finishing layer " + layer);
    }

    /** Tests every remaining unit in the background, showing each step as it comes; Cancel keeps what is done. */
    public void runToEnd() {
        MippTrack t = model.track();
        if (t == null || model.isFinished()) {
            return;
        }
        advanceTo(t.totalSteps(), "Running MIPP to the end");
    }

    private void advanceTo(int end, String title) {
        model.playingProperty().set(false);
        MippTrack t = model.track();
        if (end <= t.computedSteps()) {
            model.positionProperty().set(end);
            return;
        }
        if (!idle()) {
            return;
        }
        MippRun r = run;
        int k = model.position();
        StepFeed feed = new StepFeed(r);
        runner.run(title, progress -> {
            r.goTo(k);
            while (r.position() < end) {
                progress.checkCancelled();
                feed.publish(r.next(progress));
                progress.update(title + ": step " + r.position() + " of " + r.totalSteps(), r.position() - k, end - k);
            }
            return r.isFinished() ? MippOutcome.of(r) : null;
        }, outcome -> {
            feed.drain();
            publish(r, outcome);
        }, feed::drain);
    }

    /** Play/pause: steps at the chosen speed, one step per tick, each computed in the background when needed. */
    public void togglePlay() {
        if (model.track() == null) {
            return;
        }
        model.playingProperty().set(!model.playingProperty().get() && !model.isFinished());
    }

    private void playTick() {
        if (model.track() == null || model.isFinished()) {
            model.playingProperty().set(false);
            return;
        }
        if (runner.isBusy()) {
            return; // the previous step is still being computed: this tick waits
        }
        step();
    }

    /** Shows a step computed in the background, unless the run was replaced meanwhile. */
    private void show(MippRun r, Step s) {
        if (r != run || model.track() == null) {
            return;
        }
        model.trackProperty().set(model.track().with(s));
        model.positionProperty().set(s.index() + 1);
    }

    /**
     * Hands steps from the background to the JavaFX thread in batches (at most one pending hand-over), so a
     * fast run does not flood the event queue and the charts grow live.
     */
    private final class StepFeed {
        private final MippRun source;
        private final ConcurrentLinkedQueue<Step> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();

        StepFeed(MippRun source) {
            this.source = source;
        }

        void publish(Step s) {
            queue.add(s);
            if (scheduled.compareAndSet(false, true)) {
                Platform.runLater(this::drain);
            }
        }

        void drain() {
            scheduled.set(false);
            if (source != run || model.track() == null) {
                queue.clear();
                return;
            }
            MippTrack t = model.track();
            Step last = null;
            for (Step s; (s = queue.poll()) != null; ) {
                t = t.with(s);
                last = s;
            }
            if (last != null) {
                model.trackProperty().set(t);
                model.positionProperty().set(last.index() + 1);
            }
        }
    }

    /** Stops playing (e.g. when the window closes). */
    public void stop() {
        model.playingProperty().set(false);
    }

}
