package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;

import java.util.Map;

/** Checks that a plan fits a network before surgery; every problem is one message naming the source. */
public final class PlanValidation {
    private PlanValidation() {
    }

    /** Rejects unknown or unprunable layers, indices out of range and emptied layers. */
    public static void check(PruningPlan plan, Network network, String source) {
        checkStructure(plan, network, source);
        for (Map.Entry<String, int[]> e : plan.kept().entrySet()) {
            if (e.getValue().length == 0) {
                throw new BadInputException(source, "layer " + e.getKey() + " keeps no units; the pruned network "
                        + "would be cut in two");
            }
        }
    }

    /** As {@link #check} but lets a layer be emptied (global top-k can do that; the result is still reported). */
    public static void checkStructure(PruningPlan plan, Network network, String source) {
        var prunable = network.prunableLayerNames();
        for (Map.Entry<String, int[]> e : plan.kept().entrySet()) {
            String name = e.getKey();
            int li = network.indexOf(name);
            if (li < 0) {
                throw new BadInputException(source, "the plan names layer " + name + ", which model "
                        + network.name() + " does not have (prunable layers: " + String.join(", ", prunable) + ")");
            }
            Layer layer = network.layer(li);
            if (!prunable.contains(name)) {
                throw new BadInputException(source, "layer " + name + " of model " + network.name() + " cannot be pruned"
                        + (layer.isPrunable() ? " (it is the output layer)" : " (it has no units)"));
            }
            for (int idx : e.getValue()) {
                if (idx < 0 || idx >= layer.units()) {
                    throw new BadInputException(source, "layer " + name + " has units 0.." + (layer.units() - 1)
                            + ", but the plan keeps unit " + idx);
                }
            }
        }
    }
}
