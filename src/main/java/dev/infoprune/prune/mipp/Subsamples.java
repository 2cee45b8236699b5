package dev.infoprune.prune.mipp;

import dev.infoprune.data.SeededSubset;
import java.util.SplittableRandom;

/**
 * The seeded subsamples of the probe rows on which each Δ is estimated; fixed per layer and repeat. Public for the
 * tests of the estimators MIPP runs on, which use the same rows.
 */
public final class Subsamples {
    private Subsamples() {
    }

    static SplittableRandom random(long seed, int layerIndex, int repeat, long salt) {
        long mixed = seed * 0x9E3779B97F4A7C15L + layerIndex * 0xBF58476D1CE4E5B9L + repeat * 0x94D049BB133111EBL + salt;
        return new SplittableRandom(mixed);
    }

    /** How many rows a subsample of {@code n} rows holds: {@code round(fraction * n)}, at least 2, at most n. */
    static int size(int n, double fraction) {
        return Math.max(2, Math.min(n, (int) Math.round(fraction * n)));
    }

    /** {@code size(n, fraction)} distinct rows, ascending. */
    public static int[] rows(long seed, int layerIndex, int repeat, int n, double fraction) {
        int m = size(n, fraction);
        if (m == n) {
            return java.util.stream.IntStream.range(0, n).toArray();
        }
        return SeededSubset.rows(n, m, random(seed, layerIndex, repeat, 1));
    }

    /** A standard normal column for the null model. */
    static double[] noise(long seed, int layerIndex, int repeat, int m) {
        SplittableRandom r = random(seed, layerIndex, repeat, 2);
        double[] z = new double[m];
        for (int i = 0; i < m; i += 2) {
            // Box-Muller on the seeded stream (SplittableRandom has no nextGaussian on Java 17)
            double u1 = 1 - r.nextDouble();
            double u2 = r.nextDouble();
            double rad = Math.sqrt(-2 * Math.log(u1));
            z[i] = rad * Math.cos(2 * Math.PI * u2);
            if (i + 1 < m) {
                z[i + 1] = rad * Math.sin(2 * Math.PI * u2);
            }
        }
        return z;
    }
}
