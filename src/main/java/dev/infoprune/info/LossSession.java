package dev.infoprune.info;

import dev.infoprune.core.Progress;

/**
 * An incremental loss-based estimate of how much a set S of input groups tells about a target T (Covert, Lundberg
 * and Lee's "information as the drop in loss"): the held-out loss of predicting the standardised T from S, on R
 * repeats (each its own held-out rows). A group is one variable: a unit's column, or a filter's columns. The
 * session starts with every group in S; {@link #remove(int)} takes one out. Information is measured as
 * {@code baseline − loss}, in units of the loss (mean squared error per standardised target column), where the
 * baseline is the loss of predicting the training mean. Deterministic for the same inputs, settings and calls.
 */
public interface LossSession {
    /** The estimator's name and parameters, for plans, traces and legends. */
    EstimatorSpec spec();

    int groups();

    int repeats();

    /** Held-out loss of the training mean, per repeat. */
    double[] baselineLoss();

    /** Held-out loss with the current set S, per repeat, refitted as a test's "without" side is. */
    double[] loss(Progress progress);

    /** Held-out loss with S minus {@code group}, per repeat. */
    double[] lossWithout(int group, Progress progress);

    /** Takes a group out of S for good (the state becomes the one {@link #lossWithout} measured). */
    void remove(int group);

    /**
     * A cheap relevance of each group to T on its own, used to order the tests (least relevant first): the sum
     * over target columns and the group's columns of −½ log(1 − ρ²), the linear-Gaussian information of each pair.
     */
    double[] relevance();
}
