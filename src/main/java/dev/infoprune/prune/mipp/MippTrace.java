package dev.infoprune.prune.mipp;

import dev.infoprune.prune.DecisionTrace;

import java.util.List;
import java.util.Map;

/**
 * Every MIPP decision of a run, with what is needed to resume or reproduce it: the model, the settings, the
 * number of probe samples and the layers in the order MIPP visits them (last hidden layer first).
 */
public record MippTrace(String format, int version, String model, Map<String, Object> settings, String estimator,
                        long seed, int probeSamples, List<LayerWidth> layers, List<Step> steps) implements DecisionTrace {
    public static final String FORMAT = "infoprune-mipp-trace";

    public record LayerWidth(String name, int units) {
    }

    public MippTrace {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        layers = List.copyOf(layers);
        steps = List.copyOf(steps);
    }

    @Override
    public int decisions() {
        return steps.size();
    }
}
