package dev.infoprune.info;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** An estimator's name and the parameters it ran with; every score carries one. */
public record EstimatorSpec(String name, Map<String, Object> parameters) {
    public EstimatorSpec {
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /** For legends and reports, e.g. {@code ksg(k=3, noise=1e-10)}. */
    public String describe() {
        if (parameters.isEmpty()) {
            return name;
        }
        return name + parameters.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
