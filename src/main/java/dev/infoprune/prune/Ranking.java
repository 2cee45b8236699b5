package dev.infoprune.prune;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Deterministic selections by score: best first, ties to the lower index. */
final class Ranking {
    private Ranking() {
    }

    /** Indices of the {@code k} highest scores, ascending. */
    static int[] topK(double[] scores, int k) {
        int[] best = IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
        Arrays.sort(best);
        return best;
    }

    static int keptCount(int width, double sparsity) {
        return Math.max(1, Math.min(width, (int) Math.round((1 - sparsity) * width)));
    }

    static void checkSparsity(double sparsity) {
        if (!(sparsity >= 0 && sparsity < 1)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1), got " + sparsity);
        }
    }
}
