package dev.infoprune.prune.mipp;

import dev.infoprune.core.Matrix;
import dev.infoprune.info.EstimatorSpec;
import dev.infoprune.info.LossSession;
import dev.infoprune.info.ReconstructionSession;
import dev.infoprune.info.ReconstructionSettings;
import dev.infoprune.info.RidgeCvSession;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MIPP's loss-based estimators: {@code reconstruction} (the paper's: an MLP re-fitted per test, the default) and
 * {@code ridge-cv} (the fast mode: closed-form ridge regression, k-fold cross-validation). Their specs carry
 * every parameter with its default filled in, so plans and traces say exactly what ran.
 */
public final class LossEstimators {
    private LossEstimators() {
    }

    public static boolean handles(String name) {
        return ReconstructionSettings.NAME.equals(name) || RidgeCvSession.NAME.equals(name);
    }

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

    static ReconstructionSettings reconstruction(EstimatorSpec spec, int repeats, long seed) {
        ReconstructionSettings d = ReconstructionSettings.defaults();
        ReconstructionSettings s = new ReconstructionSettings(
                integer(spec, "hidden", d.hidden()), integer(spec, "steps", d.maxSteps()),
                integer(spec, "eval-every", d.evalEvery()), integer(spec, "patience", d.patience()),
                integer(spec, "refit-steps", d.refitSteps()), number(spec, "lr", d.learningRate()),
                integer(spec, "batch", d.batch()), number(spec, "holdout", d.holdout()), repeats, seed);
        unknown(spec, s.parameters());
        return s;
    }

    static LossSession session(EstimatorSpec spec, Matrix inputs, int[][] groups, Matrix target, int repeats, long seed) {
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
