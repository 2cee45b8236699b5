package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.data.Dataset;
import dev.infoprune.info.EstimatorSpec;
import dev.infoprune.info.Estimators;
import dev.infoprune.info.GaussianEstimator;
import dev.infoprune.info.InformationEstimator;
import dev.infoprune.info.LossSessions;
import dev.infoprune.prune.mipp.Mipp;
import dev.infoprune.prune.mipp.MippEstimators;
import dev.infoprune.prune.mipp.MippSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every pruning method, with the settings it declares (key, type, default, range, help): the one registry the
 * command line, the workbench's forms, comparisons and sessions are made from. Unknown names and options, and
 * values out of range, are a {@link BadInputException} naming the method and the option.
 */
public final class PruningMethods {
    /** The share of hidden units (or filters) removed. */
    public static final Setting<Double> SPARSITY = Setting.fraction("sparsity", 0.5, "share of hidden units removed");
    private static final String SEED_HELP = "seed of the method's random choices";

    // MIPP
    static final Setting<Double> CONFIDENCE = Setting.openUnit("confidence", MippSettings.DEFAULT_CONFIDENCE,
            "one-sided confidence x that a unit carries information; the only sparsity knob: a higher x prunes "
                    + "more (the paper, Section 4.2.2)");
    static final Setting<Integer> REPEATS = Setting.integer("repeats", MippSettings.DEFAULT_REPEATS, 2,
            "estimates per test (re-fitted with other seeds or subsamples)")
            .complaining("MIPP needs at least 2 repeats for a confidence interval");
    static final Setting<EstimatorSpec> MIPP_ESTIMATOR = Setting.estimator(LossSessions.defaultSpec().name(),
            MippEstimators.catalog().stream().map(Estimators.Description::name).toList(),
            "reconstruction: the paper's loss-based estimate; ridge-cv: its fast closed-form mode; gaussian; or a plug-in "
                    + "estimator (its options as estimator.KEY=VALUE)");
    static final Setting<Double> SUBSAMPLE = Setting.number("subsample", MippSettings.DEFAULT_SUBSAMPLE, "in (0, 1]",
            v -> v > 0 && v <= 1, "information estimators: share of samples in each subsample");
    static final Setting<Boolean> NULL_MODEL = Setting.flag("null-model", false,
            "information estimators: compare each Δ with an injected noise variable's");
    static final Setting<Double> RIDGE = Setting.positive("ridge", null,
            "gaussian estimator: ridge added to the correlation matrix (MIPP: 1e-3; global-topk: the estimator's 1e-8)");
    static final Setting<Boolean> BIAS_CORRECTED = Setting.flag("bias-corrected", true,
            "gaussian estimator in MIPP: correct the log-determinants' finite-sample bias");
    private static final Setting<Long> MIPP_SEED = Setting.seed("seed of the subsamples, the estimator's fits and the null model");

    // global top-k
    enum Score { L1, MI, SALIENCY }

    static final Setting<Score> SCORE = Setting.choice("score", Score.class, Score.L1,
            "l1: weight magnitude; mi: MI with the labels; saliency: gradient saliency on the probe data");
    static final Setting<Integer> MIN_PER_LAYER = Setting.integer("min-per-layer", 0, 0, "units every layer keeps at least")
            .complaining("min-per-layer must not be negative");
    static final Setting<EstimatorSpec> SCORE_ESTIMATOR = Setting.estimator(GaussianEstimator.NAME, Estimators.names(),
            "score mi: the estimator (its options as estimator.KEY=VALUE)");

    // CMI
    private static final CmiFilterPruning.Settings CMI = CmiFilterPruning.Settings.defaults();
    static final Setting<CmiFilterPruning.Cutoff> CUTOFF = Setting.choice("cutoff", CmiFilterPruning.Cutoff.class, CMI.cutoff(),
            "where a layer's gain curve is cut (share: a fixed share of units; with sparsity, share); the paper cuts by "
                    + "scree or xmeans, fraction is ours");
    static final Setting<Double> FRACTION = Setting.number("fraction", CMI.fraction(), "in (0, 1]", v -> v > 0 && v <= 1,
            "information share kept (cutoff fraction), or share of units kept (cutoff share)")
            .complaining("the retained information fraction must be in (0, 1]");
    static final Setting<Double> CMI_SPARSITY = Setting.fraction("sparsity", null,
            "remove this share of every layer in greedy order instead of the information cutoff");
    static final Setting<CmiFilterPruning.Direction> DIRECTION = Setting.choice("direction", CmiFilterPruning.Direction.class,
            CMI.direction(), "what the greedy ranking conditions on (the paper's main runs: bidirectional)");
    static final Setting<Double> ALPHA = Setting.positive("alpha", CMI.alpha(), "Rényi order")
            .complaining("the Rényi order must be positive");
    static final Setting<Integer> SAMPLES = Setting.integer("samples", CMI.samples(), 10, "probe samples used (seeded subset)")
            .complaining("CMI pruning needs at least 10 probe samples");
    static final Setting<Double> WIDTH_SCALE = Setting.positive("width-scale", CMI.widthScale(),
            "times each map's median-heuristic kernel width").complaining("the kernel width scale must be positive");
    static final Setting<Double> WIDTH_GROWTH = Setting.number("width-growth", CMI.widthGrowth(), "in [0, 1]",
            v -> v >= 0 && v <= 1, "m maps modelled jointly: each map's width times m^growth (0: own widths, saturates)")
            .complaining("the width growth must be in [0, 1]");
    static final Setting<CmiFilterPruning.Layers> LAYERS = Setting.choice("layers", CmiFilterPruning.Layers.class, CMI.layers(),
            "auto: conv layers, or the dense ones of a network without conv");
    static final Setting<Integer> CMI_POSITIONS = Setting.integer("positions", CMI.positions(), 0,
            "positions drawn from each conv map; 0: whole maps").complaining("positions must be 0 (whole maps) or positive");
    static final Setting<Integer> ITERATIVE_EPOCHS = Setting.integer("iterative-epochs", 0, 0,
            "0: one shot; n: prune one layer, retrain n epochs, go on (infoprune prune only)")
            .complaining("iterative-epochs must be 0 (one shot) or positive");

    // ITPruner
    private static final ItPrunerAllocation.Settings ITP = ItPrunerAllocation.Settings.atSparsity(0.5);
    static final Setting<Double> ITP_SPARSITY = Setting.fraction("sparsity", 0.5,
            "the MACs of keeping 1 - sparsity of every layer is the budget");
    static final Setting<Double> MACS = Setting.number("macs", null, "in (0, 1]", v -> v > 0 && v <= 1,
            "a MACs fraction of the whole network (conv, dense, batch norm, pooling), instead of sparsity")
            .complaining("the MACs fraction must be in (0, 1]");
    static final Setting<Double> BETA = Setting.number("beta", ITP.beta(), "a finite number ≥ 0",
            v -> v >= 0 && Double.isFinite(v), "how strongly α_i = exp(-β s_i) favours independent layers (their VGG script: 231)")
            .complaining("beta must be a finite number ≥ 0");
    static final Setting<Integer> BATCH = Setting.integer("batch", ITP.batch(), 4, "probe samples the CKA is computed on")
            .complaining("ITPruner needs a batch of at least 4 samples");
    static final Setting<ItPrunerAllocation.Solver> SOLVER = Setting.choice("solver", ItPrunerAllocation.Solver.class,
            ITP.solver(), "relaxed: their continuous relaxation from x = 1, rounded; exact: the whole-unit optimum");
    static final Setting<Integer> ITP_POSITIONS = Setting.integer("positions", ITP.positions(), 0,
            "positions drawn from each conv map; 0: whole flattened maps").complaining("positions must be 0 (whole maps) or positive");

    // SNIP, GraSP, SynFlow, ThiNet
    static final Setting<Integer> GLOBAL_MIN_PER_LAYER = Setting.integer("min-per-layer", 0, 0,
            "units every layer keeps at least; 0 as in the MIPP paper's comparison, whose global baselines can empty a layer")
            .complaining("min-per-layer must not be negative");
    static final Setting<Boolean> SIGNED = Setting.flag("signed", false,
            "rank units by the signed sum of θ·Hg (the paper's sign: the highest −θ·Hg removed) instead of its L1 norm");
    static final Setting<Integer> ROUNDS = Setting.integer("rounds", 100, 1,
            "prune-and-rescore rounds on the exponential schedule (the paper: 100)").complaining("rounds must be at least 1");
    static final Setting<Integer> THINET_SAMPLES = Setting.integer("samples", ThiNet.DEFAULT_SAMPLES, 1,
            "probe samples whose next-layer outputs are reconstructed").complaining("samples must be at least 1");
    static final Setting<Integer> THINET_POSITIONS = Setting.integer("positions", ThiNet.DEFAULT_POSITIONS, 1,
            "output positions drawn per sample where the next layer is a conv layer").complaining("positions must be at least 1");

    public static final MethodType MIPP = new MethodType(Mipp.NAME,
            "keeps a unit when it is more than x sure to carry information about the next layer; sizes itself",
            List.of(CONFIDENCE, REPEATS, MIPP_ESTIMATOR, SUBSAMPLE, NULL_MODEL, RIDGE, BIAS_CORRECTED, MIPP_SEED),
            false, true, PruningMethods::mipp);
    public static final MethodType GLOBAL_TOPK = new MethodType(GlobalTopK.NAME,
            "keeps the best-scored units of the whole network", List.of(SPARSITY, SCORE, MIN_PER_LAYER, SCORE_ESTIMATOR, RIDGE),
            true, false, (s, probe) -> new GlobalTopK(score(s, probe), s.get(SPARSITY), s.get(MIN_PER_LAYER)));
    public static final MethodType LOCAL_MAGNITUDE = new MethodType(LocalMagnitude.NAME,
            "keeps the same share of every layer, by weight magnitude", List.of(SPARSITY), true, false,
            (s, probe) -> new LocalMagnitude(s.get(SPARSITY)));
    public static final MethodType RANDOM = new MethodType(RandomPruning.NAME, "keeps a random share of every layer",
            List.of(SPARSITY, Setting.seed(SEED_HELP)), true, false,
            (s, probe) -> new RandomPruning(s.get(SPARSITY), s.get(s.type().seed().orElseThrow())));
    public static final MethodType CMI_FILTERS = new MethodType(CmiFilterPruning.NAME,
            "greedy conditional MI of feature maps with the labels (Rényi), cut per layer; not the paper's defaults "
                    + "(its main runs: bidirectional, scree, iterative)",
            List.of(CUTOFF, FRACTION, CMI_SPARSITY, DIRECTION, ALPHA, SAMPLES, WIDTH_SCALE, WIDTH_GROWTH, LAYERS, CMI_POSITIONS,
                    Setting.seed(SEED_HELP), ITERATIVE_EPOCHS),
            true, true, (s, probe) -> new CmiFilterPruning(cmiSettings(s), probe).withIterativeEpochs(s.get(ITERATIVE_EPOCHS)),
            List.of(CUTOFF, FRACTION));
    public static final MethodType ITPRUNER = new MethodType(ItPrunerAllocation.NAME,
            "layer widths from inter-layer CKA under a MACs budget, filters by L1",
            List.of(ITP_SPARSITY, MACS, BETA, BATCH, SOLVER, ITP_POSITIONS, Setting.seed(SEED_HELP)),
            true, false, (s, probe) -> new ItPrunerAllocation(itPrunerSettings(s), probe));
    public static final MethodType SNIP = new MethodType(ConnectionPruning.Criterion.SNIP.methodName(),
            "SNIP per unit: Σ|θ·∂L/∂θ|, one ranking over the network",
            List.of(SPARSITY, GLOBAL_MIN_PER_LAYER), true, false,
            (s, probe) -> new ConnectionPruning(ConnectionPruning.Criterion.SNIP, s.get(SPARSITY), s.get(GLOBAL_MIN_PER_LAYER),
                    1, false, probe));
    public static final MethodType GRASP = new MethodType(ConnectionPruning.Criterion.GRASP.methodName(),
            "GraSP per unit: Σ|θ·Hg| (gradient flow), one ranking over the network",
            List.of(SPARSITY, GLOBAL_MIN_PER_LAYER, SIGNED), true, false,
            (s, probe) -> new ConnectionPruning(ConnectionPruning.Criterion.GRASP, s.get(SPARSITY), s.get(GLOBAL_MIN_PER_LAYER),
                    1, s.get(SIGNED), probe));
    public static final MethodType SYNFLOW = new MethodType(ConnectionPruning.Criterion.SYNFLOW.methodName(),
            "SynFlow per unit: data-free Σ|θ·∂R/∂θ|, re-scored over rounds, one ranking",
            List.of(SPARSITY, GLOBAL_MIN_PER_LAYER, ROUNDS), true, false,
            (s, probe) -> new ConnectionPruning(ConnectionPruning.Criterion.SYNFLOW, s.get(SPARSITY), s.get(GLOBAL_MIN_PER_LAYER),
                    s.get(ROUNDS), false, probe));
    public static final MethodType THINET = new MethodType(ThiNet.NAME,
            "keeps the channels that best reconstruct the next layer, the same share of each",
            List.of(SPARSITY, THINET_SAMPLES, THINET_POSITIONS, Setting.seed("seed of the sampled conv positions")), true, false,
            (s, probe) -> new ThiNet(s.get(SPARSITY), s.get(THINET_SAMPLES), s.get(THINET_POSITIONS),
                    s.get(s.type().seed().orElseThrow()), probe));

    private static final Map<String, MethodType> TYPES = new LinkedHashMap<>();

    static {
        for (MethodType t : List.of(MIPP, GLOBAL_TOPK, LOCAL_MAGNITUDE, RANDOM, CMI_FILTERS, ITPRUNER, SNIP, GRASP, SYNFLOW, THINET)) {
            TYPES.put(t.name(), t);
        }
    }

    private PruningMethods() {
    }

    public static List<String> names() {
        return List.copyOf(TYPES.keySet());
    }

    public static List<MethodType> all() {
        return List.copyOf(TYPES.values());
    }

    public static Optional<MethodType> find(String name) {
        return Optional.ofNullable(TYPES.get(name));
    }

    /** The method called {@code name}; an unknown name is a {@link BadInputException} listing the known ones. */
    public static MethodType type(String name) {
        MethodType t = TYPES.get(name);
        if (t == null) {
            throw new BadInputException("--method", "unknown method " + name + " (known: " + String.join(", ", names()) + ")");
        }
        return t;
    }

    /** MIPP's typed settings as a run takes them. */
    public static MippSettings mippSettings(MethodSettings s) {
        EstimatorSpec chosen = s.get(MIPP_ESTIMATOR);
        String estimator = chosen.name();
        Map<String, Object> params = new LinkedHashMap<>();
        if (estimator.equals(GaussianEstimator.NAME)) {
            params.put(RIDGE.key(), s.isGiven(RIDGE) ? s.get(RIDGE) : MippEstimators.GAUSSIAN.ridge());
            params.put(BIAS_CORRECTED.key(), s.isGiven(BIAS_CORRECTED) ? s.get(BIAS_CORRECTED) : MippEstimators.GAUSSIAN.biasCorrected());
        } else if (s.isGiven(BIAS_CORRECTED) || s.isGiven(RIDGE)) {
            throw new IllegalArgumentException((s.isGiven(RIDGE) ? RIDGE.key() : BIAS_CORRECTED.key())
                    + " applies to the gaussian estimator only");
        }
        EstimatorSpec spec = new EstimatorSpec(estimator, params);
        if (LossSessions.handles(estimator)) {
            params.putAll(s.estimatorOptions());
            spec = LossSessions.normalise(new EstimatorSpec(estimator, params));
        }
        return new MippSettings(spec, s.get(REPEATS), s.get(CONFIDENCE), s.get(SUBSAMPLE), s.get(NULL_MODEL),
                s.get(s.type().seed().orElseThrow()));
    }

    private static PruningMethod mipp(MethodSettings s, Dataset probeData) {
        MippSettings settings = mippSettings(s);
        String name = settings.estimator().name();
        if (name.equals(GaussianEstimator.NAME) && !s.estimatorOptions().isEmpty()) {
            throw new IllegalArgumentException("MIPP's gaussian path takes ridge and bias-corrected, not "
                    + MethodSettings.ESTIMATOR_PREFIX + s.estimatorOptions().keySet().iterator().next());
        }
        if (LossSessions.handles(name) || name.equals(GaussianEstimator.NAME)) {
            return new Mipp(settings);
        }
        return Mipp.withPlugIn(settings, Estimators.create(new EstimatorSpec(name, s.estimatorOptions())));
    }

    private static CmiFilterPruning.Settings cmiSettings(MethodSettings s) {
        boolean bySparsity = s.isGiven(CMI_SPARSITY);
        CmiFilterPruning.Cutoff cutoff = s.isGiven(CUTOFF) ? s.get(CUTOFF) : bySparsity ? CmiFilterPruning.Cutoff.SHARE : s.get(CUTOFF);
        double fraction = s.get(FRACTION);
        if (bySparsity) {
            if (cutoff != CmiFilterPruning.Cutoff.SHARE || s.isGiven(FRACTION)) {
                throw new IllegalArgumentException("sparsity sets the share cutoff; give either sparsity or cutoff/fraction");
            }
            fraction = 1 - s.get(CMI_SPARSITY);
        }
        return new CmiFilterPruning.Settings(cutoff, fraction, s.get(DIRECTION), s.get(ALPHA), s.get(SAMPLES),
                s.get(WIDTH_SCALE), s.get(s.type().seed().orElseThrow()), s.get(LAYERS), s.get(CMI_POSITIONS),
                s.get(WIDTH_GROWTH));
    }

    private static ItPrunerAllocation.Settings itPrunerSettings(MethodSettings s) {
        if (s.isGiven(ITP_SPARSITY) && s.isGiven(MACS)) {
            throw new IllegalArgumentException("give either sparsity or macs, not both");
        }
        ItPrunerAllocation.Settings base = s.isGiven(MACS)
                ? ItPrunerAllocation.Settings.atMacsFraction(s.get(MACS))
                : ItPrunerAllocation.Settings.atSparsity(s.get(ITP_SPARSITY));
        return base.withBeta(s.get(BETA)).withBatch(s.get(BATCH)).withSeed(s.get(s.type().seed().orElseThrow()))
                .withSolver(s.get(SOLVER)).withPositions(s.get(ITP_POSITIONS));
    }

    private static UnitScore score(MethodSettings s, Dataset probeData) {
        return switch (s.get(SCORE)) {
            case L1 -> UnitScore.L1;
            case MI -> UnitScore.mutualInformationWithLabels(scoreEstimator(s));
            case SALIENCY -> {
                if (probeData == null) {
                    throw new IllegalArgumentException("score saliency needs the probe data set to compute gradients on");
                }
                yield new GradientSaliency(probeData);
            }
        };
    }

    /** Global top-k's MI estimator: {@code estimator} with its options; {@code ridge} is a shortcut for gaussian's. */
    private static InformationEstimator scoreEstimator(MethodSettings s) {
        String name = s.get(SCORE_ESTIMATOR).name();
        Map<String, Object> params = new LinkedHashMap<>(s.estimatorOptions());
        if (s.isGiven(RIDGE)) {
            if (!name.equals(GaussianEstimator.NAME)) {
                throw new IllegalArgumentException("ridge applies to the gaussian estimator only");
            }
            params.put(RIDGE.key(), s.get(RIDGE));
        }
        return Estimators.create(new EstimatorSpec(name, params));
    }
}
