package dev.infoprune.engine;

import dev.infoprune.core.Matrix;

/**
 * How well a network does on labelled samples: the fraction classified correctly (arg-max of the outputs) and
 * the mean softmax cross-entropy in nats.
 */
public record Evaluation(int samples, double accuracy, double loss) {

    /** Scores logits (one row per sample) against integer labels. */
    public static Evaluation of(Matrix logits, int[] labels) {
        if (logits.rows() != labels.length) {
            throw new IllegalArgumentException(logits.rows() + " output rows for " + labels.length + " labels");
        }
        int correct = 0;
        double lossSum = 0;
        for (int i = 0; i < labels.length; i++) {
            correct += argMax(logits, i) == labels[i] ? 1 : 0;
            lossSum += crossEntropy(logits, i, labels[i]);
        }
        int n = labels.length;
        return new Evaluation(n, n == 0 ? Double.NaN : (double) correct / n, n == 0 ? Double.NaN : lossSum / n);
    }

    /** The first column holding the row's largest value. */
    public static int argMax(Matrix m, int row) {
        int best = 0;
        for (int j = 1; j < m.cols(); j++) {
            if (m.get(row, j) > m.get(row, best)) {
                best = j;
            }
        }
        return best;
    }

    /** −log softmax(row)[label], computed stably through the log-sum-exp. */
    static double crossEntropy(Matrix logits, int row, int label) {
        double max = logits.get(row, argMax(logits, row));
        double sum = 0;
        for (int j = 0; j < logits.cols(); j++) {
            sum += Math.exp(logits.get(row, j) - max);
        }
        return max + Math.log(sum) - logits.get(row, label);
    }
}
