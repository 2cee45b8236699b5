package dev.infoprune.ui.flows;

import dev.infoprune.model.Network;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.mipp.MippTrace;

import java.util.Objects;

/**
 * The network the user is working towards: what a comparison row, the MIPP stepper or a fine-tuning run made of
 * the open network. Fine-tuning and export start from it.
 *
 * @param label    what the user sees, e.g. "mipp (own sparsity)" or "mipp, fine-tuned 3 epochs"
 * @param unpruned the network the plan was made for
 * @param plan     the plan that cut it down; null when the network was not pruned
 * @param trace    MIPP's decisions behind the plan; null for other methods
 * @param network  the (pruned, perhaps fine-tuned) network itself
 */
public record PrunedNetwork(String label, Network unpruned, PruningPlan plan, MippTrace trace, Network network) {
    public PrunedNetwork {
        Objects.requireNonNull(label);
        Objects.requireNonNull(unpruned);
        Objects.requireNonNull(network);
    }

    /** The same plan and trace with new weights (after fine-tuning). */
    public PrunedNetwork withNetwork(String newLabel, Network tuned) {
        return new PrunedNetwork(newLabel, unpruned, plan, trace, tuned);
    }
}
