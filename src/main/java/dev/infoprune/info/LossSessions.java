package dev.infoprune.info;

import dev.infoprune.core.Matrix;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss-based {@link LossSession}s: {@code reconstruction} (the MIPP paper's: an MLP re-fitted per test) and
 * {@code ridge-cv} (a fast mode: closed-form ridge regression, k-fold cross-validation), their catalogue in the form
 * the estimator pickers show, and their specs, which carry every parameter with its default filled in so that plans
 * and traces say exactly what ran.
 */
public final class LossSessions {
    private LossSessions() {
    }

    public static List<Estimators.Description> catalog() {
        ReconstructionSettings d = ReconstructionSettings.defaults();
        return List.of(
                new Estimators.Description(ReconstructionSettings.NAME,
                        "the MIPP paper's estimate: held-out loss of an MLP reconstructing the next layer, re-fitted per test",
                        List.of(new Estimators.Parameter("hidden", String.valueOf(d.hidden()), "hidden units of the MLP g"),
                                new Estimators.Parameter("fit", d.fit().label(), "how g's first fit ends: budget (a fixed number of batches, as the paper) or converge (early stopping)"),
                                new Estimators.Parameter("batches", String.valueOf(d.batches()), "g's first fit with fit=budget: Adam steps of batch rows each (20 × 256 = 5,120 samples, as the paper)"),
                                new Estimators.Parameter("steps", String.valueOf(d.maxSteps()), "g's first fit with fit=converge: most Adam steps"),
                                new Estimators.Parameter("eval-every", String.valueOf(d.evalEvery()), "fit=converge: steps between held-out checks"),
                                new Estimators.Parameter("patience", String.valueOf(d.patience()), "fit=converge: checks without improvement before the first fit stops"),
                                new Estimators.Parameter("refit-steps", String.valueOf(d.refitSteps()), "Adam steps of each warm re-fit"),
                                new Estimators.Parameter("lr", String.valueOf(d.learningRate()), "Adam learning rate"),
                                new Estimators.Parameter("batch", String.valueOf(d.batch()), "rows per step"),
                                new Estimators.Parameter("holdout", String.valueOf(d.holdout()), "share of rows the losses are measured on"))),
                new Estimators.Description(RidgeCvSession.NAME,
                        "fast mode, not the paper's: closed-form ridge regression, k-fold cross-validated loss (folds = repeats)",
                        List.of(new Estimators.Parameter("lambda", String.valueOf(RidgeCvSession.DEFAULT_LAMBDA), "ridge penalty on standardised inputs"))));
    }

    /** Whether the name is one of the loss-based estimators ({@code reconstruction}, {@code ridge-cv}). */
    public static boolean handles(String name) {
        return ReconstructionSettings.NAME.equals(name) || RidgeCvSession.NAME.equals(name);
    }

    /** The paper's estimator with every parameter at its default. */
    public static EstimatorSpec defaultSpec() {
        return ReconstructionSettings.defaults().spec();
    }

    /** The spec with every parameter present and checked; an unknown or bad parameter is an IllegalArgumentException. */
    public static EstimatorSpec normalise(EstimatorSpec spec) {
        if (ReconstructionSettings.NAME.equals(spec.name())) {
            return reconstruction(spec, 2, 0).spec();
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("lambda", number(spec, "lambda", RidgeCvSession.DEFAULT_LAMBDA));
        unknown(spec, p);
        return new EstimatorSpec(RidgeCvSession.NAME, p);
    }

    private static ReconstructionSettings reconstruction(EstimatorSpec spec, int repeats, long seed) {
        ReconstructionSettings d = ReconstructionSettings.defaults();
        ReconstructionSettings s = new ReconstructionSettings(
                integer(spec, "hidden", d.hidden()), fit(spec, d.fit()), integer(spec, "batches", d.batches()),
                integer(spec, "steps", d.maxSteps()),
                integer(spec, "eval-every", d.evalEvery()), integer(spec, "patience", d.patience()),
                integer(spec, "refit-steps", d.refitSteps()), number(spec, "lr", d.learningRate()),
                integer(spec, "batch", d.batch()), number(spec, "holdout", d.holdout()), repeats, seed);
        unknown(spec, s.parameters());
        return s;
    }

    /** The session the spec names, on inputs whose columns form the groups, with R repeats. */
    public static LossSession create(EstimatorSpec spec, Matrix inputs, int[][] groups, Matrix target, int repeats, long seed) {
        if (ReconstructionSettings.NAME.equals(spec.name())) {
            return new ReconstructionSession(inputs, groups, target, reconstruction(spec, repeats, seed));
        }
        return new RidgeCvSession(inputs, groups, target, repeats, number(spec, "lambda", RidgeCvSession.DEFAULT_LAMBDA), seed);
    }

    private static void unknown(EstimatorSpec spec, Map<String, Object> known) {
        for (String k : spec.parameters().keySet()) {
            if (!known.containsKey(k)) {
                throw new IllegalArgumentException("the " + spec.name() + " estimator has no option " + k
                        + " (it takes " + String.join(", ", known.keySet()) + ")");
            }
        }
    }

    private static ReconstructionSettings.FirstFit fit(EstimatorSpec spec, ReconstructionSettings.FirstFit fallback) {
        Object v = spec.parameters().get("fit");
        return v == null ? fallback : ReconstructionSettings.FirstFit.parse(v.toString());
    }

    private static double number(EstimatorSpec spec, String key, double fallback) {
        Object v = spec.parameters().get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number num) {
            return num.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, got " + v);
        }
    }

    private static int integer(EstimatorSpec spec, String key, int fallback) {
        Object v = spec.parameters().get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())
                    ? Math.toIntExact(num.longValue()) : Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(key + " must be an integer, got " + v);
        }
    }
}
