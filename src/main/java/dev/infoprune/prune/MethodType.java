package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.data.Dataset;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pruning method as the workbench knows it: its name, a one-line summary, the settings it declares and how it
 * sizes its plan. The command line's options, the workbench's forms and the comparisons are all made from these.
 *
 * @param takesSparsity whether it can be built for a target sparsity (it declares a {@code sparsity} setting)
 * @param sizesItself   whether it decides its own sparsity (MIPP's confidence, CMI's information cutoff)
 * @param sizing        the settings a target sparsity replaces (CMI's cutoff and fraction), dropped by {@link #atSparsity}
 */
public record MethodType(String name, String summary, List<Setting<?>> settings, boolean takesSparsity,
                         boolean sizesItself, Factory factory, List<Setting<?>> sizing) {
    /** Builds the method from checked settings; an {@link IllegalArgumentException} says what does not fit together. */
    @FunctionalInterface
    public interface Factory {
        PruningMethod create(MethodSettings settings, Dataset probeData);
    }

    public MethodType {
        settings = List.copyOf(settings);
        sizing = List.copyOf(sizing);
    }

    /** A method no target sparsity replaces a setting of. */
    public MethodType(String name, String summary, List<Setting<?>> settings, boolean takesSparsity, boolean sizesItself,
                      Factory factory) {
        this(name, summary, settings, takesSparsity, sizesItself, factory, List.of());
    }

    public MethodSettings defaults() {
        return new MethodSettings(this, Map.of());
    }

    public Optional<Setting<?>> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public List<String> keys() {
        return settings.stream().map(Setting::key).toList();
    }

    /** Its {@code sparsity} setting, for the methods that take one. */
    @SuppressWarnings("unchecked")
    public Optional<Setting<Double>> sparsity() {
        return setting("sparsity").map(s -> (Setting<Double>) s);
    }

    /** {@code settings} run at a target sparsity: the sparsity set, the settings it replaces ({@link #sizing}) dropped. */
    public MethodSettings atSparsity(MethodSettings settings, double sparsity) {
        Setting<Double> target = sparsity().orElseThrow(() -> new IllegalArgumentException(name + " takes no sparsity"));
        MethodSettings s = settings;
        for (Setting<?> replaced : sizing) {
            s = s.without(replaced);
        }
        return s.with(target, sparsity);
    }

    /** Its {@code seed} setting, for the methods that draw random numbers. */
    @SuppressWarnings("unchecked")
    public Optional<Setting<Long>> seed() {
        return setting("seed").map(s -> (Setting<Long>) s);
    }

    /**
     * @param probeData the probe split the activations were captured on, for methods that need more than the
     *                  activations (global top-k by saliency, CMI and ITPruner's feature maps); may be null otherwise
     */
    public PruningMethod create(MethodSettings settings, Dataset probeData) {
        if (settings.type() != this) {
            throw new IllegalArgumentException(settings.type().name() + " settings given to " + name);
        }
        try {
            return factory.create(settings, probeData);
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--method " + name, e.getMessage(), e);
        }
    }
}
