package dev.infoprune.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded, stratified splits. Each class's samples are shuffled with the seed and cut so that every part gets
 * the class's share (largest-remainder rounding makes the part sizes exact); the indices of each part keep
 * the data set's order.
 */
public final class Splitter {
    /** Share of a data set without an official test set that goes to the probe split and to the test split. */
    public static final double PROBE_FRACTION = 0.2;
    public static final double TEST_FRACTION = 0.2;
    /** Probe size taken from an official training set (or a fifth of it, when that is smaller). */
    public static final int OFFICIAL_PROBE_SIZE = 5000;

    private Splitter() {
    }

    /** Train, probe and test for whatever the source holds, as {@link DatasetLocator} documents. */
    public static Splits split(DatasetParts parts, long seed) {
        if (parts.officialTest().isPresent()) {
            Dataset pool = parts.pool();
            int probe = Math.min(OFFICIAL_PROBE_SIZE, (int) Math.round(pool.size() * PROBE_FRACTION));
            int[][] cut = stratifiedCut(pool.labels(), pool.classCount(), seed, probe);
            return new Splits(pool.subset(cut[1]), pool.subset(cut[0]), parts.officialTest().get());
        }
        return stratified(parts.pool(), seed, PROBE_FRACTION, TEST_FRACTION);
    }

    /** A stratified train / probe / test split with the given probe and test fractions. */
    public static Splits stratified(Dataset data, long seed, double probeFraction, double testFraction) {
        if (probeFraction < 0 || testFraction < 0 || probeFraction + testFraction >= 1) {
            throw new IllegalArgumentException("probe and test fractions must be non-negative and sum to less than 1");
        }
        int n = data.size();
        int test = (int) Math.round(n * testFraction);
        int probe = (int) Math.round(n * probeFraction);
        int[][] cut = stratifiedCut(data.labels(), data.classCount(), seed, test, probe);
        return new Splits(data.subset(cut[2]), data.subset(cut[1]), data.subset(cut[0]));
    }

    /**
     * Cuts the sample indices into {@code sizes.length + 1} disjoint parts: part k holds {@code sizes[k]}
     * samples drawn stratified from what the parts before it left; the last part holds the rest.
     */
    static int[][] stratifiedCut(int[] labels, int classes, long seed, int... sizes) {
        Random random = new Random(seed);
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        int[][] members = new int[classes][];
        for (int c = 0; c < classes; c++) {
            members[c] = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
            shuffle(members[c], random);
        }
        int[] taken = new int[classes];
        int[][] parts = new int[sizes.length + 1][];
        for (int k = 0; k < sizes.length; k++) {
            int[] remaining = new int[classes];
            for (int c = 0; c < classes; c++) {
                remaining[c] = members[c].length - taken[c];
            }
            int[] quota = allocate(remaining, sizes[k]);
            List<Integer> part = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < quota[c]; j++) {
                    part.add(members[c][taken[c] + j]);
                }
                taken[c] += quota[c];
            }
            parts[k] = sorted(part);
        }
        List<Integer> rest = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            for (int j = taken[c]; j < members[c].length; j++) {
                rest.add(members[c][j]);
            }
        }
        parts[sizes.length] = sorted(rest);
        return parts;
    }

    /** Splits {@code total} over classes in proportion to their counts (largest remainder, ties to lower class). */
    static int[] allocate(int[] counts, int total) {
        long all = Arrays.stream(counts).asLongStream().sum();
        int[] quota = new int[counts.length];
        if (all == 0) {
            return quota;
        }
        total = (int) Math.min(total, all);
        double[] remainder = new double[counts.length];
        int given = 0;
        for (int c = 0; c < counts.length; c++) {
            double exact = (double) total * counts[c] / all;
            quota[c] = (int) Math.floor(exact);
            remainder[c] = exact - quota[c];
            given += quota[c];
        }
        while (given < total) {
            int best = -1;
            for (int c = 0; c < counts.length; c++) {
                if (quota[c] < counts[c] && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            quota[best]++;
            remainder[best] = -1;
            given++;
        }
        return quota;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static int[] sorted(List<Integer> indices) {
        int[] out = indices.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(out);
        return out;
    }
}
