package dev.infoprune.prune;

import dev.infoprune.data.Dataset;

import java.util.Map;
import java.util.TreeMap;

/** Tests' shorthand: a method built from text options, as the command line's {@code -o KEY=VALUE} gives them. */
public final class MethodsByText {
    private MethodsByText() {
    }

    public static PruningMethod create(String name, Map<String, String> options) {
        return create(name, options, null);
    }

    public static PruningMethod create(String name, Map<String, String> options, Dataset probeData) {
        MethodType type = PruningMethods.type(name);
        return type.create(settings(name, options), probeData);
    }

    /** Unknown keys are refused first, then the values are read in key order (a {@code Map.of} has none of its own). */
    public static MethodSettings settings(String name, Map<String, String> options) {
        MethodType type = PruningMethods.type(name);
        Map<String, String> sorted = new TreeMap<>(options);
        for (String key : sorted.keySet()) {
            if (type.setting(key).isEmpty() && !key.startsWith(MethodSettings.ESTIMATOR_PREFIX)) {
                type.defaults().withText(key, "");
            }
        }
        MethodSettings s = type.defaults();
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            s = s.withText(e.getKey(), e.getValue());
        }
        return s;
    }
}
