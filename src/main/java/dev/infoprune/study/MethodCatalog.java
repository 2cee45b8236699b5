package dev.infoprune.study;

import dev.infoprune.prune.PruningMethod;

/**
 * Builds pruning methods by their command-line names for an experiment. A method sizes itself (MIPP, CMI with
 * an information cutoff), takes a target sparsity (share of hidden units removed), or both (CMI).
 */
public interface MethodCatalog {
    /** True when {@code method} can be built for a given sparsity. */
    boolean takesSparsity(String method);

    /** True when {@code method} can decide its own sparsity (built with NaN). */
    boolean sizesItself(String method);

    /**
     * @param sparsity the share of hidden units to remove, or NaN for a self-sizing method
     * @throws dev.infoprune.core.BadInputException for an unknown name
     */
    PruningMethod create(String method, double sparsity, long seed);

    /**
     * The same catalog with {@code method}'s {@code confidence} setting (MIPP's sparsity knob) at {@code confidence}.
     *
     * @throws dev.infoprune.core.BadInputException when the method has no such setting or the value is out of range
     */
    MethodCatalog withConfidence(String method, double confidence);
}
