package dev.infoprune.cli;

import dev.infoprune.core.BadInputException;
import dev.infoprune.prune.MethodSettings;
import dev.infoprune.prune.MethodType;
import dev.infoprune.prune.PruningMethods;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Method settings as the command line writes them ({@code KEY=VALUE}, {@code METHOD.KEY=VALUE}), read into typed settings. */
final class MethodOptions {
    private MethodOptions() {
    }

    /** {@code base} with every {@code KEY -> VALUE} of {@code given} read in, in order. */
    static MethodSettings read(MethodSettings base, Map<String, String> given) {
        MethodSettings s = base;
        for (Map.Entry<String, String> e : given.entrySet()) {
            s = s.withText(e.getKey(), e.getValue());
        }
        return s;
    }

    /** {@code KEY=VALUE} as a key and a value; anything else is refused naming {@code option}. */
    static Map.Entry<String, String> keyValue(String option, String item, String example) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
            throw new BadInputException(option + " " + item, "write it as " + example);
        }
        return Map.entry(item.substring(0, eq).trim(), item.substring(eq + 1).trim());
    }

    /**
     * Items {@code METHOD.KEY=VALUE} read on top of {@code base} (settings per method name; a method not in it
     * starts from its defaults).
     */
    static Map<String, MethodSettings> perMethod(List<String> items, Map<String, MethodSettings> base) {
        Map<String, MethodSettings> out = new LinkedHashMap<>(base);
        for (String item : items) {
            int dot = item.indexOf('.');
            int eq = item.indexOf('=');
            if (dot <= 0 || eq <= dot + 1) {
                throw new BadInputException("--option " + item, "write it as METHOD.KEY=VALUE, e.g. mipp.confidence=0.9");
            }
            String method = item.substring(0, dot);
            MethodType type = PruningMethods.find(method).orElseThrow(() -> new BadInputException("--option " + item,
                    "unknown method " + method + " (known: " + String.join(", ", PruningMethods.names()) + ")"));
            out.put(method, out.getOrDefault(method, type.defaults()).withText(item.substring(dot + 1, eq), item.substring(eq + 1)));
        }
        return out;
    }
}
