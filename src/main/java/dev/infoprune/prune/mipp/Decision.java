package dev.infoprune.prune.mipp;

/** What MIPP did with the unit under test. */
public enum Decision {
    /** Δ was significantly above zero (or above the null model): the unit stays. */
    KEEP,
    /** Δ was not significant: the unit was removed, and later tests are conditioned on the smaller set. */
    PRUNE,
    /** The unit was the last one left in its layer; layers are never emptied. */
    KEEP_LAST;

    public boolean kept() {
        return this != PRUNE;
    }
}
