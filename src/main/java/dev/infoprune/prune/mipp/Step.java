package dev.infoprune.prune.mipp;

/**
 * One MIPP decision: unit {@code unit} of {@code layer} was tested against the current kept set S of its layer.
 * Information values are means over the R subsamples, in nats.
 *
 * @param index           position in the trace, from 0
 * @param layer           the layer being pruned
 * @param unit            the unit tested (index in the unpruned layer)
 * @param setSize         |S| before the decision (S includes the unit)
 * @param unitInformation I(unit; T) on the whole probe split: the key that ordered the layer, least first
 * @param miWith          I(S; T)
 * @param miWithout       I(S∖{unit}; T)
 * @param delta           Δ = I(S; T) − I(S∖{unit}; T), mean over the subsamples
 * @param deltaStd        sample standard deviation of Δ over the subsamples
 * @param deltaLower      lower end of the one-sided interval that decides: of Δ, or of Δ − Δ_null with the
 *                        null model; the unit stays when it is above 0
 * @param deltas          Δ on each subsample
 * @param nullDelta       mean Δ of the injected random variable, or null without the null model
 * @param decision        keep, prune, or keep because it is the layer's last unit
 * @param keptAfter       |S| after the decision
 * @param elapsedMs       time the test took
 * @param baselineLoss    for the loss-based estimators, the held-out loss of predicting T by its mean (mean over the
 *                        repeats), so that the loss with S is {@code baselineLoss − miWith}; null otherwise
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Step(int index, String layer, int unit, int setSize, double unitInformation, double miWith,
                   double miWithout, double delta, double deltaStd, double deltaLower, double[] deltas,
                   Double nullDelta, Decision decision, int keptAfter, double elapsedMs,
                   Double baselineLoss) {

    /** A step of the information estimators (no baseline loss). */
    public Step(int index, String layer, int unit, int setSize, double unitInformation, double miWith, double miWithout,
                double delta, double deltaStd, double deltaLower, double[] deltas, Double nullDelta, Decision decision,
                int keptAfter, double elapsedMs) {
        this(index, layer, unit, setSize, unitInformation, miWith, miWithout, delta, deltaStd, deltaLower, deltas,
                nullDelta, decision, keptAfter, elapsedMs, null);
    }

    /**
     * How sure the test is that the unit carries information about T: the one-sided Student-t probability that
     * the mean Δ over the repeats is above 0 (above the null model's Δ with the null model). The unit stays when
     * this is above the confidence x.
     */
    public double certainty() {
        int r = deltas.length;
        if (r < 2) {
            return Double.NaN;
        }
        double shift = nullDelta == null ? delta : delta - nullDelta;
        double se = deltaStd / Math.sqrt(r);
        if (!(se > 0)) {
            return shift > 0 ? 1 : 0;
        }
        return new org.apache.commons.math3.distribution.TDistribution(null, r - 1).cumulativeProbability(shift / se);
    }

    /** The step in words, as the workbench shows it. */
    public String describe(double confidence) {
        String verdict = switch (decision) {
            case KEEP -> "significant at " + Math.round(confidence * 100) + "%, kept";
            case PRUNE -> "not significant at " + Math.round(confidence * 100) + "%, pruned";
            case KEEP_LAST -> "the layer's last unit, kept";
        };
        if (baselineLoss != null) {
            String outcome = switch (decision) {
                case KEEP -> "kept";
                case PRUNE -> "pruned";
                case KEEP_LAST -> "the layer's last unit, kept";
            };
            return String.format(java.util.Locale.ROOT, "%s:%d — held-out loss %.4g with it, %.4g without; Δ = %.3g ± %.2g; "
                            + "%.0f %% sure it carries information (x = %s): %s", layer, unit, baselineLoss - miWith,
                    baselineLoss - miWithout, delta, delta - deltaLower, 100 * certainty(),
                    new java.math.BigDecimal(Double.toString(confidence)).stripTrailingZeros().toPlainString(), outcome);
        }
        return String.format(java.util.Locale.ROOT, "%s:%d — I(S;T) = %.4g nats, without it %.4g, Δ = %.3g ± %.2g: %s",
                layer, unit, miWith, miWithout, delta, delta - deltaLower, verdict);
    }

    /** Equal decisions and numbers, ignoring the time taken (for comparing replays). */
    public boolean sameOutcome(Step o) {
        return index == o.index && layer.equals(o.layer) && unit == o.unit && setSize == o.setSize
                && decision == o.decision && keptAfter == o.keptAfter
                && Double.compare(delta, o.delta) == 0 && Double.compare(deltaLower, o.deltaLower) == 0
                && Double.compare(miWith, o.miWith) == 0 && java.util.Arrays.equals(deltas, o.deltas)
                && java.util.Objects.equals(nullDelta, o.nullDelta);
    }
}
