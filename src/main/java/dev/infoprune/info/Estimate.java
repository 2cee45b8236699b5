package dev.infoprune.info;

/** An information quantity in nats, with the estimator that produced it. */
public record Estimate(double nats, EstimatorSpec estimator) {
    public static final double NATS_PER_BIT = Math.log(2);

    public double bits() {
        return nats / NATS_PER_BIT;
    }

    public double in(Unit unit) {
        return unit == Unit.BITS ? bits() : nats;
    }

    public enum Unit { NATS, BITS }
}
