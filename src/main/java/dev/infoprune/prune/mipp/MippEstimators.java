package dev.infoprune.prune.mipp;

import dev.infoprune.core.BadInputException;
import dev.infoprune.info.EstimatorSpec;
import dev.infoprune.info.Estimators;
import dev.infoprune.info.GaussianParameters;
import dev.infoprune.info.LossSessions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The estimators MIPP can run on: its loss-based ones first (the paper's is the default), then every plug-in. */
public final class MippEstimators {
    /** The gaussian estimator's parameters as MIPP's incremental session uses them unless told otherwise. */
    public static final GaussianParameters GAUSSIAN = new GaussianParameters(1e-3, true);

    private MippEstimators() {
    }

    /** Every estimator with the defaults MIPP runs it with (the gaussian one's are {@link #GAUSSIAN}). */
    public static List<Estimators.Description> catalog() {
        List<Estimators.Description> all = new ArrayList<>(LossSessions.catalog());
        for (Estimators.Description d : Estimators.catalog()) {
            all.add(d.name().equals(GaussianParameters.NAME) ? GAUSSIAN.description() : d);
        }
        return List.copyOf(all);
    }

    /** Checks a choice of estimator and options; a bad one is a {@link BadInputException} naming the option. */
    public static void check(String name, Map<String, String> options) {
        if (LossSessions.handles(name)) {
            try {
                LossSessions.normalise(new EstimatorSpec(name, new LinkedHashMap<>(options)));
            } catch (IllegalArgumentException e) {
                throw new BadInputException("estimator " + name, e.getMessage(), e);
            }
        } else {
            Estimators.create(name, options);
        }
    }
}
