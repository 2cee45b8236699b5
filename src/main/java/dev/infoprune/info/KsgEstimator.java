package dev.infoprune.info;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Kraskov–Stögbauer–Grassberger k-nearest-neighbour estimates under the maximum norm.
 * <ul>
 * <li>Algorithm 1: ε_i is the distance to the k-th neighbour in the joint space; n_x, n_y count points strictly
 * closer than ε_i in each marginal; I = ψ(k) + ψ(N) − ⟨ψ(n_x+1) + ψ(n_y+1)⟩.</li>
 * <li>Algorithm 2: ε_x(i), ε_y(i) are the marginal extents of the k joint neighbours; counts include the
 * boundary; I = ψ(k) − 1/k + ψ(N) − ⟨ψ(n_x) + ψ(n_y)⟩.</li>
 * <li>CMI (Frenzel–Pompe): I(X;Y|Z) = ψ(k) − ⟨ψ(n_xz+1) + ψ(n_yz+1) − ψ(n_z+1)⟩; algorithm 2 goes
 * by the chain rule I(X;Y|Z) = I(X;YZ) − I(X;Z), each term by algorithm 2 (the rectangle-count extension
 * of algorithm 2 to CMI used by some tools measured 0.56 nats for a true 0.35 here, so it is not offered).</li>
 * <li>Discrete labels (Ross 2014): d_i is the distance to the k-th neighbour among samples of the same label,
 * m_i the number of samples of any label within d_i; I = ψ(N) − ⟨ψ(N_label)⟩ + ψ(k) − ⟨ψ(m_i)⟩. With labels in
 * a conditional, I(X;L|Z) = I(XZ;L) − I(Z;L), both by Ross's rule.</li>
 * <li>Entropy (Kozachenko–Leonenko): H = ψ(N) − ψ(k) + d·log 2 + d·⟨log ε_i⟩ + Σ log σ_j.</li>
 * </ul>
 * Every column is scaled to unit standard deviation (constant columns stay constant) and, when noise &gt; 0,
 * gets seeded Gaussian jitter of that relative size, which breaks ties (ReLU zeros, repeated values) without
 * changing the estimate. Neighbour search: a k-d tree in the joint space, sorted arrays for one-dimensional
 * marginals and for labels, and a shared distance matrix when many single columns are scored against one
 * multivariate target. Points are processed in parallel; the result is summed in order, so it is deterministic.
 */
public final class KsgEstimator implements InformationEstimator {
    public static final String NAME = "ksg";
    public static final int DEFAULT_K = 3;
    public static final double DEFAULT_NOISE = 1e-10;
    /** Above this many samples the per-column route with a shared distance matrix would need too much memory. */
    private static final int SHARED_DISTANCE_LIMIT = 6000;

    /** More neighbours than this is never a useful estimate (and k + 1 must not overflow). */
    public static final int MAX_K = 1_000_000;
    private final int k;
    private final int algorithm;
    private final double noise;
    private final long seed;
    private final EstimatorSpec spec;

    public KsgEstimator() {
        this(DEFAULT_K, 1, DEFAULT_NOISE, 0);
    }

    public KsgEstimator(int k) {
        this(k, 1, DEFAULT_NOISE, 0);
    }

    /**
     * @param k         neighbours (≥ 1)
     * @param algorithm Kraskov's algorithm, 1 or 2
     * @param noise     relative size of the tie-breaking jitter (0 for none)
     * @param seed      seed of the jitter
     */
    public KsgEstimator(int k, int algorithm, double noise, long seed) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (k > MAX_K) {
            throw new IllegalArgumentException("k must be at most " + MAX_K + ", got " + k);
        }
        if (algorithm != 1 && algorithm != 2) {
            throw new IllegalArgumentException("algorithm must be 1 or 2, got " + algorithm);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number ≥ 0, got " + noise);
        }
        this.k = k;
        this.algorithm = algorithm;
        this.noise = noise;
        this.seed = seed;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("k", k);
        p.put("algorithm", algorithm);
        p.put("noise", noise);
        p.put("seed", seed);
        this.spec = new EstimatorSpec(NAME, p);
    }

    @Override
    public EstimatorSpec spec() {
        return spec;
    }

    private void checkSize(int n) {
        if (n <= k) {
            throw new BadInputException("X", "the k-nearest-neighbour estimate with k=" + k + " needs at least "
                    + ((long) k + 1) + " samples, got " + n);
        }
    }

    /** Unit-variance columns plus seeded jitter; {@code stream} separates X, Y and Z. */
    private double[] prepare(Matrix m, int stream, double[] stdOut) {
        int n = m.rows();
        int d = m.cols();
        double[] mean = new double[d];
        double[] std = new double[d];
        Correlations.moments(m, mean, std);
        if (stdOut != null) {
            System.arraycopy(std, 0, stdOut, 0, d);
        }
        double[] src = m.data();
        double[] out = new double[n * d];
        double[] meanAbs = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double v = std[j] > 0 ? src[i * d + j] / std[j] : src[i * d + j];
                out[i * d + j] = v;
                meanAbs[j] += Math.abs(v) / n;
            }
        }
        if (noise > 0) {
            Random r = new Random(seed * 0x9E3779B97F4A7C15L + stream);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    out[i * d + j] += noise * Math.max(1, meanAbs[j]) * r.nextGaussian();
                }
            }
        }
        return out;
    }

    private static boolean allConstant(Matrix m) {
        double[] mean = new double[m.cols()];
        double[] std = new double[m.cols()];
        Correlations.moments(m, mean, std);
        for (double s : std) {
            if (s > 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Estimate entropy(Matrix x) {
        Samples.check("X", x);
        checkSize(x.rows());
        int n = x.rows();
        int d = x.cols();
        double[] std = new double[d];
        double[] p = prepare(x, 0, std);
        KdTree tree = new KdTree(p, n, d);
        double[] logEps = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] idx = new int[k];
            double[] dist = new double[k];
            tree.nearest(i, k, idx, dist);
            logEps[i] = Math.log(Math.max(dist[k - 1], 1e-300));
        });
        double mean = 0;
        for (double v : logEps) {
            mean += v / n;
        }
        double h = Digamma.of(n) - Digamma.of(k) + d * Math.log(2) + d * mean;
        for (double s : std) {
            if (s > 0) {
                h += Math.log(s);
            }
        }
        return new Estimate(h, spec);
    }

    /** One marginal space's neighbour counter. */
    private interface Counter {
        int count(int i, double r, boolean inclusive);
    }

    private static Counter counter(double[] points, int n, int dims) {
        if (dims == 1) {
            SortedAxis axis = new SortedAxis(points);
            return (i, r, inclusive) -> axis.countWithin(points[i], r, inclusive);
        }
        KdTree tree = new KdTree(points, n, dims);
        return tree::countWithin;
    }

    /** Row-major concatenation of blocks with the given widths. */
    private static double[] joinColumns(int n, double[][] blocks, int[] widths) {
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        double[] out = new double[n * total];
        for (int i = 0; i < n; i++) {
            int o = i * total;
            for (int b = 0; b < blocks.length; b++) {
                System.arraycopy(blocks[b], i * widths[b], out, o, widths[b]);
                o += widths[b];
            }
        }
        return out;
    }

    private static double[] columnsOf(double[] joint, int n, int total, int from, int width) {
        double[] out = new double[n * width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(joint, i * total + from, out, i * width, width);
        }
        return out;
    }

    @Override
    public Estimate mutualInformation(Matrix x, Matrix y) {
        Samples.check(x, y);
        checkSize(x.rows());
        if (allConstant(x) || allConstant(y)) {
            return new Estimate(0, spec);
        }
        int n = x.rows();
        int p = x.cols();
        int q = y.cols();
        double[] px = prepare(x, 0, null);
        double[] py = prepare(y, 1, null);
        double[] joint = joinColumns(n, new double[][] {px, py}, new int[] {p, q});
        KdTree tree = new KdTree(joint, n, p + q);
        Counter cx = counter(px, n, p);
        Counter cy = counter(py, n, q);
        double[] term = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] idx = new int[k];
            double[] dist = new double[k];
            tree.nearest(i, k, idx, dist);
            if (algorithm == 1) {
                double eps = dist[k - 1];
                term[i] = Digamma.of(cx.count(i, eps, false) + 1) + Digamma.of(cy.count(i, eps, false) + 1);
            } else {
                double ex = extent(px, p, i, idx);
                double ey = extent(py, q, i, idx);
                term[i] = Digamma.of(Math.max(1, cx.count(i, ex, true))) + Digamma.of(Math.max(1, cy.count(i, ey, true)));
            }
        });
        double mi = Digamma.of(k) + Digamma.of(n) - mean(term) - (algorithm == 2 ? 1.0 / k : 0);
        return new Estimate(mi, spec);
    }

    private static double[] radii(int w1, double r1, int w2, double r2) {
        double[] out = new double[w1 + w2];
        java.util.Arrays.fill(out, 0, w1, r1);
        java.util.Arrays.fill(out, w1, w1 + w2, r2);
        return out;
    }

    /** The largest marginal distance from point i to the given neighbours, in a block of width w. */
    private static double extent(double[] block, int w, int i, int[] neighbours) {
        double m = 0;
        for (int j : neighbours) {
            for (int d = 0; d < w; d++) {
                m = Math.max(m, Math.abs(block[i * w + d] - block[j * w + d]));
            }
        }
        return m;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double t : v) {
            s += t;
        }
        return s / v.length;
    }

    @Override
    public Estimate conditionalMutualInformation(Matrix x, Matrix y, Matrix z) {
        Samples.check(x, y, z);
        checkSize(x.rows());
        if (allConstant(z)) {
            return mutualInformation(x, y);
        }
        if (allConstant(x) || allConstant(y)) {
            return new Estimate(0, spec);
        }
        if (algorithm == 2) {
            return new Estimate(mutualInformation(x, y.appendColumns(z)).nats() - mutualInformation(x, z).nats(), spec);
        }
        int n = x.rows();
        int p = x.cols();
        int q = y.cols();
        int r = z.cols();
        double[] px = prepare(x, 0, null);
        double[] py = prepare(y, 1, null);
        double[] pz = prepare(z, 2, null);
        double[] joint = joinColumns(n, new double[][] {px, py, pz}, new int[] {p, q, r});
        KdTree tree = new KdTree(joint, n, p + q + r);
        double[] xz = joinColumns(n, new double[][] {px, pz}, new int[] {p, r});
        double[] yz = joinColumns(n, new double[][] {py, pz}, new int[] {q, r});
        Counter cxz = counter(xz, n, p + r);
        Counter cyz = counter(yz, n, q + r);
        Counter cz = counter(pz, n, r);
        double[] term = new double[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] idx = new int[k];
            double[] dist = new double[k];
            tree.nearest(i, k, idx, dist);
            double eps = dist[k - 1];
            term[i] = Digamma.of(cxz.count(i, eps, false) + 1) + Digamma.of(cyz.count(i, eps, false) + 1)
                    - Digamma.of(cz.count(i, eps, false) + 1);
        });
        double cmi = Digamma.of(k) - mean(term);
        return new Estimate(cmi, spec);
    }

    @Override
    public Estimate mutualInformationWithLabels(Matrix x, int[] labels) {
        Samples.checkLabels(x, labels);
        checkSize(x.rows());
        if (allConstant(x)) {
            return new Estimate(0, spec);
        }
        return new Estimate(ross(prepare(x, 0, null), x.rows(), x.cols(), Samples.denseLabels(labels)), spec);
    }

    @Override
    public Estimate conditionalMutualInformationWithLabels(Matrix x, int[] labels, Matrix z) {
        Samples.checkLabels(x, labels);
        Samples.check("Z", z);
        Samples.sameRows("Z", z, x.rows());
        checkSize(x.rows());
        if (allConstant(x)) {
            return new Estimate(0, spec);
        }
        if (allConstant(z)) {
            return mutualInformationWithLabels(x, labels);
        }
        int n = x.rows();
        int[] dense = Samples.denseLabels(labels);
        double[] px = prepare(x, 0, null);
        double[] pz = prepare(z, 2, null);
        double[] xz = joinColumns(n, new double[][] {px, pz}, new int[] {x.cols(), z.cols()});
        double both = ross(xz, n, x.cols() + z.cols(), dense);
        double zOnly = ross(pz, n, z.cols(), dense);
        return new Estimate(both - zOnly, spec);
    }

    @Override
    public double[] mutualInformationWithLabelsPerColumn(Matrix x, int[] labels) {
        Samples.checkLabels(x, labels);
        checkSize(x.rows());
        int n = x.rows();
        int[] dense = Samples.denseLabels(labels);
        double[] mean = new double[x.cols()];
        double[] std = new double[x.cols()];
        Correlations.moments(x, mean, std);
        return IntStream.range(0, x.cols()).parallel().mapToDouble(j -> {
            if (std[j] == 0) {
                return 0;
            }
            double[] col = prepare(x.selectColumns(new int[] {j}), 0, null);
            return ross(col, n, 1, dense);
        }).toArray();
    }

    /** Ross's estimate of I(X; L) for prepared points (n × dims) and dense labels. */
    private double ross(double[] points, int n, int dims, int[] labels) {
        int classes = Samples.classCount(labels);
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            members.get(labels[i]).add(i);
        }
        double[] m = new double[n];
        int[] kUsed = new int[n];
        int[] classOf = new int[n];
        if (dims == 1) {
            // only values matter on a line: each class's values sorted (primitive sort), no index bookkeeping
            SortedAxis all = new SortedAxis(points);
            int[] fill = new int[classes];
            double[][] byClass = new double[classes][];
            for (int c = 0; c < classes; c++) {
                byClass[c] = new double[members.get(c).size()];
            }
            for (int i = 0; i < n; i++) {
                byClass[labels[i]][fill[labels[i]]++] = points[i];
            }
            int slot = 0;
            for (double[] v : byClass) {
                int size = v.length;
                if (size < 2) {
                    continue;
                }
                java.util.Arrays.sort(v);
                int kc = Math.min(k, size - 1);
                for (int s = 0; s < size; s++) {
                    double d = kthDistanceSorted(v, s, kc);
                    m[slot] = all.countWithin(v[s], d, true);
                    kUsed[slot] = kc;
                    classOf[slot] = size;
                    slot++;
                }
            }
        } else {
            KdTree all = new KdTree(points, n, dims);
            for (List<Integer> rows : members) {
                int size = rows.size();
                if (size < 2) {
                    continue;
                }
                int kc = Math.min(k, size - 1);
                int[] r = rows.stream().mapToInt(Integer::intValue).toArray();
                KdTree tree = new KdTree(points, dims, r);
                IntStream.range(0, size).parallel().forEach(s -> {
                    int i = r[s];
                    int[] idx = new int[kc];
                    double[] dist = new double[kc];
                    tree.nearest(i, kc, idx, dist);
                    m[i] = all.countWithin(i, dist[kc - 1], true);
                    kUsed[i] = kc;
                    classOf[i] = size;
                });
            }
        }
        int used = 0;
        double sumLabel = 0;
        double sumK = 0;
        double sumM = 0;
        for (int i = 0; i < n; i++) {
            if (kUsed[i] == 0) {
                continue;
            }
            used++;
            sumLabel += Digamma.of(classOf[i]);
            sumK += Digamma.of(kUsed[i]);
            sumM += Digamma.of((int) Math.max(1, m[i]));
        }
        if (used == 0) {
            return 0;
        }
        return Digamma.of(used) + (sumK - sumLabel - sumM) / used;
    }

    /** Distance from v[s] to its kc-th nearest other value in the sorted array v. */
    private static double kthDistanceSorted(double[] v, int s, int kc) {
        int lo = s - 1;
        int hi = s + 1;
        double d = 0;
        for (int step = 0; step < kc; step++) {
            double dl = lo >= 0 ? v[s] - v[lo] : Double.POSITIVE_INFINITY;
            double dh = hi < v.length ? v[hi] - v[s] : Double.POSITIVE_INFINITY;
            if (dl <= dh) {
                d = dl;
                lo--;
            } else {
                d = dh;
                hi++;
            }
        }
        return d;
    }

    /**
     * I(x_j; Y) for every column against one multivariate Y: Y's pairwise distances are computed once and
     * shared by all columns (the joint distance is max(|x_i − x_j|, d_Y(i, j))), which turns a per-column
     * k-d tree search in p+q dimensions into one pass over a row of the shared matrix.
     */
    @Override
    public double[] mutualInformationPerColumn(Matrix x, Matrix y) {
        Samples.check(x, y);
        checkSize(x.rows());
        int n = x.rows();
        if (y.cols() < 3 || n > SHARED_DISTANCE_LIMIT || allConstant(y)) {
            return InformationEstimator.super.mutualInformationPerColumn(x, y);
        }
        int q = y.cols();
        double[] py = prepare(y, 1, null);
        double[] dy = new double[n * n];
        double[] sortedRows = new double[n * n];
        IntStream.range(0, n).parallel().forEach(i -> {
            for (int j = 0; j < n; j++) {
                double m = 0;
                for (int d = 0; d < q; d++) {
                    m = Math.max(m, Math.abs(py[i * q + d] - py[j * q + d]));
                }
                dy[i * n + j] = m;
            }
            System.arraycopy(dy, i * n, sortedRows, i * n, n);
            java.util.Arrays.sort(sortedRows, i * n, (i + 1) * n);
        });
        double[] mean = new double[x.cols()];
        double[] std = new double[x.cols()];
        Correlations.moments(x, mean, std);
        return IntStream.range(0, x.cols()).parallel().mapToDouble(j -> {
            if (std[j] == 0) {
                return 0;
            }
            double[] px = prepare(x.selectColumns(new int[] {j}), 0, null);
            return sharedTargetMi(px, py, q, dy, sortedRows, n);
        }).toArray();
    }

    private double sharedTargetMi(double[] px, double[] py, int q, double[] dy, double[] sortedRows, int n) {
        SortedAxis axis = new SortedAxis(px);
        int[] idx = new int[k];
        double[] dist = new double[k];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
            double worst = Double.POSITIVE_INFINITY;
            double xi = px[i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                double dj = Math.max(Math.abs(xi - px[j]), dy[row + j]);
                if (dj < worst && j != i) {
                    int s = k - 1;
                    while (s > 0 && dist[s - 1] > dj) {
                        dist[s] = dist[s - 1];
                        idx[s] = idx[s - 1];
                        s--;
                    }
                    dist[s] = dj;
                    idx[s] = j;
                    worst = dist[k - 1];
                }
            }
            if (algorithm == 1) {
                double eps = dist[k - 1];
                int nx = axis.countWithin(xi, eps, false);
                int ny = countBelow(sortedRows, row, n, eps, false) - (eps > 0 ? 1 : 0);
                sum += Digamma.of(nx + 1) + Digamma.of(ny + 1);
            } else {
                double ex = 0;
                double ey = 0;
                for (int j : idx) {
                    ex = Math.max(ex, Math.abs(xi - px[j]));
                    ey = Math.max(ey, dy[row + j]);
                }
                int nx = axis.countWithin(xi, ex, true);
                int ny = countBelow(sortedRows, row, n, ey, true) - 1;
                sum += Digamma.of(Math.max(1, nx)) + Digamma.of(Math.max(1, ny));
            }
        }
        return Digamma.of(k) + Digamma.of(n) - sum / n - (algorithm == 2 ? 1.0 / k : 0);
    }

    /** How many of sorted[from .. from+n) are below r (or at most r). */
    private static int countBelow(double[] sorted, int from, int n, double r, boolean inclusive) {
        int a = from;
        int b = from + n;
        while (a < b) {
            int m = (a + b) >>> 1;
            if (inclusive ? sorted[m] <= r : sorted[m] < r) {
                a = m + 1;
            } else {
                b = m;
            }
        }
        return a - from;
    }
}
