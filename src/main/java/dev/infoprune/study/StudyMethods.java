package dev.infoprune.study;

import dev.infoprune.core.BadInputException;
import dev.infoprune.prune.CmiFilterPruning;
import dev.infoprune.prune.GlobalTopK;
import dev.infoprune.prune.ItPrunerAllocation;
import dev.infoprune.prune.LocalMagnitude;
import dev.infoprune.prune.PruningMethod;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.prune.RandomPruning;
import dev.infoprune.prune.mipp.Mipp;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The methods a comparison can run, by command-line name. {@code mipp} sizes itself; {@code global-topk},
 * {@code local-magnitude}, {@code random} and {@code itpruner} take a sparsity (ITPruner's MACs budget is the
 * uniform allocation's at that sparsity); {@code cmi} does both: its information cutoff, or, given a sparsity,
 * that share of every layer in its greedy order. Per-method options (as {@link PruningMethods} takes them) can
 * be given; sparsity and seed are set by the experiment.
 */
public final class StudyMethods implements MethodCatalog {
    private final CmiFilterPruning.Settings cmi;
    private final Map<String, Map<String, String>> options;

    public StudyMethods() {
        this(CmiFilterPruning.Settings.defaults(), Map.of());
    }

    /** @param options extra options per method name, e.g. {@code mipp -> {confidence=0.9}} */
    public StudyMethods(CmiFilterPruning.Settings cmi, Map<String, Map<String, String>> options) {
        this.cmi = cmi;
        this.options = Map.copyOf(options);
    }

    public static List<String> names() {
        return PruningMethods.names();
    }

    @Override
    public boolean takesSparsity(String method) {
        return switch (method) {
            case GlobalTopK.NAME, LocalMagnitude.NAME, RandomPruning.NAME, CmiFilterPruning.NAME, ItPrunerAllocation.NAME -> true;
            case Mipp.NAME -> false;
            default -> throw unknown(method);
        };
    }

    @Override
    public boolean sizesItself(String method) {
        return switch (method) {
            case Mipp.NAME, CmiFilterPruning.NAME -> true;
            case GlobalTopK.NAME, LocalMagnitude.NAME, RandomPruning.NAME, ItPrunerAllocation.NAME -> false;
            default -> throw unknown(method);
        };
    }

    @Override
    public PruningMethod create(String method, double sparsity, long seed) {
        return switch (method) {
            case CmiFilterPruning.NAME -> {
                Map<String, String> o = cmiOptions();
                o.putAll(options.getOrDefault(method, Map.of()));
                o.put("seed", Long.toString(seed));
                if (!Double.isNaN(sparsity)) {
                    o.remove("cutoff");
                    o.remove("fraction");
                    o.put("sparsity", number(sparsity));
                }
                yield PruningMethods.create(method, o);
            }
            case ItPrunerAllocation.NAME -> {
                Map<String, String> o = with(method, "seed", Long.toString(seed));
                o.put("sparsity", number(requireSparsity(method, sparsity)));
                yield PruningMethods.create(method, o);
            }
            case Mipp.NAME -> PruningMethods.create(method, with(method, "seed", Long.toString(seed)));
            case RandomPruning.NAME -> {
                Map<String, String> o = with(method, "seed", Long.toString(seed));
                o.put("sparsity", number(requireSparsity(method, sparsity)));
                yield PruningMethods.create(method, o);
            }
            case GlobalTopK.NAME, LocalMagnitude.NAME -> PruningMethods.create(method,
                    with(method, "sparsity", number(requireSparsity(method, sparsity))));
            default -> throw unknown(method);
        };
    }

    /** The command line's --cmi-* choices as {@link PruningMethods} options; {@code --option cmi.KEY=V} overrides them. */
    private Map<String, String> cmiOptions() {
        Map<String, String> o = new HashMap<>();
        o.put("cutoff", cmi.cutoff().name().toLowerCase(Locale.ROOT));
        o.put("fraction", number(cmi.fraction()));
        o.put("direction", cmi.direction().name().toLowerCase(Locale.ROOT));
        o.put("alpha", number(cmi.alpha()));
        o.put("samples", Integer.toString(cmi.samples()));
        o.put("width-scale", number(cmi.widthScale()));
        return o;
    }

    private Map<String, String> with(String method, String key, String value) {
        Map<String, String> o = new HashMap<>(options.getOrDefault(method, Map.of()));
        o.put(key, value);
        return o;
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    private static double requireSparsity(String method, double sparsity) {
        if (Double.isNaN(sparsity)) {
            throw new IllegalArgumentException(method + " needs a sparsity");
        }
        return sparsity;
    }

    private static BadInputException unknown(String method) {
        return new BadInputException("--methods", "unknown method \"" + method + "\" (known: "
                + String.join(", ", names()) + ")");
    }
}
