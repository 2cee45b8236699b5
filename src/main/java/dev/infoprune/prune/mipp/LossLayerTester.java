package dev.infoprune.prune.mipp;

import dev.infoprune.core.Progress;
import dev.infoprune.info.EstimatorSpec;
import dev.infoprune.info.LossSession;

/**
 * MIPP's test on a loss-based estimate: I(S;T) is read as baseline loss − held-out loss of predicting T from S,
 * so Δ = loss without the unit − loss with it, per repeat. No null model: the "with" side is re-fitted exactly
 * as the "without" side, which is what the null model stood in for.
 */
final class LossLayerTester implements LayerTester {
    private final LossSession session;
    private final double[] baseline;

    LossLayerTester(LossSession session) {
        this.session = session;
        this.baseline = session.baselineLoss();
    }

    @Override
    public EstimatorSpec spec() {
        return session.spec();
    }

    @Override
    public double[] unitInformation() {
        return session.relevance();
    }

    @Override
    public Trial test(int unit, Progress progress) {
        double[] with = session.loss(progress);
        double[] without = session.lossWithout(unit, progress);
        double[] iWith = new double[with.length];
        double[] iWithout = new double[with.length];
        for (int r = 0; r < with.length; r++) {
            iWith[r] = baseline[r] - with[r];
            iWithout[r] = baseline[r] - without[r];
        }
        return new Trial(iWith, iWithout, null);
    }

    @Override
    public void remove(int unit) {
        session.remove(unit);
    }

    /** The mean baseline loss over the repeats: the loss of predicting T by its training mean. */
    double meanBaseline() {
        double s = 0;
        for (double b : baseline) {
            s += b;
        }
        return s / baseline.length;
    }
}
