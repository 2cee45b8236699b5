package dev.infoprune.prune;

import dev.infoprune.info.EstimatorSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting a pruning method declares: its key (as the command line's {@code -o KEY=VALUE}, the workbench's
 * forms and the plan files name it), its type, its default, its valid range and its help text. Text from the edge
 * (command line, form, session) is parsed and checked here, once; everything after that handles typed values.
 *
 * @param defaultValue null where the setting is off unless given (e.g. CMI's sparsity, ITPruner's MACs budget)
 */
public record Setting<T>(String key, Class<T> type, T defaultValue, String range, String help,
                         Function<String, T> parser, Predicate<T> valid, List<String> choices, String complaint) {
    public Setting {
        choices = List.copyOf(choices);
    }

    Setting(String key, Class<T> type, T defaultValue, String range, String help, Function<String, T> parser,
            Predicate<T> valid, List<String> choices) {
        this(key, type, defaultValue, range, help, parser, valid, choices, key + " must be " + range);
    }

    /** The same setting, refusing an out-of-range value with {@code complaint} (followed by ", got VALUE"). */
    public Setting<T> complaining(String complaint) {
        return new Setting<>(key, type, defaultValue, range, help, parser, valid, choices, complaint);
    }

    /** A share in [0, 1), such as a sparsity. */
    public static Setting<Double> fraction(String key, Double defaultValue, String help) {
        return number(key, defaultValue, "in [0, 1)", v -> v >= 0 && v < 1, help);
    }

    /** A level strictly between 0 and 1. */
    public static Setting<Double> openUnit(String key, double defaultValue, String help) {
        return number(key, defaultValue, "in (0, 1)", v -> v > 0 && v < 1, help);
    }

    public static Setting<Double> positive(String key, Double defaultValue, String help) {
        return number(key, defaultValue, "positive", v -> v > 0, help);
    }

    public static Setting<Double> number(String key, Double defaultValue, String range, Predicate<Double> valid, String help) {
        return new Setting<>(key, Double.class, defaultValue, range, help, t -> parse(key, t, Double::parseDouble, "a number"),
                v -> !v.isNaN() && valid.test(v), List.of());
    }

    public static Setting<Integer> integer(String key, int defaultValue, int min, String help) {
        return new Setting<>(key, Integer.class, defaultValue, "at least " + min, help,
                t -> parse(key, t, s -> Math.toIntExact(Long.parseLong(s)), "an integer"), v -> v >= min, List.of());
    }

    public static Setting<Long> seed(String help) {
        return new Setting<>("seed", Long.class, 0L, "an integer", help, t -> parse("seed", t, Long::parseLong, "an integer"),
                v -> true, List.of());
    }

    public static Setting<Boolean> flag(String key, boolean defaultValue, String help) {
        return new Setting<>(key, Boolean.class, defaultValue, "true or false", help, t -> switch (t.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, got " + t);
        }, v -> true, List.of("true", "false"));
    }

    /** One of the constants of {@code type}, written in lower case. */
    public static <E extends Enum<E>> Setting<E> choice(String key, Class<E> type, E defaultValue, String help) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        return new Setting<>(key, type, defaultValue, "one of " + String.join(", ", names), help, t -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(t.trim())) {
                    return e;
                }
            }
            throw new IllegalArgumentException(key + " must be one of " + String.join(", ", names) + ", got " + t);
        }, v -> true, names);
    }

    /** One of {@code names}, as a string. */
    public static Setting<String> name(String key, String defaultValue, List<String> names, String help) {
        return new Setting<>(key, String.class, defaultValue, "one of " + String.join(", ", names), help, String::trim,
                v -> true, names);
    }

    /**
     * An information estimator by name; its own options are given as {@code estimator.KEY=VALUE} and kept in the
     * spec's parameters as text until the method builds the estimator.
     */
    public static Setting<EstimatorSpec> estimator(String defaultName, List<String> names, String help) {
        return new Setting<>("estimator", EstimatorSpec.class, new EstimatorSpec(defaultName, Map.of()),
                "one of " + String.join(", ", names), help, t -> new EstimatorSpec(t.trim(), Map.of()), v -> true, names);
    }

    /** The value {@code text} stands for, checked against the range; an {@link IllegalArgumentException} names the key. */
    public T parse(String text) {
        return check(parser.apply(text));
    }

    public T check(T value) {
        if (value == null || !valid.test(value)) {
            throw new IllegalArgumentException(complaint + ", got " + value);
        }
        return value;
    }

    /** The value as a form or a file writes it; {@link #parse} reads it back to the same value. */
    public String format(T value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof EstimatorSpec spec) {
            return spec.name();
        }
        return String.valueOf(value);
    }

    /** The default as {@link #format} writes it; "" for a setting off by default. */
    public String defaultText() {
        return format(defaultValue);
    }

    /** Help with the default, for command-line help and form tooltips. */
    public String helpWithDefault() {
        return help + (defaultValue == null ? "" : " (default " + defaultText() + ")");
    }

    private static <V> V parse(String key, String text, Function<String, V> parser, String what) {
        try {
            return parser.apply(text.trim());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(key + " must be " + what + ", got " + text);
        }
    }
}
