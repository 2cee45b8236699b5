package dev.infoprune.data;

import dev.infoprune.core.BadInputException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A data set as the user names it: a bundled name, a CSV file or an IDX folder, optionally followed by
 * {@code #key=value,key=value} options (for example {@code data.csv#label=0} or
 * {@code synthetic-blobs#n=1000,classes=4}).
 */
public record DatasetSpec(String text, String base, Map<String, String> options) {
    public static DatasetSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("data set", "no data set given");
        }
        int hash = text.lastIndexOf('#');
        if (hash < 0 || existsAsPath(text)) {
            return new DatasetSpec(text, text, Map.of());
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (String part : text.substring(hash + 1).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new BadInputException(text, "option \"" + part + "\" is not of the form key=value");
            }
            options.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return new DatasetSpec(text, text.substring(0, hash), Map.copyOf(options));
    }

    public void allowOnly(Set<String> keys) {
        for (String key : options.keySet()) {
            if (!keys.contains(key)) {
                throw new BadInputException(text, "unknown option \"" + key + "\"" + (keys.isEmpty()
                        ? " (this data set takes no options)" : " (options: " + String.join(", ", new java.util.TreeSet<>(keys)) + ")"));
            }
        }
    }

    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    public int intOption(String key, int fallback, int min, int max) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw new BadInputException(text, "option " + key + "=" + v + " is outside " + min + ".." + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw new BadInputException(text, "option " + key + "=" + v + " is not an integer");
        }
    }

    public double doubleOption(String key, double fallback, double min, double max) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= min && d <= max)) {
                throw new BadInputException(text, "option " + key + "=" + v + " is outside " + min + ".." + max);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadInputException(text, "option " + key + "=" + v + " is not a number");
        }
    }

    static boolean existsAsPath(String text) {
        try {
            return java.nio.file.Files.exists(java.nio.file.Path.of(text));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }
}
