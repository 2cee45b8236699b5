package dev.infoprune.info;

import java.util.Arrays;

/** Textbook statistics written out plainly, as references for the tests of the fast kernels. */
public final class PlainStatistics {
    private PlainStatistics() {
    }

    /** Pearson's correlation of two samples, two passes in double. */
    public static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElseThrow();
        double mb = Arrays.stream(b).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
