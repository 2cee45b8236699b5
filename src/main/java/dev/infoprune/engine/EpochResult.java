package dev.infoprune.engine;

/**
 * One finished epoch (numbered from 1): the mean loss and accuracy over its training batches (measured while
 * training, dropout and batch statistics on), and, when a validation set was given, the network's loss and
 * accuracy on it after the epoch (NaN otherwise).
 */
public record EpochResult(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double seconds) {
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
