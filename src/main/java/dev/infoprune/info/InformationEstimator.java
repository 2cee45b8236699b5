package dev.infoprune.info;

import dev.infoprune.core.Matrix;

import java.util.stream.IntStream;

/**
 * Estimates entropy, mutual information and conditional mutual information from samples. Matrices have one
 * row per sample and one column per variable; X, Y and Z may each be multivariate and must have the same
 * number of rows. Results are in nats. Implementations are immutable and thread-safe; their parameters are
 * fixed at construction and reported by {@link #spec()}. Bad input (rows that do not match, NaN or infinite
 * values, too few samples) is a {@link dev.infoprune.core.BadInputException} naming the argument and the cell.
 */
public interface InformationEstimator {
    EstimatorSpec spec();

    Estimate entropy(Matrix x);

    Estimate mutualInformation(Matrix x, Matrix y);

    Estimate conditionalMutualInformation(Matrix x, Matrix y, Matrix z);

    /** I(X; labels) where the labels are a discrete variable. Estimators with a special rule override this. */
    default Estimate mutualInformationWithLabels(Matrix x, int[] labels) {
        return mutualInformation(x, Matrix.ofLabels(labels));
    }

    /** I(X; labels | Z) with discrete labels. Estimators with a special rule override this. */
    default Estimate conditionalMutualInformationWithLabels(Matrix x, int[] labels, Matrix z) {
        return conditionalMutualInformation(x, Matrix.ofLabels(labels), z);
    }

    /**
     * I(x_j; Y) for every column x_j of X against the same (possibly multivariate) Y, in nats. Computed in
     * parallel over columns; estimators override it when the shared Y allows a faster route. Deterministic.
     */
    default double[] mutualInformationPerColumn(Matrix x, Matrix y) {
        Samples.check(x, y);
        return IntStream.range(0, x.cols()).parallel()
                .mapToDouble(j -> mutualInformation(x.selectColumns(new int[] {j}), y).nats()).toArray();
    }

    /** I(x_j; labels) for every column x_j of X, in nats. */
    default double[] mutualInformationWithLabelsPerColumn(Matrix x, int[] labels) {
        Samples.checkLabels(x, labels);
        return IntStream.range(0, x.cols()).parallel()
                .mapToDouble(j -> mutualInformationWithLabels(x.selectColumns(new int[] {j}), labels).nats()).toArray();
    }
}
