package dev.infoprune.info;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class KsgEstimatorTest {
    @ParameterizedTest
    @CsvSource({"0,1", "0.5,1", "0.9,1", "0.99,1", "0,2", "0.5,2", "0.9,2", "0.99,2"})
    void bivariateGaussianWithin002AtN4000(double rho, int algorithm) {
        // one sample of 4000 carries a sampling error of about ρ/√n (0.016 at ρ = 0.99) whatever the estimator,
        // so the estimator's own error is judged on the mean of five independent samples
        KsgEstimator ksg = new KsgEstimator(3, algorithm, 1e-10, 0);
        double mean = 0;
        for (long seed = 11; seed < 16; seed++) {
            Matrix[] xy = GaussianData.bivariate(seed, 4000, rho);
            mean += ksg.mutualInformation(xy[0], xy[1]).nats() / 5;
        }
        assertThat(mean).isCloseTo(GaussianData.bivariateMi(rho), within(0.02));
    }

    @ParameterizedTest
    @CsvSource({"1", "2"})
    void gaussianCmiWithin002AtN4000(int algorithm) {
        KsgEstimator ksg = new KsgEstimator(3, algorithm, 1e-10, 0);
        double cmi = 0;
        double mi = 0;
        double zero = 0;
        for (long seed = 12; seed < 17; seed++) {
            Matrix[] c = GaussianData.chain(seed, 4000, true);
            cmi += ksg.conditionalMutualInformation(c[0], c[1], c[2]).nats() / 5;
            mi += ksg.mutualInformation(c[0], c[1]).nats() / 5;
            Matrix[] cc = GaussianData.chain(seed + 100, 4000, false);
            zero += ksg.conditionalMutualInformation(cc[0], cc[1], cc[2]).nats() / 5;
        }
        assertThat(cmi).isCloseTo(GaussianData.CHAIN_CMI, within(0.02));
        assertThat(mi).isCloseTo(GaussianData.CHAIN_MI, within(0.02));
        assertThat(zero).isCloseTo(0, within(0.02));
    }

    @Test
    void multivariateGaussianWithin002AtN4000() {
        double[][] a = {{0.6, 0.2}, {-0.4, 0.5}};
        Matrix[] xy = GaussianData.linear(14, 4000, 2, a);
        assertThat(new KsgEstimator().mutualInformation(xy[0], xy[1]).nats()).isCloseTo(GaussianData.linearMi(a), within(0.03));
    }

    @Test
    void entropyOfGaussianMatchesClosedForm() {
        Matrix x = GaussianData.normal(15, 4000, 2);
        assertThat(new KsgEstimator().entropy(x).nats()).isCloseTo(Math.log(2 * Math.PI * Math.E), within(0.05));
    }

    @Test
    void labelsFollowRoss() {
        // x ~ N(2·label, 1) with two balanced classes: I = H(x) − H(x|label), computed numerically below
        Random r = new Random(16);
        int n = 4000;
        double[] x = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            x[i] = 2 * labels[i] + r.nextGaussian();
        }
        double truth = mixtureMi(2.0);
        double est = new KsgEstimator().mutualInformationWithLabels(Matrix.column(x), labels).nats();
        assertThat(est).isCloseTo(truth, within(0.02));
        double[] per = new KsgEstimator().mutualInformationWithLabelsPerColumn(Matrix.column(x), labels);
        assertThat(per[0]).isEqualTo(est);
        // the multi-dimensional route (k-d tree per class) gives the same for a 2-D x with a constant second column
        Matrix x2 = Matrix.column(x).appendColumns(GaussianData.normal(17, n, 1));
        assertThat(new KsgEstimator().mutualInformationWithLabels(x2, labels).nats()).isCloseTo(truth, within(0.04));
    }

    /** MI between a balanced binary label and x ~ N(±mu/2, 1), by numerical integration. */
    static double mixtureMi(double mu) {
        double h = 0;
        double step = 1e-3;
        for (double t = -12; t < 14; t += step) {
            double p = 0.5 * (phi(t) + phi(t - mu));
            h -= p * Math.log(p) * step;
        }
        return h - 0.5 * Math.log(2 * Math.PI * Math.E);
    }

    private static double phi(double t) {
        return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
    }

    @Test
    void independenceGivesAboutZero() {
        Matrix a = GaussianData.normal(18, 3000, 2);
        Matrix b = GaussianData.normal(19, 3000, 1);
        assertThat(new KsgEstimator().mutualInformation(a, b).nats()).isCloseTo(0, within(0.02));
        assertThat(new KsgEstimator(3, 2, 1e-10, 0).mutualInformation(a, b).nats()).isCloseTo(0, within(0.02));
    }

    @Test
    void cmiWithConstantZEqualsMi() {
        Matrix[] xy = GaussianData.bivariate(20, 1000, 0.6);
        Matrix z = Matrix.column(new double[1000]);
        KsgEstimator ksg = new KsgEstimator();
        assertThat(ksg.conditionalMutualInformation(xy[0], xy[1], z).nats()).isEqualTo(ksg.mutualInformation(xy[0], xy[1]).nats());
    }

    @Test
    void deadTiedAndDuplicatedColumnsStayFinite() {
        int n = 1000;
        Random r = new Random(21);
        double[] relu = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(3);
            relu[i] = Math.max(0, r.nextGaussian() + labels[i] - 1);
        }
        Matrix dead = Matrix.column(new double[n]);
        Matrix tied = Matrix.column(relu);
        KsgEstimator ksg = new KsgEstimator();
        assertThat(ksg.mutualInformationWithLabels(dead, labels).nats()).isZero();
        assertThat(ksg.mutualInformation(dead, tied).nats()).isZero();
        assertThat(ksg.mutualInformationWithLabels(tied, labels).nats()).isFinite().isGreaterThan(0.1);
        assertThat(ksg.mutualInformation(tied.appendColumns(tied), tied).nats()).isFinite().isGreaterThan(1);
        assertThat(new KsgEstimator(3, 1, 0, 0).mutualInformationWithLabels(tied, labels).nats()).isFinite();
        assertThat(ksg.entropy(tied).nats()).isFinite();
        assertThat(ksg.conditionalMutualInformationWithLabels(tied, labels, dead).nats())
                .isEqualTo(ksg.mutualInformationWithLabels(tied, labels).nats());
    }

    @Test
    void tooFewSamplesIsAClearError() {
        Matrix x = Matrix.column(new double[] {1, 2, 3});
        assertThatThrownBy(() -> new KsgEstimator(3).mutualInformation(x, x))
                .isInstanceOf(BadInputException.class).hasMessageContaining("k=3").hasMessageContaining("at least 4");
    }

    @Test
    void sameSeedSameNumbersAndSeedIsRecorded() {
        Matrix[] xy = GaussianData.bivariate(22, 500, 0.5);
        KsgEstimator a = new KsgEstimator(4, 2, 1e-3, 7);
        assertThat(a.mutualInformation(xy[0], xy[1])).isEqualTo(new KsgEstimator(4, 2, 1e-3, 7).mutualInformation(xy[0], xy[1]));
        assertThat(a.spec().describe()).isEqualTo("ksg(algorithm=2, k=4, noise=0.001, seed=7)");
    }

    @Test
    void sharedTargetPerColumnAgreesWithOneAtATime() {
        int n = 600;
        Matrix x = GaussianData.normal(23, n, 3);
        double[] t = new double[n * 4];
        Random r = new Random(24);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                t[i * 4 + j] = x.get(i, j % 3) * 0.5 + r.nextGaussian();
            }
        }
        Matrix y = Matrix.wrap(n, 4, t);
        for (int algorithm = 1; algorithm <= 2; algorithm++) {
            KsgEstimator ksg = new KsgEstimator(3, algorithm, 0, 0);
            double[] per = ksg.mutualInformationPerColumn(x, y);
            for (int j = 0; j < 3; j++) {
                assertThat(per[j]).isCloseTo(ksg.mutualInformation(x.selectColumns(new int[] {j}), y).nats(), within(1e-9));
            }
        }
    }
}
