package dev.infoprune.info;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The knobs of the reconstruction estimator (MIPP's default, after the paper): a one-hidden-layer ReLU MLP g
 * trained with Adam and MSE to reconstruct the standardised target from the layer's kept units.
 *
 * @param hidden       g's hidden width
 * @param fit          how g's first fit ends: after a fixed budget of batches (the paper's) or at early stopping
 * @param batches      g's first fit with {@link FirstFit#BUDGET}: this many Adam steps of {@code batch} rows
 * @param maxSteps     g's first fit with {@link FirstFit#CONVERGE}: most Adam steps (it stops earlier when the
 *                     held-out loss stops falling)
 * @param evalEvery    steps between held-out checks of a converging first fit
 * @param patience     held-out checks without improvement before a converging first fit stops
 * @param refitSteps   Adam steps of each warm-started re-fit (the same for the "with" and "without" sides)
 * @param learningRate Adam's step size
 * @param batch        rows per step
 * @param holdout      share of rows held out for the loss, drawn anew for each repeat
 * @param repeats      R, independent estimates (own initial weights, held-out rows and batches)
 * @param seed         seeds all of the above
 */
public record ReconstructionSettings(int hidden, FirstFit fit, int batches, int maxSteps, int evalEvery, int patience,
                                     int refitSteps, double learningRate, int batch, double holdout, int repeats, long seed) {
    public static final String NAME = "reconstruction";

    /** How g's first fit ends. */
    public enum FirstFit {
        /** a fixed number of batches, as the paper trains its estimator ("about 5,000 samples, 20 batches") */
        BUDGET,
        /** Adam until the held-out loss stops falling (early stopping), the best weights kept */
        CONVERGE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static FirstFit parse(String text) {
            for (FirstFit f : values()) {
                if (f.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new IllegalArgumentException("fit must be budget or converge, got " + text);
        }
    }

    public ReconstructionSettings {
        require(hidden >= 1 && hidden <= 4096, "hidden must be in 1..4096, got " + hidden);
        require(fit != null, "fit must be budget or converge");
        require(batches >= 1 && batches <= 1_000_000, "batches must be in 1..1000000, got " + batches);
        require(maxSteps >= 1 && maxSteps <= 1_000_000, "steps must be in 1..1000000, got " + maxSteps);
        require(evalEvery >= 1, "eval-every must be at least 1, got " + evalEvery);
        require(patience >= 1, "patience must be at least 1, got " + patience);
        require(refitSteps >= 1 && refitSteps <= 100_000, "refit-steps must be in 1..100000, got " + refitSteps);
        require(learningRate > 0 && learningRate < 10, "lr must be in (0, 10), got " + learningRate);
        require(batch >= 2 && batch <= 1 << 20, "batch must be in 2..1048576, got " + batch);
        require(holdout > 0 && holdout < 1, "holdout must be in (0, 1), got " + holdout);
        require(repeats >= 2 && repeats <= 100, "repeats must be in 2..100, got " + repeats);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The paper's training budget for g: 20 batches of 256 rows (5,120 samples); see docs/results.md for the re-fit steps. */
    public static ReconstructionSettings defaults() {
        return new ReconstructionSettings(64, FirstFit.BUDGET, 20, 3000, 50, 4, 8, 2e-3, 256, 0.3, 5, 0);
    }

    public ReconstructionSettings withRepeats(int r) {
        return new ReconstructionSettings(hidden, fit, batches, maxSteps, evalEvery, patience, refitSteps, learningRate,
                batch, holdout, r, seed);
    }

    public ReconstructionSettings withSeed(long s) {
        return new ReconstructionSettings(hidden, fit, batches, maxSteps, evalEvery, patience, refitSteps, learningRate,
                batch, holdout, repeats, s);
    }

    /** Parameters as they go into the estimator spec (repeats and seed belong to the caller's settings). */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hidden", hidden);
        p.put("fit", fit.label());
        p.put("batches", batches);
        p.put("steps", maxSteps);
        p.put("eval-every", evalEvery);
        p.put("patience", patience);
        p.put("refit-steps", refitSteps);
        p.put("lr", learningRate);
        p.put("batch", batch);
        p.put("holdout", holdout);
        return p;
    }

    public EstimatorSpec spec() {
        return new EstimatorSpec(NAME, parameters());
    }
}
