package dev.infoprune.ui.mipp;

import dev.infoprune.model.Network;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.Surgery;
import dev.infoprune.prune.PlanSummary;
import dev.infoprune.prune.mipp.MippRun;
import dev.infoprune.prune.mipp.MippTrace;

/**
 * What a MIPP run that reached its end made of the network: the plan, the trace of every decision and the
 * network cut down by the plan (surgery).
 */
public record MippOutcome(Network unpruned, PruningPlan plan, MippTrace trace, Network pruned) {

    /**
     * The outcome of {@code run} when every step is computed, else null; the run is left where it was. Call on
     * the thread that drives the run. A plan that empties a layer leaves no network to work on: null as well.
     */
    static MippOutcome of(MippRun run) {
        if (run.computedSteps() < run.totalSteps()) {
            return null;
        }
        int at = run.position();
        run.goTo(run.totalSteps());
        PruningPlan plan = run.plan();
        MippTrace trace = run.trace();
        run.goTo(at);
        Network unpruned = run.network();
        if (!PlanSummary.of(unpruned, plan).emptiedLayers().isEmpty()) {
            return null;
        }
        return new MippOutcome(unpruned, plan, trace, Surgery.apply(unpruned, plan).withName(unpruned.name() + "-mipp"));
    }

    /** The hidden widths it keeps, e.g. {@code 20/9}. */
    public String widths() {
        return String.join("/", PlanSummary.of(unpruned, plan).layers().stream()
                .map(w -> Integer.toString(w.after())).toList());
    }
}
