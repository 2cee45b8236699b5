package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.data.Dataset;
import dev.infoprune.info.EstimatorSpec;
import dev.infoprune.info.GaussianEstimator;
import dev.infoprune.info.InformationEstimator;
import dev.infoprune.info.Estimators;
import dev.infoprune.info.ReconstructionSettings;
import dev.infoprune.prune.mipp.Mipp;
import dev.infoprune.prune.mipp.MippSettings;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds pruning methods from a name and string options, as the command line and the workbench give them.
 * Unknown names and options, and values out of range, are a {@link BadInputException} naming the option.
 *
 * <pre>
 * mipp             confidence (0.95), repeats (5), seed (0), estimator (reconstruction: the paper's; ridge-cv: fast
 *                  mode; gaussian; any plug-in), estimator.KEY (reconstruction: hidden, steps, eval-every, patience,
 *                  refit-steps, lr, batch, holdout; ridge-cv: lambda), subsample (0.8) and null-model (false) for the
 *                  information estimators, ridge (gaussian: 1e-3), bias-corrected (gaussian: true)
 * global-topk      sparsity (0.5), score (l1 | mi | saliency), min-per-layer (0), estimator (gaussian, for mi),
 *                  ridge, estimator.KEY; saliency needs the probe data ({@link #create(String, Map, Dataset)})
 * (estimators by name as {@link Estimators} makes them; estimator.KEY=VALUE sets their options, e.g. estimator.k=5)
 * local-magnitude  sparsity (0.5)
 * random           sparsity (0.5), seed (0)
 * cmi              cutoff (fraction | knee | scree | xmeans | share), fraction (0.95: information share kept, or with
 *                  cutoff share the share of units kept), sparsity (means cutoff share keeping 1 - sparsity),
 *                  direction (forward | bidirectional | backward | independent), alpha (1.01), samples (256),
 *                  width-scale (1: times each map's median-heuristic width), layers (auto: conv layers, or the
 *                  dense ones of a network without conv | conv | all), positions (0: whole maps), seed (0),
 *                  iterative-epochs (0: one shot; n: prune one layer, retrain n epochs, go on: infoprune prune only)
 * itpruner         sparsity (0.5: the MACs of keeping 1 - sparsity of every layer) or macs (a MACs fraction of the
 *                  whole network: conv, dense, batch norm, pooling), beta (231, their VGG script), batch (256),
 *                  solver (relaxed: their continuous relaxation from x = 1, rounded | exact: whole-unit optimum),
 *                  positions (0: whole flattened maps; n: n seeded positions per conv filter), seed (0); with the
 *                  probe data the maps are captured flattened, otherwise the given activations are used;
 *                  with two prunable layers alpha is equal by symmetry: a pure MACs allocation
 * </pre>
 */
public final class PruningMethods {
    private record Entry(Set<String> options, Function<Options, PruningMethod> factory) {
    }

    private static final Map<String, Entry> METHODS = new LinkedHashMap<>();
    /** Options {@code estimator.KEY} go to the estimator of methods that take one. */
    public static final String ESTIMATOR_PREFIX = "estimator.";

    static {
        METHODS.put(Mipp.NAME, new Entry(Set.of("confidence", "repeats", "subsample", "null-model", "seed", "estimator",
                "ridge", "bias-corrected"), PruningMethods::mipp));
        METHODS.put(GlobalTopK.NAME, new Entry(Set.of("sparsity", "score", "min-per-layer", "estimator", "ridge"),
                o -> new GlobalTopK(score(o), o.fraction("sparsity", 0.5), o.integer("min-per-layer", 0))));
        METHODS.put(LocalMagnitude.NAME, new Entry(Set.of("sparsity"), o -> new LocalMagnitude(o.fraction("sparsity", 0.5))));
        METHODS.put(RandomPruning.NAME, new Entry(Set.of("sparsity", "seed"),
                o -> new RandomPruning(o.fraction("sparsity", 0.5), o.longValue("seed", 0))));
        METHODS.put(CmiFilterPruning.NAME, new Entry(Set.of("cutoff", "fraction", "sparsity", "direction", "alpha",
                "samples", "width-scale", "seed", "layers", "positions", "iterative-epochs"),
                o -> new CmiFilterPruning(cmiSettings(o), o.probeData).withIterativeEpochs(o.integer("iterative-epochs", 0))));
        METHODS.put(ItPrunerAllocation.NAME, new Entry(Set.of("sparsity", "macs", "beta", "batch", "seed", "solver",
                "positions"), o -> new ItPrunerAllocation(itPrunerSettings(o), o.probeData)));
    }

    private PruningMethods() {
    }

    public static List<String> names() {
        return List.copyOf(METHODS.keySet());
    }

    /** Option names a method accepts. */
    public static Set<String> optionsOf(String method) {
        Entry e = METHODS.get(method);
        if (e == null) {
            throw unknown(method);
        }
        return e.options();
    }

    /** A method that needs no probe data beyond the activations (every one except global top-k by saliency). */
    public static PruningMethod create(String name, Map<String, String> options) {
        return create(name, options, null);
    }

    /**
     * @param probeData the probe split the activations were captured on (inputs and labels), for methods that
     *                  need more than the activations (global top-k by gradient saliency); may be null otherwise
     */
    public static PruningMethod create(String name, Map<String, String> options, Dataset probeData) {
        Entry e = METHODS.get(name);
        if (e == null) {
            throw unknown(name);
        }
        Set<String> extra = new HashSet<>(options.keySet());
        extra.removeAll(e.options());
        if (e.options().contains("estimator")) {
            extra.removeIf(k -> k.startsWith(ESTIMATOR_PREFIX) && k.length() > ESTIMATOR_PREFIX.length());
        }
        if (!extra.isEmpty()) {
            throw new BadInputException("--method " + name, "unknown option " + extra.iterator().next()
                    + " (it takes " + String.join(", ", new java.util.TreeSet<>(e.options())) + ")");
        }
        Options o = new Options(name, options, probeData);
        try {
            return e.factory().apply(o);
        } catch (IllegalArgumentException ex) {
            throw new BadInputException("--method " + name, ex.getMessage(), ex);
        }
    }

    private static BadInputException unknown(String name) {
        return new BadInputException("--method", "unknown method " + name + " (known: " + String.join(", ", names()) + ")");
    }

    public static MippSettings mippSettings(Map<String, String> options) {
        return mippSettings(new Options(Mipp.NAME, options, null));
    }

    private static MippSettings mippSettings(Options o) {
        String estimator = o.text("estimator", ReconstructionSettings.NAME);
        Map<String, Object> params = new LinkedHashMap<>();
        if (estimator.equals("gaussian")) {
            params.put("ridge", o.positive("ridge", dev.infoprune.prune.mipp.MippEstimators.GAUSSIAN.ridge()));
            params.put("bias-corrected", o.bool("bias-corrected", dev.infoprune.prune.mipp.MippEstimators.GAUSSIAN.biasCorrected()));
        } else if (o.values.containsKey("bias-corrected") || o.values.containsKey("ridge")) {
            throw new IllegalArgumentException((o.values.containsKey("ridge") ? "ridge" : "bias-corrected")
                    + " applies to the gaussian estimator only");
        }
        if (dev.infoprune.info.LossSessions.handles(estimator)) {
            params.putAll(o.estimatorOptions());
            return new MippSettings(dev.infoprune.info.LossSessions.normalise(new EstimatorSpec(estimator, params)),
                    o.integer("repeats", MippSettings.DEFAULT_REPEATS), o.number("confidence", MippSettings.DEFAULT_CONFIDENCE),
                    o.number("subsample", MippSettings.DEFAULT_SUBSAMPLE), o.bool("null-model", false), o.longValue("seed", 0));
        }
        return new MippSettings(new EstimatorSpec(estimator, params), o.integer("repeats", MippSettings.DEFAULT_REPEATS),
                o.number("confidence", MippSettings.DEFAULT_CONFIDENCE), o.number("subsample", MippSettings.DEFAULT_SUBSAMPLE),
                o.bool("null-model", false), o.longValue("seed", 0));
    }

    private static PruningMethod mipp(Options o) {
        MippSettings s = mippSettings(o);
        if (dev.infoprune.info.LossSessions.handles(s.estimator().name())) {
            return new Mipp(s);
        }
        if (s.estimator().name().equals(GaussianEstimator.NAME)) {
            if (!o.estimatorOptions().isEmpty()) {
                throw new IllegalArgumentException("MIPP's gaussian path takes ridge and bias-corrected, not "
                        + ESTIMATOR_PREFIX + o.estimatorOptions().keySet().iterator().next());
            }
            return new Mipp(s);
        }
        return Mipp.withPlugIn(s, estimator(o));
    }

    private static CmiFilterPruning.Settings cmiSettings(Options o) {
        CmiFilterPruning.Settings d = CmiFilterPruning.Settings.defaults();
        CmiFilterPruning.Cutoff cutoff = choice(o, "cutoff", CmiFilterPruning.Cutoff.class,
                o.values.containsKey("sparsity") ? CmiFilterPruning.Cutoff.SHARE : d.cutoff());
        double fraction = o.number("fraction", d.fraction());
        if (o.values.containsKey("sparsity")) {
            if (cutoff != CmiFilterPruning.Cutoff.SHARE || o.values.containsKey("fraction")) {
                throw new IllegalArgumentException("sparsity sets the share cutoff; give either sparsity or cutoff/fraction");
            }
            fraction = 1 - o.fraction("sparsity", 0.5);
        }
        return new CmiFilterPruning.Settings(cutoff, fraction,
                choice(o, "direction", CmiFilterPruning.Direction.class, d.direction()), o.positive("alpha", d.alpha()),
                o.integer("samples", d.samples()), o.positive("width-scale", d.widthScale()), o.longValue("seed", 0),
                choice(o, "layers", CmiFilterPruning.Layers.class, d.layers()), o.integer("positions", d.positions()));
    }

    private static ItPrunerAllocation.Settings itPrunerSettings(Options o) {
        if (o.values.containsKey("sparsity") && o.values.containsKey("macs")) {
            throw new IllegalArgumentException("give either sparsity or macs, not both");
        }
        ItPrunerAllocation.Settings s = o.values.containsKey("macs")
                ? ItPrunerAllocation.Settings.atMacsFraction(o.number("macs", 1))
                : ItPrunerAllocation.Settings.atSparsity(o.fraction("sparsity", 0.5));
        return s.withBeta(o.number("beta", s.beta())).withBatch(o.integer("batch", s.batch())).withSeed(o.longValue("seed", 0))
                .withSolver(choice(o, "solver", ItPrunerAllocation.Solver.class, s.solver()))
                .withPositions(o.integer("positions", s.positions()));
    }

    private static <E extends Enum<E>> E choice(Options o, String key, Class<E> type, E fallback) {
        String v = o.values.get(key);
        if (v == null) {
            return fallback;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException(key + " must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.joining(", "))
                + ", got " + v);
    }

    private static UnitScore score(Options o) {
        return switch (o.text("score", "l1")) {
            case "l1" -> UnitScore.L1;
            case "mi" -> UnitScore.mutualInformationWithLabels(estimator(o));
            case GradientSaliency.NAME -> {
                if (o.probeData == null) {
                    throw new IllegalArgumentException("score saliency needs the probe data set to compute gradients on");
                }
                yield new GradientSaliency(o.probeData);
            }
            default -> throw new IllegalArgumentException("unknown score " + o.text("score", "") + " (l1, mi, saliency)");
        };
    }

    /**
     * The estimator named by option {@code estimator} ({@link Estimators}: gaussian, ksg, binned, renyi, hsic,
     * predictive), with its own options given as {@code estimator.KEY=VALUE} (e.g. {@code estimator.k=5});
     * {@code ridge} is kept as a shortcut for the gaussian estimator's ridge.
     */
    static InformationEstimator estimator(Options o) {
        String name = o.text("estimator", GaussianEstimator.NAME);
        Map<String, String> params = o.estimatorOptions();
        if (o.values.containsKey("ridge")) {
            if (!name.equals(GaussianEstimator.NAME)) {
                throw new IllegalArgumentException("ridge applies to the gaussian estimator only");
            }
            params.put("ridge", Double.toString(o.positive("ridge", GaussianEstimator.DEFAULT_RIDGE)));
        }
        return Estimators.create(name, params);
    }

    static final class Options {
        final String method;
        final Map<String, String> values;
        final Dataset probeData;

        Options(String method, Map<String, String> values, Dataset probeData) {
            this.method = method;
            this.values = values;
            this.probeData = probeData;
        }

        /** The {@code estimator.KEY} options, keyed by KEY. */
        Map<String, String> estimatorOptions() {
            Map<String, String> out = new LinkedHashMap<>();
            values.forEach((k, v) -> {
                if (k.startsWith(ESTIMATOR_PREFIX)) {
                    out.put(k.substring(ESTIMATOR_PREFIX.length()), v.trim());
                }
            });
            return out;
        }

        String text(String key, String fallback) {
            return values.getOrDefault(key, fallback).trim();
        }

        double number(String key, double fallback) {
            String v = values.get(key);
            if (v == null) {
                return fallback;
            }
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be a number, got " + v);
            }
        }

        double fraction(String key, double fallback) {
            double v = number(key, fallback);
            if (!(v >= 0 && v < 1)) {
                throw new IllegalArgumentException(key + " must be in [0, 1), got " + v);
            }
            return v;
        }

        double positive(String key, double fallback) {
            double v = number(key, fallback);
            if (!(v > 0)) {
                throw new IllegalArgumentException(key + " must be positive, got " + v);
            }
            return v;
        }

        int integer(String key, int fallback) {
            return Math.toIntExact(longValue(key, fallback));
        }

        long longValue(String key, long fallback) {
            String v = values.get(key);
            if (v == null) {
                return fallback;
            }
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + " must be an integer, got " + v);
            }
        }

        boolean bool(String key, boolean fallback) {
            String v = values.get(key);
            if (v == null) {
                return fallback;
            }
            return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0" -> false;
                default -> throw new IllegalArgumentException(key + " must be true or false, got " + v);
            };
        }
    }
}
