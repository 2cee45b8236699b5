package dev.infoprune.ui.mipp;

import dev.infoprune.core.BadInputException;
import dev.infoprune.info.GaussianEstimator;
import dev.infoprune.prune.MethodSettings;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.prune.mipp.MippSettings;
import dev.infoprune.workspace.EstimatorChoice;

import java.util.Locale;
import java.util.Map;

/**
 * The settings of a MIPP run as the user gives them: confidence x, repeats R, the estimator with its options,
 * the seed, and how many probe samples to use (0: all the scores were computed on). {@link MippForm} holds
 * the ones the form shows.
 */
public record MippSetup(double confidence, int repeats, EstimatorChoice estimator, long seed, int probeSamples) {
    /** The paper's MIPP: the reconstruction estimator at its defaults, x = 0.95, R = 5. */
    public static final MippSetup DEFAULT = new MippSetup(MippSettings.DEFAULT_CONFIDENCE, MippSettings.DEFAULT_REPEATS,
            new EstimatorChoice(dev.infoprune.info.ReconstructionSettings.NAME, Map.of()), 0, 0);

    /** These settings, or a {@link BadInputException} naming the setting that is out of range. */
    public MippSetup checked() {
        if (!(confidence > 0 && confidence < 1)) {
            throw new BadInputException("MIPP confidence", "must be between 0 and 1 (e.g. 0.95), got " + plain(confidence));
        }
        if (repeats < 2 || repeats > 1000) {
            throw new BadInputException("MIPP repeats", "must be between 2 and 1000, got " + repeats);
        }
        if (probeSamples < 0) {
            throw new BadInputException("MIPP probe samples", "must be 0 (all) or a positive count, got " + probeSamples);
        }
        return this;
    }

    /** 0.95 as "0.95", 0.8 as "0.8": the shortest decimal that reads back as the same double. */
    static String plain(double value) {
        return new java.math.BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** The run's settings as MIPP's registry entry types them. */
    MethodSettings methodSettings() {
        MethodSettings s = PruningMethods.MIPP.defaults().withText("confidence", Double.toString(confidence))
                .withText("repeats", Integer.toString(repeats)).withText("seed", Long.toString(seed))
                .withText("estimator", estimator.name());
        // MIPP's gaussian path takes the estimator's ridge and bias-corrected as its own settings
        String prefix = estimator.name().equals(GaussianEstimator.NAME) ? "" : MethodSettings.ESTIMATOR_PREFIX;
        for (Map.Entry<String, String> e : estimator.options().entrySet()) {
            s = s.withText(prefix + e.getKey(), e.getValue());
        }
        return s;
    }

    /**
     * For the stepper's status line, e.g. {@code x = 0.95, R = 5, gaussian(bias-corrected=true, ridge=0.001), seed 0,
     * 359 probe samples}, with the estimator as the run describes it (defaults included).
     */
    public String describe(String estimatorUsed, int samples) {
        return describe(estimatorUsed, samples, "the probe split");
    }

    /** As {@link #describe(String, int)}, naming where the samples came from when it is not the probe split. */
    public String describe(String estimatorUsed, int samples, String source) {
        String where = source.startsWith("the probe split") ? samples + " probe samples" : samples + " samples from " + source;
        return String.format(Locale.ROOT, "x = %s, R = %d, %s, seed %d, %s", plain(confidence), repeats,
                estimatorUsed, seed, where);
    }
}
