package dev.infoprune.info;

import dev.infoprune.core.Matrix;

/**
 * Estimates entropy, mutual information and conditional mutual information from samples. Matrices have one
 * row per sample and one column per variable; X, Y and Z may each be multivariate and must have the same
 * number of rows. Results are in nats. Implementations are immutable and thread-safe; their parameters are
 * fixed at construction and reported by {@link #spec()}.
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
}
