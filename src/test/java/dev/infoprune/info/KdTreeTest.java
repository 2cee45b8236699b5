package dev.infoprune.info;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The k-d tree against brute force on random points, with ties. */
class KdTreeTest {
    @Test
    void nearestAndCountsMatchBruteForce() {
        Random r = new Random(1);
        for (int dims : new int[] {1, 2, 3, 5}) {
            int n = 700;
            double[] p = new double[n * dims];
            for (int i = 0; i < p.length; i++) {
                p[i] = i % 7 == 0 ? Math.round(r.nextGaussian()) : r.nextGaussian();
            }
            KdTree tree = new KdTree(p, n, dims);
            int k = 4;
            for (int q = 0; q < n; q += 7) {
                double[] all = new double[n - 1];
                int c = 0;
                for (int j = 0; j < n; j++) {
                    if (j != q) {
                        all[c++] = tree.distance(q, j);
                    }
                }
                Arrays.sort(all);
                int[] idx = new int[k];
                double[] dist = new double[k];
                tree.nearest(q, k, idx, dist);
                for (int t = 0; t < k; t++) {
                    assertThat(dist[t]).isEqualTo(all[t]);
                    assertThat(tree.distance(q, idx[t])).isEqualTo(dist[t]);
                }
                for (double radius : new double[] {0, dist[k - 1], 0.3, 1.5}) {
                    long strict = Arrays.stream(all).filter(v -> v < radius).count();
                    long incl = Arrays.stream(all).filter(v -> v <= radius).count();
                    assertThat(tree.countWithin(q, radius, false)).as("strict dims %d", dims).isEqualTo(strict);
                    assertThat(tree.countWithin(q, radius, true)).as("inclusive dims %d", dims).isEqualTo(incl);
                    if (dims == 1) {
                        SortedAxis axis = new SortedAxis(p);
                        assertThat(axis.countWithin(p[q], radius, false)).isEqualTo(strict);
                        assertThat(axis.countWithin(p[q], radius, true)).isEqualTo(incl);
                    }
                }
            }
        }
    }
}
