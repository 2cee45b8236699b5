package dev.infoprune.study;

import dev.infoprune.core.BadInputException;
import dev.infoprune.prune.MethodSettings;
import dev.infoprune.prune.MethodType;
import dev.infoprune.prune.PruningMethod;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.prune.Setting;

import java.util.List;
import java.util.Map;

/**
 * The methods a comparison can run, from {@link PruningMethods}' registry, each with the settings the user chose
 * (its defaults otherwise). The experiment sets the seed of every method that has one and the sparsity of those it
 * runs at a sparsity; CMI, which sizes itself by its information cutoff, is cut at a share of every layer instead
 * when given a sparsity.
 */
public final class StudyMethods implements MethodCatalog {
    private final Map<String, MethodSettings> settings;

    public StudyMethods() {
        this(Map.of());
    }

    /** @param settings the settings per method name; a method not named runs at its defaults */
    public StudyMethods(Map<String, MethodSettings> settings) {
        this.settings = Map.copyOf(settings);
    }

    public static List<String> names() {
        return PruningMethods.names();
    }

    /** The settings {@code method} runs with (before the experiment's seed and sparsity). */
    public MethodSettings settingsOf(String method) {
        return settings.getOrDefault(method, type(method).defaults());
    }

    @Override
    @SuppressWarnings("unchecked")
    public StudyMethods withConfidence(String method, double confidence) {
        Setting<Double> knob = (Setting<Double>) type(method).setting("confidence").orElseThrow(() -> new BadInputException(
                "--methods", method + " has no confidence setting"));
        Map<String, MethodSettings> copy = new java.util.HashMap<>(settings);
        copy.put(method, settingsOf(method).with(knob, confidence));
        return new StudyMethods(copy);
    }

    @Override
    public boolean takesSparsity(String method) {
        return type(method).takesSparsity();
    }

    @Override
    public boolean sizesItself(String method) {
        return type(method).sizesItself();
    }

    @Override
    public PruningMethod create(String method, double sparsity, long seed) {
        MethodType type = type(method);
        MethodSettings s = settingsOf(method);
        if (type.seed().isPresent()) {
            s = s.with(type.seed().get(), seed);
        }
        if (!Double.isNaN(sparsity)) {
            if (!type.takesSparsity()) {
                throw new IllegalArgumentException(method + " sizes itself and takes no sparsity");
            }
            s = type.atSparsity(s, sparsity);
        } else if (!type.sizesItself()) {
            throw new IllegalArgumentException(method + " needs a sparsity");
        }
        return type.create(s, null);
    }

    private static MethodType type(String method) {
        return PruningMethods.find(method).orElseThrow(() -> new BadInputException("--methods", "unknown method \""
                + method + "\" (known: " + String.join(", ", names()) + ")"));
    }
}
