package dev.infoprune.info;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PredictiveAndFactoryTest {
    @Test
    void predictiveRecoversGaussianMiAndCmi() {
        PredictiveEstimator p = new PredictiveEstimator(16, 25, 0.03, 0.3, 1);
        Matrix[] xy = GaussianData.bivariate(71, 2000, 0.9);
        assertThat(p.mutualInformation(xy[0], xy[1]).nats()).isCloseTo(GaussianData.bivariateMi(0.9), within(0.06));
        Matrix[] common = GaussianData.chain(72, 2000, false);
        assertThat(p.conditionalMutualInformation(common[0], common[1], common[2]).nats()).isCloseTo(0, within(0.04));
        Matrix[] chain = GaussianData.chain(73, 2000, true);
        assertThat(p.conditionalMutualInformation(chain[0], chain[1], chain[2]).nats()).isCloseTo(GaussianData.CHAIN_CMI, within(0.06));
    }

    @Test
    void predictiveWithLabelsIsSeededAndNearTheTruth() {
        Random r = new Random(74);
        int n = 2000;
        double[] x = new double[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            x[i] = 2 * labels[i] + r.nextGaussian();
        }
        PredictiveEstimator p = new PredictiveEstimator(16, 25, 0.03, 0.3, 3);
        double a = p.mutualInformationWithLabels(Matrix.column(x), labels).nats();
        assertThat(a).isEqualTo(new PredictiveEstimator(16, 25, 0.03, 0.3, 3).mutualInformationWithLabels(Matrix.column(x), labels).nats());
        assertThat(a).isCloseTo(KsgEstimatorTest.mixtureMi(2.0), within(0.05));
        PredictiveEstimator warm = p.withWarmStart();
        assertThat(warm.spec().parameters()).containsEntry("warmStart", true);
        double first = warm.mutualInformationWithLabels(Matrix.column(x), labels).nats();
        assertThat(warm.mutualInformationWithLabels(Matrix.column(x), labels).nats()).isCloseTo(first, within(0.03));
    }

    @Test
    void factoryCreatesEveryEstimatorWithItsOptionsRecorded() {
        for (Estimators.Description d : Estimators.catalog()) {
            InformationEstimator e = Estimators.create(d.name());
            assertThat(e.spec().name()).isEqualTo(d.name());
        }
        InformationEstimator ksg = Estimators.create("KSG", Map.of("k", "5", "algorithm", "2"));
        assertThat(ksg.spec().describe()).isEqualTo("ksg(algorithm=2, k=5, noise=1.0E-10, seed=0)");
        assertThat(Estimators.create("renyi", Map.of("alpha", "2", "width", "0.5")).spec().parameters())
                .containsEntry("alpha", 2.0).containsEntry("width", 0.5);
        assertThat(Estimators.create("binned", Map.of("binning", "frequency", "millerMadow", "true")).spec().describe())
                .isEqualTo("binned(binning=frequency, bins=10, millerMadow=true)");
        assertThatThrownBy(() -> Estimators.create("kde")).isInstanceOf(BadInputException.class).hasMessageContaining("known: gaussian, ksg");
        assertThatThrownBy(() -> Estimators.create("ksg", Map.of("kk", "3"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown option 'kk'");
        assertThatThrownBy(() -> Estimators.create("ksg", Map.of("k", "three"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("k must be a whole number");
        assertThatThrownBy(() -> Estimators.create("ksg", Map.of("k", "0"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("at least 1");
    }
}
