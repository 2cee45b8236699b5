package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RenyiEstimatorTest {
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 1.01, 2.0, 3.0})
    void distinctPointsWithVanishingWidthHaveEntropyLogN(double alpha) {
        Matrix x = GaussianData.normal(51, 300, 2);
        RenyiEstimator r = new RenyiEstimator(alpha, RenyiEstimator.WidthRule.FIXED, 1e-4);
        assertThat(r.entropy(x).nats()).isCloseTo(Math.log(300), within(1e-6));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0, 1.01, 2.0, 3.0})
    void balancedOneHotLabelsGiveLogClasses(double alpha) {
        int n = 500;
        int c = 5;
        int[] labels = new int[n];
        double[] oneHot = new double[n * c];
        for (int i = 0; i < n; i++) {
            labels[i] = i % c;
            oneHot[i * c + labels[i]] = 1;
        }
        RenyiEstimator narrow = new RenyiEstimator(alpha, RenyiEstimator.WidthRule.FIXED, 1e-3);
        // single-precision eigenvalues: OpenBLAS 0.3.28's ssytrd lands 1.08e-5 off at alpha = 1.01 (0.3.19: < 1e-5)
        assertThat(narrow.entropy(Matrix.wrap(n, c, oneHot)).nats()).isCloseTo(Math.log(c), within(2e-5));
        RenyiEstimator rule = new RenyiEstimator(alpha, RenyiEstimator.WidthRule.SILVERMAN, 0);
        assertThat(rule.labelEntropy(labels).nats()).isCloseTo(Math.log(c), within(1e-12));
        // the labels carry all of their own information: I(one-hot; labels) = S(labels)
        assertThat(narrow.mutualInformationWithLabels(Matrix.wrap(n, c, oneHot), labels).nats()).isCloseTo(Math.log(c), within(2e-5));
    }

    @Test
    void alphaTwoFrobeniusEqualsEigenvalueRoute() {
        Matrix[] xy = GaussianData.bivariate(52, 300, 0.7);
        RenyiEstimator two = new RenyiEstimator(2, RenyiEstimator.WidthRule.SILVERMAN, 0);
        Matrix joint = xy[0].appendColumns(xy[1]);
        double frobenius = two.entropy(joint).nats();
        double[] ev = NativeLinearAlgebra.eigenvalues(two.gram(joint), 300);
        double s = 0;
        for (double v : ev) {
            s += (v / 300) * (v / 300);
        }
        assertThat(frobenius).isCloseTo(-Math.log(s), within(1e-10));
        // and the same with labels (block route)
        int[] labels = new int[300];
        for (int i = 0; i < 300; i++) {
            labels[i] = i % 3;
        }
        RenyiEstimator nearTwo = new RenyiEstimator(2 + 1e-9, RenyiEstimator.WidthRule.SILVERMAN, 0);
        assertThat(two.mutualInformationWithLabels(xy[0], labels).nats())
                .isCloseTo(nearTwo.mutualInformationWithLabels(xy[0], labels).nats(), within(1e-6));
    }

    @Test
    void convergesInTheDocumentedDirection() {
        // dependence raises the estimate monotonically in ρ; with the rule width its small-sample bias is
        // upward and shrinks as n grows: under independence it falls towards 0 from above
        RenyiEstimator r = new RenyiEstimator();
        double prev = -1;
        for (double rho : new double[] {0, 0.5, 0.9}) {
            Matrix[] xy = GaussianData.bivariate(53, 600, rho);
            double mi = r.mutualInformation(xy[0], xy[1]).nats();
            assertThat(mi).isGreaterThan(prev);
            prev = mi;
        }
        for (double rho : new double[] {0, 0.5}) {
            Matrix[] small = GaussianData.bivariate(55, 300, rho);
            Matrix[] large = GaussianData.bivariate(56, 1500, rho);
            double s = r.mutualInformation(small[0], small[1]).nats();
            double l = r.mutualInformation(large[0], large[1]).nats();
            assertThat(l).isLessThan(s - 0.05).isGreaterThan(GaussianData.bivariateMi(rho) - 0.01);
        }
        Matrix[] indep = GaussianData.bivariate(57, 1500, 0);
        assertThat(r.mutualInformation(indep[0], indep[1]).nats()).isBetween(0.0, 0.1);
    }

    @Test
    void cmiWithConstantZEqualsMiAndChainOrdering() {
        Matrix[] xy = GaussianData.bivariate(57, 300, 0.6);
        Matrix z = Matrix.column(new double[300]);
        RenyiEstimator r = new RenyiEstimator();
        assertThat(r.conditionalMutualInformation(xy[0], xy[1], z).nats())
                .isCloseTo(r.mutualInformation(xy[0], xy[1]).nats(), within(1e-6));
        Matrix[] chain = GaussianData.chain(58, 500, true);
        Matrix[] common = GaussianData.chain(59, 500, false);
        assertThat(r.conditionalMutualInformation(chain[0], chain[1], chain[2]).nats())
                .isGreaterThan(r.conditionalMutualInformation(common[0], common[1], common[2]).nats() + 0.1);
    }

    @Test
    void deadAndDuplicatedColumnsStayFinite() {
        Matrix x = GaussianData.normal(60, 200, 1);
        Matrix dead = Matrix.column(new double[200]);
        RenyiEstimator r = new RenyiEstimator();
        assertThat(r.mutualInformation(dead, x).nats()).isCloseTo(0, within(1e-9));
        assertThat(r.mutualInformation(x.appendColumns(x), x).nats()).isFinite();
        assertThat(r.entropy(dead).nats()).isCloseTo(0, within(1e-9));
    }
}
