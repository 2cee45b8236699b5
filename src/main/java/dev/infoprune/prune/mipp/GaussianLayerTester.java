package dev.infoprune.prune.mipp;

import dev.infoprune.core.Progress;
import dev.infoprune.info.EstimatorSpec;
import dev.infoprune.info.GaussianSession;

/** MIPP's test on the incremental Gaussian estimate ({@link GaussianSession}): every number comes from the session. */
final class GaussianLayerTester implements LayerTester {
    private final GaussianSession session;

    GaussianLayerTester(GaussianSession session) {
        this.session = session;
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
        return new Trial(session.information(), session.informationWithout(unit),
                session.hasNoise() ? session.noiseGain() : null);
    }

    @Override
    public void remove(int unit) {
        session.remove(unit);
    }
}
