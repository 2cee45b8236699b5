package dev.infoprune.prune.mipp;

import org.apache.commons.math3.distribution.TDistribution;

/** Mean, standard deviation and the lower end of the one-sided Student-t interval of a few values. */
record OneSidedInterval(double mean, double std, double lower) {
    static OneSidedInterval of(double[] values, double confidence) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(confidence);
        return new OneSidedInterval(mean, std, mean - t * std / Math.sqrt(n));
    }
}
