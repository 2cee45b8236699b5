package dev.infoprune.prune;

import java.util.Optional;

/** What planning gives: the plan and, for a method that records its decisions, their trace. */
public record PlanResult(PruningPlan plan, DecisionTrace trace) {
    public static PlanResult of(PruningPlan plan) {
        return new PlanResult(plan, null);
    }

    /** The trace when it is of {@code type}. */
    public <T extends DecisionTrace> Optional<T> trace(Class<T> type) {
        return type.isInstance(trace) ? Optional.of(type.cast(trace)) : Optional.empty();
    }
}
