package dev.infoprune.info;

/** The digamma function ψ, for the nearest-neighbour estimators (mostly at whole numbers). */
final class Digamma {
    static final double EULER_GAMMA = 0.5772156649015329;
    private static final double[] TABLE = new double[4097];

    static {
        TABLE[1] = -EULER_GAMMA;
        for (int m = 1; m + 1 < TABLE.length; m++) {
            TABLE[m + 1] = TABLE[m] + 1.0 / m;
        }
    }

    private Digamma() {
    }

    /** ψ(m) for a whole number m ≥ 1. */
    static double of(int m) {
        if (m < 1) {
            throw new IllegalArgumentException("digamma of " + m);
        }
        return m < TABLE.length ? TABLE[m] : of((double) m);
    }

    /** ψ(x) for x > 0: recurrence up to 6, then the asymptotic series. */
    static double of(double x) {
        double r = 0;
        while (x < 6) {
            r -= 1 / x;
            x += 1;
        }
        double f = 1 / (x * x);
        return r + Math.log(x) - 0.5 / x
                - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))));
    }
}
