package dev.infoprune.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SyntheticDatasetsTest {
    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        Dataset a = SyntheticDatasets.blobs("b", 3, 300, 3, 2, 1.0);
        Dataset b = SyntheticDatasets.blobs("b", 3, 300, 3, 2, 1.0);
        Dataset c = SyntheticDatasets.blobs("b", 4, 300, 3, 2, 1.0);
        assertThat(a.features()).isEqualTo(b.features());
        assertThat(a.features()).isNotEqualTo(c.features());
    }

    @Test
    void blobsAreBalancedAndCentredOnTheirCircle() {
        int n = 30000;
        Dataset d = SyntheticDatasets.blobs("b", 1, n, 3, 3, 0.5);
        double[][] mean = new double[3][3];
        int[] count = new int[3];
        for (int i = 0; i < n; i++) {
            count[d.label(i)]++;
            for (int j = 0; j < 3; j++) {
                mean[d.label(i)][j] += d.features()[i * 3 + j];
            }
        }
        assertThat(count).containsOnly(n / 3);
        for (int c = 0; c < 3; c++) {
            double angle = 2 * Math.PI * c / 3;
            assertThat(mean[c][0] / count[c]).isCloseTo(4 * Math.cos(angle), within(0.03));
            assertThat(mean[c][1] / count[c]).isCloseTo(4 * Math.sin(angle), within(0.03));
            assertThat(mean[c][2] / count[c]).isCloseTo(0, within(0.03));
        }
    }

    @Test
    void xorLabelsFollowTheSignsWithoutNoise() {
        Dataset d = SyntheticDatasets.xor("x", 2, 1000, 0);
        int opposite = 0;
        for (int i = 0; i < d.size(); i++) {
            float x = d.features()[2 * i];
            float y = d.features()[2 * i + 1];
            assertThat(d.label(i)).isEqualTo(x * y > 0 ? 0 : 1);
            assertThat(Math.abs(x)).isLessThanOrEqualTo(1f);
            opposite += d.label(i);
        }
        assertThat(opposite).isBetween(400, 600);
    }

    @Test
    void circlesLieOnTheirRadiiWithoutNoise() {
        Dataset d = SyntheticDatasets.circles("c", 5, 200, 0);
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.features()[2 * i], d.features()[2 * i + 1]);
            assertThat(r).isCloseTo(d.label(i) == 0 ? 0.5 : 1.0, within(1e-6));
        }
    }
}
