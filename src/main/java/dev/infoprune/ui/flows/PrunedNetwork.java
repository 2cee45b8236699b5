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

    /**
     * The network under a name that says what was done to it, for when it becomes the open model: the pruned
     * network's own name ({@code digits-mlp-mipp}) when it differs from the unpruned one's, else the unpruned
     * name with {@code -pruned}; {@code -finetuned} added once when it was fine-tuned. Its card keeps the data set
     * and seed (so its scores and splits are those of the unpruned network) but not the unpruned accuracy.
     */
    public Network named() {
        String name = network.name().equals(unpruned.name()) && plan != null ? unpruned.name() + "-pruned" : network.name();
        if (label.contains("fine-tuned") && !name.endsWith("-finetuned")) {
            name = name + "-finetuned";
        }
        var c = network.card();
        // the card's accuracy was measured on the unpruned network: not this one's
        var card = new dev.infoprune.model.ModelCard(c.dataset(), c.seed(), c.epochs(), null, null, c.architecture(), note());
        return network.withName(name).withCard(card);
    }

    /** Where it came from, for the model header and the session, e.g. "mipp in the stepper, from digits-mlp". */
    public String note() {
        return label + ", from " + unpruned.name();
    }

    /** The same plan and trace with new weights (after fine-tuning). */
    public PrunedNetwork withNetwork(String newLabel, Network tuned) {
        return new PrunedNetwork(newLabel, unpruned, plan, trace, tuned);
    }
}
