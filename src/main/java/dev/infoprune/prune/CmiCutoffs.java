package dev.infoprune.prune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a layer's CMI values are cut, for {@link CmiFilterPruning}'s Scree and X-means cutoffs. The values are
 * the greedy gains {@code gₖ = I(first k; labels | C) − I(first k−1; labels | C)} in the order the units were
 * chosen (the CMI of each unit given those before it).
 */
final class CmiCutoffs {
    private CmiCutoffs() {
    }

    /**
     * Scree test: the elbow of the gains sorted from largest to smallest, the point furthest below the chord
     * from the first to the last point with both axes scaled to [0, 1]; the units up to and including the
     * elbow are kept (the last one on the steep part). Fewer than three values, or a straight line: all kept.
     */
    static int scree(double[] gains) {
        int m = gains.length;
        if (m < 3) {
            return m;
        }
        double[] g = gains.clone();
        Arrays.sort(g);
        reverse(g);
        double top = g[0];
        double bottom = g[m - 1];
        double range = top - bottom;
        if (!(range > 0)) {
            return m;
        }
        int best = m;
        double bestGap = 1e-12;
        for (int k = 0; k < m; k++) {
            double y = (g[k] - bottom) / range;
            double chord = 1 - (double) k / (m - 1);
            double gap = chord - y;
            if (gap > bestGap + 1e-12) {
                bestGap = gap;
                best = k + 1;
            }
        }
        return best;
    }

    /**
     * X-means (Pelleg and Moore 2000) on the gains as one-dimensional points: start from one cluster, split each
     * cluster in two by 2-means while the split raises the Bayesian information criterion of that cluster's
     * points, until no split does. The units in the cluster with the smallest mean are cut; the others kept
     * (one cluster: every unit kept). Returns the number kept, i.e. how many gains lie above that cluster.
     */
    static int xmeans(double[] gains) {
        List<double[]> clusters = clusters(gains);
        if (clusters.size() <= 1) {
            return gains.length;
        }
        double lowestMax = Double.NaN;
        double lowestMean = Double.POSITIVE_INFINITY;
        for (double[] c : clusters) {
            double mean = Arrays.stream(c).average().orElseThrow();
            if (mean < lowestMean) {
                lowestMean = mean;
                lowestMax = Arrays.stream(c).max().orElseThrow();
            }
        }
        int kept = 0;
        for (double g : gains) {
            if (g > lowestMax) {
                kept++;
            }
        }
        return Math.max(1, kept);
    }

    /** The X-means clusters of one-dimensional points, each sorted ascending, ordered by their smallest value. */
    static List<double[]> clusters(double[] points) {
        double[] sorted = points.clone();
        Arrays.sort(sorted);
        List<double[]> done = new ArrayList<>();
        List<double[]> open = new ArrayList<>();
        open.add(sorted);
        while (!open.isEmpty()) {
            double[] c = open.remove(0);
            double[][] halves = twoMeans(c);
            if (halves == null || bic(List.of(halves[0], halves[1]), c.length) <= bic(List.of(c), c.length)) {
                done.add(c);
            } else {
                open.add(halves[0]);
                open.add(halves[1]);
            }
        }
        done.sort((a, b) -> Double.compare(a[0], b[0]));
        return done;
    }

    /**
     * 2-means of sorted one-dimensional points, started from the smallest and the largest: the two sorted halves,
     * or null when the points cannot be split (fewer than two distinct values).
     */
    static double[][] twoMeans(double[] sorted) {
        int n = sorted.length;
        if (n < 2 || sorted[0] == sorted[n - 1]) {
            return null;
        }
        double lo = sorted[0];
        double hi = sorted[n - 1];
        int split = -1;
        for (int it = 0; it < 100; it++) {
            double threshold = (lo + hi) / 2;
            int s = 0;
            while (s < n && sorted[s] <= threshold) {
                s++;
            }
            if (s == split) {
                break;
            }
            split = s;
            lo = mean(sorted, 0, split);
            hi = mean(sorted, split, n);
        }
        return new double[][] {Arrays.copyOfRange(sorted, 0, split), Arrays.copyOfRange(sorted, split, n)};
    }

    /**
     * Pelleg and Moore's BIC of a one-dimensional clustering of R points under identical spherical Gaussians:
     * {@code Σ_c [R_c log R_c − R_c log R − R_c/2 log 2π − R_c/2 log σ²] − (R − K)/2 − p/2 log R} with the
     * pooled variance {@code σ² = Σ (x − μ_c)² / (R − K)} and {@code p = 2K} parameters (K − 1 weights, K means,
     * one variance). The paper writes the {@code (R − K)/2} term per cluster as {@code (R_c − K)/2}, which sums
     * to {@code (R − K²)/2} and rewards every split; here it is the total, what the Gaussian likelihood gives.
     * A variance of 0 is floored at a tiny positive value.
     */
    static double bic(List<double[]> clusters, int r) {
        int k = clusters.size();
        if (r <= k) {
            return Double.NEGATIVE_INFINITY;
        }
        double ss = 0;
        double scale = 0;
        for (double[] c : clusters) {
            double mu = mean(c, 0, c.length);
            for (double v : c) {
                ss += (v - mu) * (v - mu);
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double variance = Math.max(ss / (r - k), 1e-24 * (1 + scale * scale));
        double l = 0;
        for (double[] c : clusters) {
            int rc = c.length;
            l += rc * Math.log(rc) - rc * Math.log(r) - rc / 2.0 * Math.log(2 * Math.PI) - rc / 2.0 * Math.log(variance);
        }
        return l - (r - k) / 2.0 - k * Math.log(r);
    }

    private static double mean(double[] v, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += v[i];
        }
        return s / (to - from);
    }

    private static void reverse(double[] v) {
        for (int i = 0, j = v.length - 1; i < j; i++, j--) {
            double t = v[i];
            v[i] = v[j];
            v[j] = t;
        }
    }
}
