package dev.infoprune.info;

import dev.infoprune.core.BadInputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates estimators from a name and string options (as typed on the command line or chosen in the
 * workbench) and lists what exists: {@code Estimators.create("ksg", Map.of("k", "5"))}. Unknown names, unknown
 * options and malformed values are {@link BadInputException}s naming the estimator and the option.
 */
public final class Estimators {
    private Estimators() {
    }

    /** One option of an estimator: its name, default (as text) and meaning. */
    public record Parameter(String name, String defaultValue, String description) {
    }

    /** An estimator's name, what it computes, and its options. */
    public record Description(String name, String summary, List<Parameter> parameters) {
    }

    private static final List<Description> CATALOG = List.of(
            new GaussianParameters(GaussianEstimator.DEFAULT_RIDGE, false).description(),
            new Description(KsgEstimator.NAME, "Kraskov-Stoegbauer-Grassberger k-nearest neighbours (max-norm); Ross 2014 for labels",
                    List.of(new Parameter("k", String.valueOf(KsgEstimator.DEFAULT_K), "neighbours"),
                            new Parameter("algorithm", "1", "Kraskov's algorithm, 1 or 2"),
                            new Parameter("noise", String.valueOf(KsgEstimator.DEFAULT_NOISE), "relative tie-breaking jitter, 0 for none"),
                            new Parameter("seed", "0", "seed of the jitter"))),
            new Description(BinnedEstimator.NAME, "plug-in estimate on a histogram",
                    List.of(new Parameter("bins", String.valueOf(BinnedEstimator.DEFAULT_BINS), "bins per variable"),
                            new Parameter("binning", "width", "width (equal width) or frequency (equal frequency)"),
                            new Parameter("millerMadow", "false", "add the Miller-Madow correction (m-1)/2N"))),
            new Description(RenyiEstimator.NAME, "matrix-based Renyi alpha-entropy of Gaussian-kernel Gram matrices",
                    List.of(new Parameter("alpha", String.valueOf(RenyiEstimator.DEFAULT_ALPHA), "order alpha > 0 (2: Frobenius norm, no eigenvalues)"),
                            new Parameter("width", "silverman", "kernel width: silverman, scott or a number"))),
            new Description(HsicEstimator.NAME, "Hilbert-Schmidt independence criterion / CKA (a dependence score, not nats)",
                    List.of(new Parameter("kernel", "linear", "linear or rbf"),
                            new Parameter("width", "median", "RBF width: median (heuristic) or a number"),
                            new Parameter("unbiased", "false", "the unbiased estimator of Song et al. 2012"),
                            new Parameter("normalized", "true", "normalise to CKA"))),
            new Description(PredictiveEstimator.NAME, "loss of predicting Y without X minus with X, small MLP through DJL (Covert et al. 2020)",
                    List.of(new Parameter("hidden", String.valueOf(PredictiveEstimator.DEFAULT_HIDDEN), "hidden units of the MLP"),
                            new Parameter("epochs", String.valueOf(PredictiveEstimator.DEFAULT_EPOCHS), "training epochs"),
                            new Parameter("learningRate", String.valueOf(PredictiveEstimator.DEFAULT_LEARNING_RATE), "Adam learning rate"),
                            new Parameter("holdout", String.valueOf(PredictiveEstimator.DEFAULT_HOLDOUT), "fraction of samples the losses are measured on"),
                            new Parameter("seed", "0", "seed of initialisation, shuffling and the split"),
                            new Parameter("warmStart", "false", "start each fit from the last fit of the same shape"))));

    /** All estimators with their options and defaults, in a stable order. */
    public static List<Description> catalog() {
        return CATALOG;
    }

    public static List<String> names() {
        return CATALOG.stream().map(Description::name).toList();
    }

    /** The estimator with default options. */
    public static InformationEstimator create(String name) {
        return create(name, Map.of());
    }

    /** The estimator a spec names, its parameters read as text (anything not given keeps its default). */
    public static InformationEstimator create(EstimatorSpec spec) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        spec.parameters().forEach((k, v) -> options.put(k, String.valueOf(v)));
        return create(spec.name(), options);
    }

    /** The named estimator with the given options (text values; anything not given keeps its default). */
    public static InformationEstimator create(String name, Map<String, String> options) {
        String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        Description d = CATALOG.stream().filter(c -> c.name().equals(key)).findFirst()
                .orElseThrow(() -> new BadInputException("estimator", "unknown estimator '" + name + "'; known: " + String.join(", ", names())));
        Set<String> known = new TreeSet<>();
        d.parameters().forEach(p -> known.add(p.name()));
        for (String o : options.keySet()) {
            if (!known.contains(o)) {
                throw new BadInputException("estimator " + key, "unknown option '" + o + "'; known: " + String.join(", ", known));
            }
        }
        try {
            return build(key, new Options(key, d, options));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("estimator " + key, e.getMessage());
        }
    }

    private static InformationEstimator build(String key, Options o) {
        return switch (key) {
            case GaussianEstimator.NAME -> new GaussianEstimator(new GaussianParameters(o.real(GaussianParameters.RIDGE),
                    o.bool(GaussianParameters.BIAS_CORRECTED)));
            case KsgEstimator.NAME -> new KsgEstimator(o.integer("k"), o.integer("algorithm"), o.real("noise"), o.integer("seed"));
            case BinnedEstimator.NAME -> new BinnedEstimator(o.integer("bins"), binning(o.text("binning")), o.bool("millerMadow"));
            case RenyiEstimator.NAME -> renyi(o);
            case HsicEstimator.NAME -> new HsicEstimator(kernel(o.text("kernel")),
                    o.text("width").equals("median") ? 0 : o.real("width"), o.bool("unbiased"), o.bool("normalized"));
            case PredictiveEstimator.NAME -> new PredictiveEstimator(o.integer("hidden"), o.integer("epochs"),
                    o.real("learningRate"), o.real("holdout"), o.integer("seed"), o.bool("warmStart"));
            default -> throw new IllegalStateException(key);
        };
    }

    private static RenyiEstimator renyi(Options o) {
        String w = o.text("width").toLowerCase(Locale.ROOT);
        double alpha = o.real("alpha");
        return switch (w) {
            case "silverman" -> new RenyiEstimator(alpha, RenyiEstimator.WidthRule.SILVERMAN, 0);
            case "scott" -> new RenyiEstimator(alpha, RenyiEstimator.WidthRule.SCOTT, 0);
            default -> new RenyiEstimator(alpha, RenyiEstimator.WidthRule.FIXED, o.real("width"));
        };
    }

    private static BinnedEstimator.Binning binning(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "width", "equal-width" -> BinnedEstimator.Binning.EQUAL_WIDTH;
            case "frequency", "equal-frequency" -> BinnedEstimator.Binning.EQUAL_FREQUENCY;
            default -> throw new BadInputException("estimator binned", "binning must be width or frequency, got '" + s + "'");
        };
    }

    private static HsicEstimator.Kernel kernel(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "linear" -> HsicEstimator.Kernel.LINEAR;
            case "rbf", "gaussian" -> HsicEstimator.Kernel.RBF;
            default -> throw new BadInputException("estimator hsic", "kernel must be linear or rbf, got '" + s + "'");
        };
    }

    /** Parses one estimator's options, falling back to the defaults of its description. */
    private record Options(String estimator, Description description, Map<String, String> given) {
        String text(String name) {
            String v = given.get(name);
            if (v != null) {
                return v.trim();
            }
            return description.parameters().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().defaultValue();
        }

        double real(String name) {
            String v = text(name);
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new BadInputException("estimator " + estimator, "option " + name + " must be a number, got '" + v + "'");
            }
        }

        int integer(String name) {
            String v = text(name);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new BadInputException("estimator " + estimator, "option " + name + " must be a whole number, got '" + v + "'");
            }
        }

        boolean bool(String name) {
            String v = text(name).toLowerCase(Locale.ROOT);
            return switch (v) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new BadInputException("estimator " + estimator, "option " + name + " must be true or false, got '" + v + "'");
            };
        }
    }

    /** Options as text from "key=value" items (the CLI's repeated --option). */
    public static Map<String, String> parseOptions(List<String> items) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException("estimator option", "expected KEY=VALUE, got '" + item + "'");
            }
            out.put(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
        }
        return out;
    }
}
