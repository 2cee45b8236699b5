package dev.infoprune.study;

/**
 * How much of what a layer tells the next one a plan keeps, on the unpruned network's probe activations:
 * {@code preserved = I(kept units of layer; kept units of next)} and {@code full = I(all units of layer; all
 * units of next)} in nats, with the Gaussian estimator; {@code ratio = preserved / full}. The next layer of the
 * last hidden layer is the output layer (all of it). An emptied layer preserves 0.
 */
public record LayerInformation(String layer, String next, double preserved, double full) {
    public double ratio() {
        return full > 0 ? preserved / full : Double.NaN;
    }
}
