package dev.infoprune.study;

/**
 * How much of what a layer tells the next one a plan keeps, measured on held-out samples with an estimator the
 * method did not plan with ({@link InformationPreserved}): {@code preserved} is the dependence between the kept units
 * of the layer and the kept units of the next, {@code full} the one between all units of both, and
 * {@code ratio = preserved / full}. The next layer of the last hidden layer is the output layer (all of it). An
 * emptied layer preserves 0.
 *
 * @param estimator the estimator both values come from, e.g. {@code hsic(kernel=rbf, width=median, …)}; empty for a
 *                  result written before it was recorded
 */
public record LayerInformation(String layer, String next, double preserved, double full, String estimator) {
    /** A measurement whose estimator was not recorded. */
    public LayerInformation(String layer, String next, double preserved, double full) {
        this(layer, next, preserved, full, "");
    }

    public double ratio() {
        return full > 0 ? preserved / full : Double.NaN;
    }
}
