package dev.infoprune.prune;

/** The record of how a method reached its plan, decision by decision (MIPP's trace), written beside the plan. */
public interface DecisionTrace {
    /** How many decisions it holds. */
    int decisions();
}
