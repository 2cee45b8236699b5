package dev.infoprune.info;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GaussianEstimatorTest {
    private final GaussianEstimator est = new GaussianEstimator();

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.5, 0.9, 0.99})
    void bivariateGaussianMatchesClosedForm(double rho) {
        Matrix[] xy = GaussianData.bivariate(1, 40_000, rho);
        double truth = GaussianData.bivariateMi(rho);
        assertThat(est.mutualInformation(xy[0], xy[1]).nats()).isCloseTo(truth, within(0.01 + 0.01 * truth));
    }

    @Test
    void knownValueAtHalf() {
        assertThat(GaussianData.bivariateMi(0.5)).isCloseTo(0.14384, within(1e-5));
    }

    @Test
    void multivariateGaussianMatchesHalfLogDet() {
        double[][] a = {{0.8, 0.1}, {-0.5, 0.9}, {0.3, 0.0}};
        Matrix[] xy = GaussianData.linear(2, 40_000, 3, a);
        assertThat(est.mutualInformation(xy[0], xy[1]).nats()).isCloseTo(GaussianData.linearMi(a), within(0.01));
    }

    @Test
    void chainCmiAndMi() {
        Matrix[] c = GaussianData.chain(3, 40_000, true);
        assertThat(est.conditionalMutualInformation(c[0], c[1], c[2]).nats()).isCloseTo(0.34657, within(0.01));
        assertThat(est.mutualInformation(c[0], c[1]).nats()).isCloseTo(0.54931, within(0.01));
        Matrix[] cc = GaussianData.chain(4, 40_000, false);
        assertThat(est.conditionalMutualInformation(cc[0], cc[1], cc[2]).nats()).isCloseTo(0, within(0.005));
    }

    @Test
    void cmiWithConstantZEqualsMi() {
        Matrix[] xy = GaussianData.bivariate(5, 5000, 0.7);
        Matrix z = Matrix.column(new double[5000]);
        assertThat(est.conditionalMutualInformation(xy[0], xy[1], z).nats())
                .isCloseTo(est.mutualInformation(xy[0], xy[1]).nats(), within(1e-9));
    }

    @Test
    void entropyOfStandardNormal() {
        Matrix x = GaussianData.normal(6, 40_000, 2);
        assertThat(est.entropy(x).nats()).isCloseTo(Math.log(2 * Math.PI * Math.E), within(0.02));
    }

    @Test
    void deadAndDuplicatedColumnsGiveFiniteValues() {
        Matrix[] xy = GaussianData.bivariate(7, 2000, 0.5);
        Matrix x = xy[0].appendColumns(xy[0]).appendColumns(Matrix.column(new double[2000]));
        double mi = est.mutualInformation(x, xy[1]).nats();
        assertThat(mi).isFinite().isCloseTo(est.mutualInformation(xy[0], xy[1]).nats(), within(1e-6));
        assertThat(est.mutualInformation(xy[0], xy[0]).nats()).isFinite().isGreaterThan(5);
        assertThat(est.entropy(x).nats()).isFinite();
        for (double v : est.mutualInformationPerColumn(x, xy[1])) {
            assertThat(v).isFinite();
        }
        assertThat(est.mutualInformationPerColumn(x, xy[1])[2]).isZero();
    }

    @Test
    void withoutRidgeDuplicatedColumnsGetOneRaisedRidgeThatCancels() {
        Matrix[] xy = GaussianData.bivariate(9, 2000, 0.5);
        Matrix z = GaussianData.normal(10, 2000, 2);
        Matrix duplicated = xy[0].appendColumns(xy[0]);
        GaussianEstimator noRidge = new GaussianEstimator(0);
        double cmi = noRidge.conditionalMutualInformation(duplicated, xy[1], z).nats();
        assertThat(cmi).isFinite().isCloseTo(noRidge.conditionalMutualInformation(xy[0], xy[1], z).nats(), within(1e-6));
    }

    @Test
    void perColumnAgreesWithOneAtATime() {
        Matrix[] xy = GaussianData.linear(8, 3000, 3, new double[][] {{0.8, 0.1}, {-0.5, 0.9}, {0.3, 0.0}});
        double[] per = est.mutualInformationPerColumn(xy[0], xy[1]);
        for (int j = 0; j < 3; j++) {
            assertThat(per[j]).isCloseTo(est.mutualInformation(xy[0].selectColumns(new int[] {j}), xy[1]).nats(), within(1e-8));
        }
    }

    @Test
    void givenRestAgreesWithExplicitConditioning() {
        Matrix x = GaussianData.normal(9, 3000, 4);
        int[] labels = new int[3000];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (x.get(i, 0) + 0.5 * x.get(i, 1) > 0 ? 1 : 0) + (x.get(i, 2) > 1 ? 1 : 0);
        }
        double[] rest = est.conditionalMutualInformationWithLabelsGivenRest(x, labels);
        for (int j = 0; j < 4; j++) {
            final int col = j;
            int[] others = java.util.stream.IntStream.range(0, 4).filter(k -> k != col).toArray();
            double explicit = est.conditionalMutualInformationWithLabels(x.selectColumns(new int[] {j}), labels, x.selectColumns(others)).nats();
            assertThat(rest[j]).isCloseTo(explicit, within(1e-6));
        }
        assertThat(rest[3]).isLessThan(0.01);
        assertThat(rest[0]).isGreaterThan(0.05);
    }

    @Test
    void nonFiniteInputIsAClearError() {
        double[][] v = {{1, 2}, {3, Double.NaN}, {5, 6}};
        assertThatThrownBy(() -> est.mutualInformation(Matrix.column(new double[] {1, 2, 3}), Matrix.of(v)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("Y").hasMessageContaining("row 1, column 1");
        assertThatThrownBy(() -> est.mutualInformation(Matrix.column(new double[] {1, 2, 3}), Matrix.column(new double[] {1, 2})))
                .isInstanceOf(BadInputException.class).hasMessageContaining("rows");
    }

    @Test
    void biasCorrectedEstimatesOfIndependentVariablesAreCentredOnZeroAndNamedInTheSpec() {
        int n = 200;
        double corrected = 0;
        double raw = 0;
        int trials = 60;
        GaussianEstimator plain = new GaussianEstimator(1e-9);
        GaussianEstimator centred = (GaussianEstimator) Estimators.create("gaussian", java.util.Map.of("ridge", "1e-9", "bias-corrected", "true"));
        for (int seed = 0; seed < trials; seed++) {
            Matrix[] d = GaussianSessionTest.independent(seed, n, 15, 4);
            corrected += centred.mutualInformation(d[0], d[1]).nats() / trials;
            raw += plain.mutualInformation(d[0], d[1]).nats() / trials;
        }
        assertThat(raw).isGreaterThan(0.12);
        assertThat(corrected).isCloseTo(0, within(0.02));
        assertThat(plain.spec().describe()).isEqualTo("gaussian(ridge=1.0E-9)");
        assertThat(centred.spec().describe()).isEqualTo("gaussian(bias-corrected=true, ridge=1.0E-9)");
    }
}
