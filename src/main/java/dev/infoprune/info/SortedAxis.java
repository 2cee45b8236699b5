package dev.infoprune.info;

import java.util.Arrays;

/** One variable's values sorted, for counting neighbours within a distance by binary search. */
final class SortedAxis {
    private final double[] sorted;

    SortedAxis(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    /**
     * Values v other than the centre's own sample with |v − centre| < r (or ≤ r when inclusive). The
     * comparisons are on the differences, as the neighbour search computes them, so a neighbour found at
     * distance exactly r is counted by the inclusive form.
     */
    int countWithin(double centre, double r, boolean inclusive) {
        int n = sorted.length;
        // first index with centre - v within r
        int a = 0;
        int b = n;
        while (a < b) {
            int m = (a + b) >>> 1;
            double gap = centre - sorted[m];
            if (inclusive ? gap <= r : gap < r) {
                b = m;
            } else {
                a = m + 1;
            }
        }
        int first = a;
        // first index with v - centre beyond r
        a = first;
        b = n;
        while (a < b) {
            int m = (a + b) >>> 1;
            double gap = sorted[m] - centre;
            if (inclusive ? gap <= r : gap < r) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        int c = a - first;
        boolean selfCounted = inclusive ? r >= 0 : r > 0;
        return selfCounted ? c - 1 : c;
    }
}
