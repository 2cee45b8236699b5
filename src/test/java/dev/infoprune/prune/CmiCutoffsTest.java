package dev.infoprune.prune;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The Scree and X-means cutoffs on CMI values with a known elbow and known clusters. */
class CmiCutoffsTest {
    @Test
    void screeFindsTheElbowOfASteepThenFlatCurve() {
        // five steep gains, then a long flat tail: the elbow is the fifth value, the last of the steep part
        double[] gains = {1.0, 0.8, 0.6, 0.4, 0.2, 0.19, 0.18, 0.17, 0.16, 0.15, 0.14, 0.13};
        assertThat(CmiCutoffs.scree(gains)).isEqualTo(5);
        // the greedy order need not be sorted: the same values shuffled give the same count
        double[] shuffled = {0.8, 1.0, 0.4, 0.6, 0.19, 0.2, 0.13, 0.18, 0.16, 0.17, 0.15, 0.14};
        assertThat(CmiCutoffs.scree(shuffled)).isEqualTo(5);
        // two steep drops: the corner is the third value, where the flat part starts, and it is kept
        assertThat(CmiCutoffs.scree(new double[] {2.0, 1.0, 0.1, 0.09, 0.08, 0.07, 0.06, 0.05})).isEqualTo(3);
    }

    @Test
    void screeKeepsEverythingOnAStraightLineOrTooFewValues() {
        assertThat(CmiCutoffs.scree(new double[] {5, 4, 3, 2, 1})).isEqualTo(5);
        assertThat(CmiCutoffs.scree(new double[] {0.3, 0.3, 0.3})).isEqualTo(3);
        assertThat(CmiCutoffs.scree(new double[] {1.0, 0.1})).isEqualTo(2);
    }

    @Test
    void xmeansFindsThreePlantedClustersAndCutsTheLowest() {
        // three clusters of evenly spaced values (6 around 1, 8 around 0.5, 16 around 0.02), shuffled
        double[] gains = new double[30];
        for (int i = 0; i < 30; i++) {
            double centre = i < 6 ? 1.0 : i < 14 ? 0.5 : 0.02;
            int at = i < 6 ? i : i < 14 ? i - 6 : i - 14;
            int size = i < 6 ? 6 : i < 14 ? 8 : 16;
            gains[i] = centre + 0.02 * ((double) at / (size - 1) - 0.5);
        }
        Random r = new Random(3);
        for (int i = gains.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double t = gains[i];
            gains[i] = gains[j];
            gains[j] = t;
        }
        List<double[]> clusters = CmiCutoffs.clusters(gains);
        assertThat(clusters).hasSize(3);
        assertThat(clusters.get(0)).hasSize(16);
        assertThat(clusters.get(1)).hasSize(8);
        assertThat(clusters.get(2)).hasSize(6);
        assertThat(CmiCutoffs.xmeans(gains)).isEqualTo(14);
    }

    @Test
    void xmeansKeepsEverythingInOneCluster() {
        Random r = new Random(4);
        double[] gains = new double[25];
        for (int i = 0; i < gains.length; i++) {
            gains[i] = 0.5 + 0.05 * r.nextGaussian();
        }
        assertThat(CmiCutoffs.clusters(gains)).hasSize(1);
        assertThat(CmiCutoffs.xmeans(gains)).isEqualTo(25);
        assertThat(CmiCutoffs.xmeans(new double[] {0.4, 0.4, 0.4})).isEqualTo(3);
    }

    @Test
    void twoClustersSplitWhereTheGapIs() {
        double[] gains = {0.9, 0.88, 0.91, 0.89, 0.05, 0.04, 0.06, 0.05, 0.03};
        assertThat(CmiCutoffs.clusters(gains)).hasSize(2);
        assertThat(CmiCutoffs.xmeans(gains)).isEqualTo(4);
    }
}
