package dev.infoprune.info;

import dev.infoprune.core.Matrix;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plug-in estimates on a histogram: each column is cut into {@code bins} bins of equal width or of equal
 * frequency (ties share a bin), joint cells are tuples of bin indices, and H = −Σ p log p over non-empty cells;
 * I(X;Y) = H(X) + H(Y) − H(XY), I(X;Y|Z) = H(XZ) + H(YZ) − H(XYZ) − H(Z). The Miller–Madow correction adds
 * (m − 1)/(2N) to every entropy (m = non-empty cells). Entropies are of the binned (discrete) variable.
 * Direction: for fixed bins the plug-in MI is biased upward by about (B_x − 1)(B_y − 1)/(2N) and decreases
 * towards the MI of the binned variables as N grows, which lies below the true MI (binning loses information).
 * Labels are used as they are, one cell per class.
 */
public final class BinnedEstimator implements InformationEstimator {
    public static final String NAME = "binned";
    public static final int DEFAULT_BINS = 10;

    public enum Binning { EQUAL_WIDTH, EQUAL_FREQUENCY }

    private final int bins;
    private final Binning binning;
    private final boolean millerMadow;
    private final EstimatorSpec spec;

    public BinnedEstimator() {
        this(DEFAULT_BINS, Binning.EQUAL_WIDTH, false);
    }

    public BinnedEstimator(int bins, Binning binning, boolean millerMadow) {
        if (bins < 2 || bins > 100_000) {
            throw new IllegalArgumentException("bins must be between 2 and 100000, got " + bins);
        }
        this.bins = bins;
        this.binning = binning;
        this.millerMadow = millerMadow;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bins", bins);
        p.put("binning", binning == Binning.EQUAL_WIDTH ? "width" : "frequency");
        p.put("millerMadow", millerMadow);
        this.spec = new EstimatorSpec(NAME, p);
    }

    @Override
    public EstimatorSpec spec() {
        return spec;
    }

    /** Bin index per sample and column (row-major, n × cols). */
    int[][] discretize(Matrix m) {
        int n = m.rows();
        int[][] out = new int[m.cols()][];
        for (int j = 0; j < m.cols(); j++) {
            out[j] = binning == Binning.EQUAL_WIDTH ? equalWidth(m.columnValues(j)) : equalFrequency(m.columnValues(j), n);
        }
        return out;
    }

    private int[] equalWidth(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        int[] b = new int[v.length];
        double w = (hi - lo) / bins;
        if (!(w > 0)) {
            return b;
        }
        for (int i = 0; i < v.length; i++) {
            b[i] = Math.min(bins - 1, (int) ((v[i] - lo) / w));
        }
        return b;
    }

    private int[] equalFrequency(double[] v, int n) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            int first = lowerBound(sorted, v[i]);
            b[i] = (int) Math.min(bins - 1, (long) first * bins / n);
        }
        return b;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] < v) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }

    /** Plug-in entropy (nats) of the joint cells of the given symbol columns. */
    private double entropyOf(int n, int[]... columns) {
        HashMap<Cell, int[]> counts = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int[] key = new int[columns.length];
            for (int c = 0; c < columns.length; c++) {
                key[c] = columns[c][i];
            }
            counts.computeIfAbsent(new Cell(key), c -> new int[1])[0]++;
        }
        double h = 0;
        for (int[] c : counts.values()) {
            double p = (double) c[0] / n;
            h -= p * Math.log(p);
        }
        if (millerMadow) {
            h += (counts.size() - 1) / (2.0 * n);
        }
        return h;
    }

    private record Cell(int[] bins) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Cell c && Arrays.equals(c.bins, bins);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bins);
        }
    }

    private static int[][] concat(int[][]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(int[][]::new);
    }

    @Override
    public Estimate entropy(Matrix x) {
        Samples.check("X", x);
        return new Estimate(entropyOf(x.rows(), discretize(x)), spec);
    }

    @Override
    public Estimate mutualInformation(Matrix x, Matrix y) {
        Samples.check(x, y);
        return new Estimate(mi(x.rows(), discretize(x), discretize(y)), spec);
    }

    private double mi(int n, int[][] bx, int[][] by) {
        return entropyOf(n, bx) + entropyOf(n, by) - entropyOf(n, concat(bx, by));
    }

    @Override
    public Estimate conditionalMutualInformation(Matrix x, Matrix y, Matrix z) {
        Samples.check(x, y, z);
        return new Estimate(cmi(x.rows(), discretize(x), discretize(y), discretize(z)), spec);
    }

    private double cmi(int n, int[][] bx, int[][] by, int[][] bz) {
        return entropyOf(n, concat(bx, bz)) + entropyOf(n, concat(by, bz)) - entropyOf(n, concat(bx, by, bz)) - entropyOf(n, bz);
    }

    @Override
    public Estimate mutualInformationWithLabels(Matrix x, int[] labels) {
        Samples.checkLabels(x, labels);
        return new Estimate(mi(x.rows(), discretize(x), new int[][] {labels}), spec);
    }

    @Override
    public Estimate conditionalMutualInformationWithLabels(Matrix x, int[] labels, Matrix z) {
        Samples.checkLabels(x, labels);
        Samples.check("Z", z);
        Samples.sameRows("Z", z, x.rows());
        return new Estimate(cmi(x.rows(), discretize(x), new int[][] {labels}, discretize(z)), spec);
    }
}
