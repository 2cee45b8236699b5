package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.info.EstimatorSpec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The typed settings of one pruning method: a value for each {@link Setting} its {@link MethodType} declares, the
 * default where none was given. Immutable; {@link #with} and {@link #withText} return changed copies. Text is read
 * only by {@link #withText}, at the edge (command line, workbench form, session file).
 */
public final class MethodSettings {
    /** Options {@code estimator.KEY} go to the estimator of methods that take one. */
    public static final String ESTIMATOR_PREFIX = "estimator.";

    private final MethodType type;
    private final Map<String, Object> given;

    MethodSettings(MethodType type, Map<String, Object> given) {
        this.type = type;
        this.given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
    }

    public MethodType type() {
        return type;
    }

    /** The value of {@code setting}: the one given, else its default (null for a setting off by default). */
    public <T> T get(Setting<T> setting) {
        Object v = given.get(declared(setting).key());
        return v != null ? setting.type().cast(v) : setting.defaultValue();
    }

    /** Whether {@code setting} was given rather than left at its default. */
    public boolean isGiven(Setting<?> setting) {
        return given.containsKey(setting.key());
    }

    /** The keys of the settings that were given, in the order given. */
    public List<String> givenKeys() {
        return List.copyOf(given.keySet());
    }

    public <T> MethodSettings with(Setting<T> setting, T value) {
        Map<String, Object> copy = new LinkedHashMap<>(given);
        String key = declared(setting).key();
        try {
            copy.put(key, setting.check(value));
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
        return new MethodSettings(type, copy);
    }

    public MethodSettings without(Setting<?> setting) {
        Map<String, Object> copy = new LinkedHashMap<>(given);
        copy.remove(setting.key());
        return new MethodSettings(type, copy);
    }

    /**
     * The settings with {@code key} set from text, as a user wrote it: a declared key, or {@code estimator.KEY} for
     * an option of the estimator of a method that takes one. A bad key or value is a {@link BadInputException}
     * naming the method and the option.
     */
    public MethodSettings withText(String key, String text) {
        String k = key.trim();
        Setting<EstimatorSpec> estimator = estimatorSetting();
        try {
            if (estimator != null && k.startsWith(ESTIMATOR_PREFIX) && k.length() > ESTIMATOR_PREFIX.length()) {
                EstimatorSpec spec = get(estimator);
                Map<String, Object> params = new LinkedHashMap<>(spec.parameters());
                params.put(k.substring(ESTIMATOR_PREFIX.length()), text.trim());
                return with(estimator, new EstimatorSpec(spec.name(), params));
            }
            Setting<?> setting = type.setting(k).orElseThrow(() -> new IllegalArgumentException("unknown option " + k
                    + " (it takes " + String.join(", ", new TreeSet<>(type.keys())) + ")"));
            if (setting == estimator) {
                return with(estimator, new EstimatorSpec(estimator.parse(text).name(), get(estimator).parameters()));
            }
            return withParsed(setting, text);
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw refused(e);
        }
    }

    private <T> MethodSettings withParsed(Setting<T> setting, String text) {
        return with(setting, setting.parse(text));
    }

    /** The value of {@code setting} as a form shows it ("" for one off by default). */
    public <T> String text(Setting<T> setting) {
        return setting.format(get(setting));
    }

    /** The estimator's own options ({@code estimator.KEY}) as given, keyed by KEY. */
    public Map<String, Object> estimatorOptions() {
        Setting<EstimatorSpec> estimator = estimatorSetting();
        return estimator == null ? Map.of() : new LinkedHashMap<>(get(estimator).parameters());
    }

    @SuppressWarnings("unchecked")
    private Setting<EstimatorSpec> estimatorSetting() {
        return (Setting<EstimatorSpec>) type.setting("estimator").filter(s -> s.type() == EstimatorSpec.class).orElse(null);
    }

    private <T> Setting<T> declared(Setting<T> setting) {
        if (type.setting(setting.key()).orElse(null) != setting) {
            throw new IllegalArgumentException(type.name() + " has no setting " + setting.key());
        }
        return setting;
    }

    private BadInputException refused(IllegalArgumentException e) {
        return new BadInputException("--method " + type.name(), e.getMessage(), e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MethodSettings m && m.type.name().equals(type.name()) && m.given.equals(given);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type.name(), given);
    }

    @Override
    public String toString() {
        return type.name() + given;
    }
}
