package dev.infoprune.workspace;

import dev.infoprune.info.EstimatorSpec;
import dev.infoprune.info.Estimators;
import dev.infoprune.info.InformationEstimator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The estimator the user chose and the options they set, as text (what {@link Estimators#create(String, Map)}
 * takes); options left out keep their defaults. A value, so sessions and views can hold and compare it.
 */
public record EstimatorChoice(String name, Map<String, String> options) {
    public static final EstimatorChoice DEFAULT = new EstimatorChoice("gaussian", Map.of());

    public EstimatorChoice {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
    }

    /** The estimator itself; a bad name or option is a {@link dev.infoprune.core.BadInputException}. */
    public InformationEstimator create() {
        return Estimators.create(name, options);
    }

    /** The estimator's name with every parameter it runs with, defaults included. */
    public EstimatorSpec spec() {
        return create().spec();
    }

    /** For legends, e.g. {@code ksg(algorithm=1, k=5, noise=1.0E-10, seed=0)}. */
    public String describe() {
        return spec().describe();
    }
}
