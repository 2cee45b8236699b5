package dev.infoprune.ui.estimator;

import dev.infoprune.info.Estimators;
import dev.infoprune.info.GaussianEstimator;
import dev.infoprune.info.InformationEstimator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An estimator picked by name from {@link Estimators#catalog()} with the options the user changed from their
 * defaults (as text, the way {@link Estimators#create(String, Map)} takes them).
 */
public record EstimatorChoice(String name, Map<String, String> options) {
    public static final EstimatorChoice GAUSSIAN = new EstimatorChoice(GaussianEstimator.NAME, Map.of());

    public EstimatorChoice {
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The estimator; bad options are a {@link dev.infoprune.core.BadInputException} naming the option. */
    public InformationEstimator create() {
        return Estimators.create(name, options);
    }

    public Estimators.Description description() {
        return Estimators.catalog().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown estimator " + name));
    }

    /** The value of an option, its default when not given. */
    public String value(String option) {
        String v = options.get(option);
        if (v != null) {
            return v;
        }
        return description().parameters().stream().filter(p -> p.name().equals(option)).findFirst()
                .map(Estimators.Parameter::defaultValue).orElse("");
    }

    /** e.g. {@code ksg(k=5)}: the name with the options that differ from the defaults. */
    public String describe() {
        if (options.isEmpty()) {
            return name;
        }
        return name + options.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public String toString() {
        return describe();
    }
}
