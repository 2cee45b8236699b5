package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinnedEstimatorTest {
    @Test
    void pluginBiasShrinksWithSamplesTowardsAValueBelowTheTruth() {
        BinnedEstimator plain = new BinnedEstimator(10, BinnedEstimator.Binning.EQUAL_FREQUENCY, false);
        BinnedEstimator mm = new BinnedEstimator(10, BinnedEstimator.Binning.EQUAL_FREQUENCY, true);
        double truth = GaussianData.bivariateMi(0.9);
        Matrix[] small = GaussianData.bivariate(41, 300, 0.9);
        Matrix[] medium = GaussianData.bivariate(42, 3000, 0.9);
        Matrix[] large = GaussianData.bivariate(43, 100_000, 0.9);
        double s = plain.mutualInformation(small[0], small[1]).nats();
        double m = plain.mutualInformation(medium[0], medium[1]).nats();
        double l = plain.mutualInformation(large[0], large[1]).nats();
        assertThat(s).isGreaterThan(m);
        assertThat(m).isGreaterThan(l);
        assertThat(l).isLessThan(truth);
        // Miller–Madow removes most of the small-sample bias (it subtracts (m_xy − m_x − m_y + 1)/(2N))
        double smm = mm.mutualInformation(small[0], small[1]).nats();
        assertThat(Math.abs(smm - l)).isLessThan(Math.abs(s - l));
        // with more bins (as N grows) the estimate approaches the truth from below
        double fine = new BinnedEstimator(40, BinnedEstimator.Binning.EQUAL_FREQUENCY, true).mutualInformation(large[0], large[1]).nats();
        assertThat(fine).isGreaterThan(l).isLessThan(truth + 0.02);
    }

    @Test
    void discreteIdentitiesHoldExactly() {
        // X in 4 equal-width bins exactly (values 0..3), Y = X: I = H(X) = log 4
        double[] v = new double[400];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 4;
        }
        BinnedEstimator b = new BinnedEstimator(4, BinnedEstimator.Binning.EQUAL_WIDTH, false);
        Matrix x = Matrix.column(v);
        assertThat(b.mutualInformation(x, x).nats()).isCloseTo(Math.log(4), within(1e-12));
        assertThat(b.entropy(x).nats()).isCloseTo(Math.log(4), within(1e-12));
        int[] labels = new int[400];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 2;
        }
        assertThat(b.mutualInformationWithLabels(x, labels).nats()).isCloseTo(Math.log(2), within(1e-12));
        Matrix constant = Matrix.column(new double[400]);
        assertThat(b.conditionalMutualInformation(x, x, constant).nats()).isCloseTo(b.mutualInformation(x, x).nats(), within(1e-12));
        assertThat(b.mutualInformation(constant, x).nats()).isCloseTo(0, within(1e-12));
        assertThat(new BinnedEstimator(4, BinnedEstimator.Binning.EQUAL_FREQUENCY, false).mutualInformation(constant, x).nats())
                .isCloseTo(0, within(1e-12));
    }

    @Test
    void independenceAndChainCmi() {
        BinnedEstimator b = new BinnedEstimator(8, BinnedEstimator.Binning.EQUAL_FREQUENCY, true);
        Matrix a = GaussianData.normal(44, 20_000, 1);
        Matrix c = GaussianData.normal(45, 20_000, 1);
        assertThat(b.mutualInformation(a, c).nats()).isCloseTo(0, within(0.005));
        Matrix[] chain = GaussianData.chain(46, 50_000, false);
        // common cause: CMI given a finely binned Z is small (binning Z leaves some residual dependence)
        assertThat(b.conditionalMutualInformation(chain[0], chain[1], chain[2]).nats()).isLessThan(0.05);
    }
}
