package dev.infoprune.data;

import java.util.Arrays;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * A seeded random choice of {@code count} of {@code n} rows: the first {@code count} places of a Fisher–Yates
 * shuffle drawn with {@code new Random(seed)}, in ascending order. The same seed gives the same rows wherever a
 * subset of samples is taken (the CLI's --probe-samples and --train-samples, the workbench's sample sizes).
 */
public final class SeededSubset {
    private SeededSubset() {
    }

    /** {@code count} distinct rows of {@code n}, ascending; {@code count} must not exceed {@code n}. */
    public static int[] rows(int n, int count, long seed) {
        return rows(n, count, new Random(seed));
    }

    /** The same choice drawn from another generator (for callers whose seeds have always been mixed their own way). */
    public static int[] rows(int n, int count, RandomGenerator r) {
        if (count < 0 || count > n) {
            throw new IllegalArgumentException("cannot choose " + count + " of " + n + " rows");
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + r.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = Arrays.copyOf(idx, count);
        Arrays.sort(chosen);
        return chosen;
    }

    /** At most {@code count} samples of {@code data}: all of them when it has no more, else a seeded subset. */
    public static Dataset of(Dataset data, int count, long seed) {
        return count >= data.size() ? data : data.subset(rows(data.size(), count, seed));
    }
}
