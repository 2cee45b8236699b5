package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HsicEstimatorTest {
    private final HsicEstimator cka = new HsicEstimator();

    @Test
    void linearCkaOfALayerWithItselfIsOne() {
        Matrix x = GaussianData.normal(61, 500, 20);
        assertThat(cka.mutualInformation(x, x).nats()).isCloseTo(1, within(1e-5));
        HsicEstimator gramRoute = new HsicEstimator(HsicEstimator.Kernel.LINEAR, 0, false, true);
        Matrix wide = GaussianData.normal(62, 30, 40);
        assertThat(gramRoute.mutualInformation(wide, wide).nats()).isCloseTo(1, within(1e-9));
    }

    @Test
    void linearCkaIsInvariantToOrthogonalTransformsAndScaling() {
        Matrix x = GaussianData.normal(63, 400, 3);
        Matrix y = HsicEstimator.residuals(GaussianData.normal(64, 400, 2), Matrix.column(new double[400]));
        Matrix mixed = x.appendColumns(y);
        // rotate X by a random orthogonal matrix (Gram–Schmidt of a Gaussian matrix) and scale by 7
        double[][] q = orthogonal(new Random(65), 3);
        double[] rot = new double[400 * 3];
        for (int i = 0; i < 400; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int t = 0; t < 3; t++) {
                    s += x.get(i, t) * q[t][j];
                }
                rot[i * 3 + j] = 7 * s;
            }
        }
        Matrix rx = Matrix.wrap(400, 3, rot);
        assertThat(cka.mutualInformation(rx, mixed).nats()).isCloseTo(cka.mutualInformation(x, mixed).nats(), within(1e-5));
    }

    static double[][] orthogonal(Random r, int d) {
        double[][] q = new double[d][d];
        for (int j = 0; j < d; j++) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = r.nextGaussian();
            }
            for (int k = 0; k < j; k++) {
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += v[i] * q[i][k];
                }
                for (int i = 0; i < d; i++) {
                    v[i] -= dot * q[i][k];
                }
            }
            double norm = 0;
            for (double t : v) {
                norm += t * t;
            }
            for (int i = 0; i < d; i++) {
                q[i][j] = v[i] / Math.sqrt(norm);
            }
        }
        return q;
    }

    @Test
    void scalarGaussianLinearNormalisedHsicIsRhoSquared() {
        for (double rho : new double[] {0.3, 0.6, 0.9}) {
            Matrix[] xy = GaussianData.bivariate(66, 20_000, rho);
            assertThat(cka.mutualInformation(xy[0], xy[1]).nats()).isCloseTo(rho * rho, within(0.01));
        }
    }

    @Test
    void unbiasedIsNearZeroUnderIndependenceAndRbfDetectsNonlinearDependence() {
        Matrix a = GaussianData.normal(67, 400, 2);
        Matrix b = GaussianData.normal(68, 400, 2);
        HsicEstimator unbiased = new HsicEstimator(HsicEstimator.Kernel.RBF, 0, true, true);
        assertThat(unbiased.mutualInformation(a, b).nats()).isCloseTo(0, within(0.02));
        double[] sq = new double[400];
        for (int i = 0; i < 400; i++) {
            sq[i] = a.get(i, 0) * a.get(i, 0);
        }
        Matrix y = Matrix.column(sq);
        Matrix x0 = a.selectColumns(new int[] {0});
        assertThat(cka.mutualInformation(x0, y).nats()).isLessThan(0.05);
        assertThat(new HsicEstimator(HsicEstimator.Kernel.RBF, 0, false, true).mutualInformation(x0, y).nats()).isGreaterThan(0.3);
    }

    @Test
    void conditionalRemovesWhatZExplainsAndEntropyIsRefused() {
        Matrix[] common = GaussianData.chain(69, 3000, false);
        assertThat(cka.conditionalMutualInformation(common[0], common[1], common[2]).nats()).isLessThan(0.01);
        assertThat(cka.mutualInformation(common[0], common[1]).nats()).isGreaterThan(0.15);
        assertThatThrownBy(() -> cka.entropy(common[0])).isInstanceOf(UnsupportedOperationException.class);
        Matrix dead = Matrix.column(new double[3000]);
        assertThat(cka.mutualInformation(dead, common[0]).nats()).isZero();
    }
}
