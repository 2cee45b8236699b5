package dev.infoprune.study;

import dev.infoprune.core.BadInputException;
import dev.infoprune.prune.CmiFilterPruning;
import dev.infoprune.prune.ItPrunerAllocation;
import dev.infoprune.prune.PruningMethod;

import java.util.List;

/**
 * The methods a comparison can run, by command-line name, with their default settings:
 * {@code cmi} sizes itself (information cutoff) and, given a sparsity, keeps that share of every layer in its
 * greedy order; {@code itpruner} takes a sparsity (its MACs budget is the uniform allocation's at that sparsity).
 */
public final class StudyMethods implements MethodCatalog {
    private final CmiFilterPruning.Settings cmi;

    public StudyMethods() {
        this(CmiFilterPruning.Settings.defaults());
    }

    public StudyMethods(CmiFilterPruning.Settings cmi) {
        this.cmi = cmi;
    }

    public static List<String> names() {
        return List.of(CmiFilterPruning.NAME, ItPrunerAllocation.NAME);
    }

    @Override
    public boolean takesSparsity(String method) {
        return switch (method) {
            case CmiFilterPruning.NAME, ItPrunerAllocation.NAME -> true;
            default -> throw unknown(method);
        };
    }

    @Override
    public boolean sizesItself(String method) {
        return switch (method) {
            case CmiFilterPruning.NAME -> true;
            case ItPrunerAllocation.NAME -> false;
            default -> throw unknown(method);
        };
    }

    @Override
    public PruningMethod create(String method, double sparsity, long seed) {
        return switch (method) {
            case CmiFilterPruning.NAME -> Double.isNaN(sparsity)
                    ? new CmiFilterPruning(cmi.withSeed(seed))
                    : new CmiFilterPruning(cmi.withSeed(seed).withCutoff(CmiFilterPruning.Cutoff.SHARE).withFraction(1 - sparsity));
            case ItPrunerAllocation.NAME -> new ItPrunerAllocation(ItPrunerAllocation.Settings.atSparsity(
                    requireSparsity(method, sparsity)).withSeed(seed));
            default -> throw unknown(method);
        };
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
