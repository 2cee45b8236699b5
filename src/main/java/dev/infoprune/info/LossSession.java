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
public interface LossSession extends InformationSession {

    int groups();

    int repeats();

    /** Held-out loss of the training mean, per repeat. */
    double[] baselineLoss();

    /** Held-out loss with the current set S, per repeat, refitted as a test's "without" side is. */
    double[] loss(Progress progress);

    /** Held-out loss with S minus {@code group}, per repeat. */
    double[] lossWithout(int group, Progress progress);

    /** Takes a group out of S for good (the state becomes the one {@link #lossWithout} measured). */
    @Override
    void remove(int group);

    /**
     * A cheap relevance of each group to T on its own, used to order the tests (least relevant first): the sum
     * over target columns and the group's columns of −½ log(1 − ρ²), the linear-Gaussian information of each pair.
     */
    @Override
    double[] relevance();

    /**
     * Information read as baseline − loss, per repeat, with S refitted as the "without" side is: no noise variable,
     * since the "with" side is re-fitted exactly as the "without" side, which is what a null model stands in for.
     */
    @Override
    default Comparison compare(int group, Progress progress) {
        double[] baseline = baselineLoss();
        double[] with = loss(progress);
        double[] without = lossWithout(group, progress);
        double[] iWith = new double[with.length];
        double[] iWithout = new double[with.length];
        for (int r = 0; r < with.length; r++) {
            iWith[r] = baseline[r] - with[r];
            iWithout[r] = baseline[r] - without[r];
        }
        return new Comparison(iWith, iWithout, null);
    }

    /** The mean baseline loss over the repeats: the loss of predicting T by its training mean. */
    default double meanBaselineLoss() {
        double[] baseline = baselineLoss();
        double s = 0;
        for (double b : baseline) {
            s += b;
        }
        return s / baseline.length;
    }
}
