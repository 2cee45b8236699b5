package dev.infoprune.prune.mipp;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.InformationEstimator;
import dev.infoprune.info.InformationSession;
import dev.infoprune.info.LossSession;
import dev.infoprune.model.Network;
import dev.infoprune.prune.PruningPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * MIPP (Westphal, Hailes, Musolesi, arXiv 2411.00147) as a resumable state machine, one unit test per
 * {@link #next()}.
 *
 * <p>Layers are visited backward, from the last hidden layer to the first. The target T of a layer is the
 * activation of the kept units of the layer after it (the network outputs for the last hidden layer). On a graph
 * network the tested layers and their targets (the layers that read their channels) are those {@link MippVisits}
 * says; the layers of coupled dependency groups are kept whole and have no steps. Inside a
 * layer, units are tested in increasing order of I(unit; T). The test of unit i with current set S estimates
 * Δᵢ = I(S;T) − I(S∖{i};T) on R seeded subsamples; i stays when the lower end of the one-sided Student-t
 * interval at the confidence level is above 0 (with the null model: when Δᵢ − Δ_null is), otherwise it is
 * removed at once. The last unit of a layer always stays. Every unit is tested exactly once, so a run has as
 * many steps as the tested layers have units (every hidden unit on a chain).
 *
 * <p>The state after step k is a function of the first k decisions only: {@link #goTo(int)} rebuilds it by
 * replaying them (the incremental estimator state is rebuilt by the same removals in the same order, so the
 * numbers are bit-identical). Steps already computed beyond the current position are kept and reused when
 * stepping forward again. Not thread-safe: drive it from one thread.
 */
public final class MippRun {
    private final Network network;
    private final Activations probe;
    private final MippSettings settings;
    private final MippEstimator estimator;
    private final boolean lossBased;
    private final List<String> visitOrder;
    private final List<List<String>> targets;
    private final Map<String, Integer> widths = new LinkedHashMap<>();
    private final int[] layerStart;
    private final int totalSteps;
    private final List<Step> computed = new ArrayList<>();
    private int position;

    private InformationSession session;
    private int sessionLayer = -1;
    private int sessionPosition = -1;
    private int[] testOrder;
    private double[] testInformation;

    private MippRun(Network network, Activations probe, MippSettings settings, MippEstimator estimator) {
        this.network = network;
        this.probe = probe;
        this.estimator = estimator;
        this.lossBased = estimator.lossBased();
        if (estimator instanceof MippEstimator.Unbuilt) {
            throw new IllegalArgumentException("estimator " + settings.estimator().name()
                    + " needs an InformationEstimator instance; only gaussian, reconstruction and ridge-cv run without one");
        }
        this.settings = settings.withEstimator(estimator.spec());
        List<String> hidden = network.prunableLayerNames();
        checkActivations(hidden);
        MippVisits visits = MippVisits.of(network);
        if (visits.order().isEmpty()) {
            throw new BadInputException(network.name(), "has no layer MIPP can test: every hidden layer's channels are "
                    + "coupled with another layer's (residual adds, depthwise convs), and MIPP keeps coupled layers whole");
        }
        this.visitOrder = visits.order();
        this.targets = visits.targets();
        for (String name : hidden) {
            widths.put(name, network.layer(network.indexOf(name)).units());
        }
        this.layerStart = new int[visitOrder.size() + 1];
        for (int l = 0; l < visitOrder.size(); l++) {
            layerStart[l + 1] = layerStart[l] + widths.get(visitOrder.get(l));
        }
        this.totalSteps = layerStart[visitOrder.size()];
        // the first layer tested is tested against layers no decision changes: its need is known before any decision
        requireSamples(visitOrder.get(0), widths.get(visitOrder.get(0)), target(0).cols(), targetText(0));
    }

    /**
     * Checks that the probe sample is large enough for the estimator to test a layer of {@code units} units
     * against {@code targets} target columns in subsamples of the settings' share: the bias-corrected Gaussian
     * estimate needs more samples per subsample than units plus targets (one more with the null model), the
     * KSG estimate more than its k neighbours. A {@link BadInputException} says how many are needed.
     */
    private void requireSamples(String layer, int units, int targets, String targetText) {
        String name = settings.estimator().name();
        Object k = settings.estimator().parameters().get("k");
        int perSubsample;
        String why;
        String advice;
        String each = "each subsample (" + percent(settings.subsample()) + " of the probe samples)";
        if (estimator instanceof MippEstimator.Gaussian g && g.parameters().biasCorrected()) {
            int variables = units + targets + (settings.nullModel() ? 1 : 0);
            perSubsample = variables + 1;
            why = "the bias-corrected gaussian estimate of layer " + layer + " (" + units + " units"
                    + (settings.nullModel() ? " and the null model's noise unit" : "") + " against " + targetText
                    + ") needs more samples in " + each + " than variables (" + variables + ")";
            advice = "Use more probe samples or a larger subsample share.";
        } else if (dev.infoprune.info.KsgEstimator.NAME.equals(name) && k instanceof Number kn) {
            perSubsample = kn.intValue() + 1;
            why = "the ksg estimate with k = " + kn.intValue() + " needs more samples in " + each + " than k";
            advice = "Use more probe samples, a larger subsample share or a smaller k.";
        } else {
            return;
        }
        int n = probe.samples();
        if (Subsamples.size(n, settings.subsample()) >= perSubsample) {
            return;
        }
        int needed = perSubsample;
        while (Subsamples.size(needed, settings.subsample()) < perSubsample) {
            needed++;
        }
        throw new BadInputException("probe samples", "MIPP needs at least " + needed + " probe samples, got " + n + ": "
                + why + ". " + advice);
    }

    private static String percent(double share) {
        return new java.math.BigDecimal(Double.toString(share)).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** A run with the settings' estimator (gaussian, reconstruction or ridge-cv: {@link MippEstimator#of}). */
    public static MippRun start(Network network, Activations probe, MippSettings settings) {
        return start(network, probe, settings, MippEstimator.of(settings.estimator()));
    }

    /** A run with a plug-in estimator; its spec replaces the one in the settings. */
    public static MippRun start(Network network, Activations probe, MippSettings settings, InformationEstimator estimator) {
        return start(network, probe, settings, MippEstimator.plugIn(estimator));
    }

    /** A run with the given estimator; its spec replaces the one in the settings. */
    public static MippRun start(Network network, Activations probe, MippSettings settings, MippEstimator estimator) {
        return new MippRun(network, probe, settings, estimator);
    }

    /** {@link #resume(Network, Activations, MippSettings, MippEstimator, MippTrace)} with the settings' estimator. */
    public static MippRun resume(Network network, Activations probe, MippSettings settings, MippTrace trace) {
        return resume(network, probe, settings, MippEstimator.of(settings.estimator()), trace);
    }

    /**
     * A run positioned after the trace's last step (e.g. one saved when a run was cancelled). The network,
     * probe activations and settings must be those the trace was recorded with.
     */
    public static MippRun resume(Network network, Activations probe, MippSettings settings, MippEstimator estimator,
                                 MippTrace trace) {
        MippRun run = new MippRun(network, probe, settings, estimator);
        if (!run.settings.asMap().equals(trace.settings()) || run.settings.seed() != trace.seed()) {
            throw new BadInputException("trace", "it was recorded with settings " + trace.settings() + " and seed "
                    + trace.seed() + ", not " + run.settings.asMap() + " and seed " + run.settings.seed());
        }
        if (trace.probeSamples() != probe.samples()) {
            throw new BadInputException("trace", "it was recorded on " + trace.probeSamples() + " probe samples, not " + probe.samples());
        }
        List<MippTrace.LayerWidth> expected = run.visitOrder.stream()
                .map(l -> new MippTrace.LayerWidth(l, run.widths.get(l))).toList();
        if (!expected.equals(trace.layers())) {
            throw new BadInputException("trace", "it was recorded for layers " + trace.layers() + ", the model has " + expected);
        }
        if (trace.steps().size() > run.totalSteps) {
            throw new BadInputException("trace", "it has more steps than the model has hidden units");
        }
        for (Step s : trace.steps()) {
            int l = run.visitIndexAt(s.index());
            if (!run.visitOrder.get(l).equals(s.layer()) || s.unit() < 0 || s.unit() >= run.widths.get(s.layer())) {
                throw new BadInputException("trace", "step " + s.index() + " (" + s.layer() + ":" + s.unit()
                        + ") does not fit the model");
            }
        }
        run.computed.addAll(trace.steps());
        run.position = trace.steps().size();
        return run;
    }

    private void checkActivations(List<String> hidden) {
        if (hidden.isEmpty()) {
            throw new BadInputException(network.name(), "has no hidden dense or conv layer to prune");
        }
        for (String name : hidden) {
            Matrix m = probe.of(name);
            int units = network.layer(network.indexOf(name)).units();
            if (lossBased ? m.cols() % units != 0 || m.cols() == 0 : m.cols() != units) {
                throw new BadInputException("probe activations", "layer " + name + " has " + m.cols()
                        + " columns, the model has " + units + " units");
            }
            int[] bad = m.firstNonFinite();
            if (bad != null) {
                throw new BadInputException("probe activations", "layer " + name + " has a non-finite value at sample "
                        + bad[0] + ", unit " + bad[1]);
            }
        }
        int[] bad = probe.outputs().firstNonFinite();
        if (bad != null) {
            throw new BadInputException("probe activations", "the network outputs are not finite at sample " + bad[0]);
        }
    }

    // ---- observable state ----

    public MippSettings settings() {
        return settings;
    }

    public Network network() {
        return network;
    }

    /** Hidden layers in the order MIPP visits them: the last hidden layer first. */
    public List<String> visitOrder() {
        return visitOrder;
    }

    /** Steps done so far (the position in the trace). */
    public int position() {
        return position;
    }

    /** One step per hidden unit. */
    public int totalSteps() {
        return totalSteps;
    }

    /** Steps computed so far, including those beyond {@link #position()} after stepping back. */
    public int computedSteps() {
        return computed.size();
    }

    public boolean isFinished() {
        return position == totalSteps;
    }

    /** The layer whose units are being tested, or null when the run is finished. */
    public String currentLayer() {
        return isFinished() ? null : visitOrder.get(visitIndexAt(position));
    }

    /** The steps up to the current position: the trace so far. */
    public List<Step> steps() {
        return List.copyOf(computed.subList(0, position));
    }

    /** The latest step, or null at the start. */
    public Step lastStep() {
        return position == 0 ? null : computed.get(position - 1);
    }

    /**
     * The units of a layer that are kept in the current state, ascending: for a finished layer its result, for
     * the current layer the set S (kept so far and not yet tested), for a layer not reached all units.
     */
    public int[] keptIn(String layer) {
        Integer width = widths.get(layer);
        if (width == null) {
            throw new IllegalArgumentException("no hidden layer " + layer);
        }
        boolean[] pruned = new boolean[width];
        for (int i = 0; i < position; i++) {
            Step s = computed.get(i);
            if (s.layer().equals(layer) && s.decision() == Decision.PRUNE) {
                pruned[s.unit()] = true;
            }
        }
        return IntStream.range(0, width).filter(u -> !pruned[u]).toArray();
    }

    /** The current layer's units in test order (least informative about T first); empty when finished. */
    public int[] testOrder() {
        if (isFinished()) {
            return new int[0];
        }
        ensureSession();
        return testOrder.clone();
    }

    /** I(unit; T) of every unit of the current layer (the test-order key); empty when finished. */
    public double[] unitInformation() {
        if (isFinished()) {
            return new double[0];
        }
        ensureSession();
        return testInformation.clone();
    }

    /** The current state as a plan: layers not reached yet keep every unit. */
    public PruningPlan plan() {
        Map<String, int[]> kept = new LinkedHashMap<>();
        for (String layer : network.prunableLayerNames()) {
            kept.put(layer, keptIn(layer));
        }
        Map<String, Object> s = new LinkedHashMap<>(settings.asMap());
        if (!isFinished()) {
            s.put("stoppedAtStep", position);
        }
        return new PruningPlan("mipp", s, settings.seed(), kept);
    }

    public MippTrace trace() {
        List<MippTrace.LayerWidth> layers = visitOrder.stream().map(l -> new MippTrace.LayerWidth(l, widths.get(l))).toList();
        return new MippTrace(MippTrace.FORMAT, 1, network.name(), settings.asMap(), settings.estimator().describe(),
                settings.seed(), probe.samples(), layers, steps());
    }

    // ---- moving ----

    public Step next() {
        return next(Progress.NONE);
    }

    /** Performs (or, after stepping back, replays) the next test. Cancelling leaves the state unchanged. */
    public Step next(Progress progress) {
        if (isFinished()) {
            throw new IllegalStateException("MIPP is finished: all " + totalSteps + " units were tested");
        }
        if (position < computed.size()) {
            return computed.get(position++);
        }
        long t0 = System.nanoTime();
        ensureSession();
        int l = visitIndexAt(position);
        String layer = visitOrder.get(l);
        int offset = position - layerStart[l];
        int unit = testOrder[offset];
        int setSize = keptIn(layer).length;
        InformationSession.Comparison trial = session.compare(unit, progress);
        int r = trial.with().length;
        double[] deltas = new double[r];
        double[] statistic = new double[r];
        double withMean = 0;
        double withoutMean = 0;
        Double nullMean = null;
        for (int k = 0; k < r; k++) {
            deltas[k] = trial.with()[k] - trial.without()[k];
            statistic[k] = trial.noiseGains() == null ? deltas[k] : deltas[k] - trial.noiseGains()[k];
            withMean += trial.with()[k] / r;
            withoutMean += trial.without()[k] / r;
        }
        if (trial.noiseGains() != null) {
            nullMean = Arrays.stream(trial.noiseGains()).average().orElse(0);
        }
        OneSidedInterval deltaStats = OneSidedInterval.of(deltas, settings.confidence());
        OneSidedInterval decisive = trial.noiseGains() == null ? deltaStats : OneSidedInterval.of(statistic, settings.confidence());
        Decision decision = setSize == 1 ? Decision.KEEP_LAST : decisive.lower() > 0 ? Decision.KEEP : Decision.PRUNE;
        if (decision == Decision.PRUNE) {
            session.remove(unit);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        Double baseline = session instanceof LossSession loss ? loss.meanBaselineLoss() : null;
        Step step = new Step(position, layer, unit, setSize, testInformation[unit], withMean, withoutMean,
                deltaStats.mean(), deltaStats.std(), decisive.lower(), deltas, nullMean, decision,
                decision == Decision.PRUNE ? setSize - 1 : setSize, ms, baseline);
        computed.add(step);
        position++;
        sessionPosition = position;
        return step;
    }

    /** Runs the remaining tests of the current layer; returns the steps taken. */
    public List<Step> finishLayer(Progress progress) {
        List<Step> out = new ArrayList<>();
        if (isFinished()) {
            return out;
        }
        String layer = currentLayer();
        while (!isFinished() && layer.equals(currentLayer())) {
            progress.checkCancelled();
            out.add(next(progress));
            report(progress);
        }
        return out;
    }

    /** Runs every remaining test; cancelling stops between (or inside) tests with the state of the last full step. */
    public List<Step> runToEnd(Progress progress) {
        List<Step> out = new ArrayList<>();
        while (!isFinished()) {
            progress.checkCancelled();
            out.add(next(progress));
            report(progress);
        }
        return out;
    }

    private void report(Progress progress) {
        Step s = lastStep();
        progress.update("MIPP " + s.layer() + ": unit " + s.unit() + " " + s.decision().name().toLowerCase(java.util.Locale.ROOT),
                position, totalSteps);
    }

    /** Goes back one step (no-op at the start). */
    public void stepBack() {
        if (position > 0) {
            goTo(position - 1);
        }
    }

    /** Puts the run in the state right after step k (k = 0: the start), for any k up to {@link #computedSteps()}. */
    public void goTo(int k) {
        if (k < 0 || k > computed.size()) {
            throw new IllegalArgumentException("step " + k + " is outside 0.." + computed.size());
        }
        position = k;
    }

    /** Forgets the steps computed beyond the current position. */
    public void discardFuture() {
        computed.subList(position, computed.size()).clear();
    }

    // ---- internals ----

    private int visitIndexAt(int stepIndex) {
        int l = 0;
        while (l + 1 < layerStart.length - 1 && stepIndex >= layerStart[l + 1]) {
            l++;
        }
        return l;
    }

    /** Columns per unit of a layer's activations: 1, or a conv filter's captured positions. */
    private int columnsPerUnit(String layer) {
        return probe.of(layer).cols() / widths.get(layer);
    }

    /** The activation columns of the given units (each unit's block of positions for a conv layer). */
    private int[] columnsOf(String layer, int[] units) {
        int p = columnsPerUnit(layer);
        int[] out = new int[units.length * p];
        for (int i = 0; i < units.length; i++) {
            for (int j = 0; j < p; j++) {
                out[i * p + j] = units[i] * p + j;
            }
        }
        return out;
    }

    private int[][] groups(String layer) {
        int units = widths.get(layer);
        int[][] g = new int[units][];
        for (int u = 0; u < units; u++) {
            g[u] = columnsOf(layer, new int[] {u});
        }
        return g;
    }

    private boolean isOutput(String layer) {
        return !widths.containsKey(layer);
    }

    /** The activations of the kept units of the visited layer's consumers (the outputs for the output layer). */
    private Matrix target(int l) {
        Matrix target = null;
        for (String t : targets.get(l)) {
            Matrix m = isOutput(t) ? probe.outputs() : probe.of(t).selectColumns(columnsOf(t, keptIn(t)));
            target = target == null ? m : target.appendColumns(m);
        }
        return target;
    }

    private String targetText(int l) {
        List<String> t = targets.get(l);
        if (t.size() == 1 && isOutput(t.get(0))) {
            return "the " + probe.outputs().cols() + " outputs";
        }
        return "the " + target(l).cols() + " kept units of " + String.join(" and ", t);
    }

    private long layerSeed(int layerIndex) {
        return settings.seed() * 0x9E3779B97F4A7C15L + (layerIndex + 1) * 0xD1B54A32D192ED03L;
    }

    /** Makes {@link #session} describe the current layer after the decisions up to {@link #position}. */
    private void ensureSession() {
        int l = visitIndexAt(position);
        if (session != null && sessionLayer == l && sessionPosition == position) {
            return;
        }
        String layer = visitOrder.get(l);
        Matrix target = target(l);
        requireSamples(layer, widths.get(layer), target.cols(), targetText(l));
        int li = network.prunableLayerNames().indexOf(layer);
        int n = probe.samples();
        int[][] rows = new int[settings.repeats()][];
        double[][] noise = settings.nullModel() ? new double[settings.repeats()][] : null;
        for (int r = 0; r < rows.length; r++) {
            rows[r] = Subsamples.rows(settings.seed(), li, r, n, settings.subsample());
            if (noise != null) {
                noise[r] = Subsamples.noise(settings.seed(), li, r, rows[r].length);
            }
        }
        Matrix activations = probe.of(layer);
        try {
            session = estimator.session(new MippEstimator.Layer(activations, groups(layer), target, rows, noise,
                    settings.repeats(), layerSeed(li)));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("probe activations", "layer " + layer + ": " + e.getMessage(), e);
        }
        testInformation = session.relevance();
        double[] info = testInformation;
        testOrder = IntStream.range(0, info.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(u -> info[u]).thenComparingInt(u -> u))
                .mapToInt(Integer::intValue).toArray();
        for (int i = layerStart[l]; i < position; i++) {
            Step s = computed.get(i);
            if (s.decision() == Decision.PRUNE) {
                session.remove(s.unit());
            }
        }
        sessionLayer = l;
        sessionPosition = position;
    }
}
