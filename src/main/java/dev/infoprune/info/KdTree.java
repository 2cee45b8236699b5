package dev.infoprune.info;

/**
 * A k-d tree over a fixed point set under the maximum norm, for k-nearest-neighbour distances and for
 * counting points within a radius. Every node keeps its bounding box, so counting adds whole subtrees that
 * lie inside the query cube and skips those outside it. Queries are read-only and may run in parallel.
 */
final class KdTree {
    private static final int LEAF_SIZE = 12;

    private final double[] points;
    private final int dims;
    private final int[] perm;
    /** Whether the tree holds every row; a query point is then among the points and not counted. */
    private final boolean allRows;
    private int nodeCount;
    private int[] lo;
    private int[] hi;
    private int[] left;
    private int[] right;
    private double[] boxMin;
    private double[] boxMax;

    /** Points row-major (n × dims). */
    KdTree(double[] points, int n, int dims) {
        this(points, dims, identity(n));
    }

    /** A tree over the listed rows only (e.g. one class's samples). */
    KdTree(double[] points, int dims, int[] rows) {
        this.points = points;
        this.dims = dims;
        this.perm = rows.clone();
        this.allRows = rows.length == points.length / Math.max(1, dims);
        int capacity = Math.max(1, 2 * (rows.length / LEAF_SIZE + 1) + 1);
        lo = new int[capacity];
        hi = new int[capacity];
        left = new int[capacity];
        right = new int[capacity];
        boxMin = new double[capacity * dims];
        boxMax = new double[capacity * dims];
        if (rows.length > 0) {
            build(0, rows.length);
        }
    }

    private static int[] identity(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private int build(int from, int to) {
        int node = nodeCount++;
        ensureCapacity(nodeCount);
        lo[node] = from;
        hi[node] = to;
        left[node] = -1;
        right[node] = -1;
        int widest = 0;
        double widestSpread = -1;
        for (int d = 0; d < dims; d++) {
            double mn = Double.POSITIVE_INFINITY;
            double mx = Double.NEGATIVE_INFINITY;
            for (int p = from; p < to; p++) {
                double v = points[perm[p] * dims + d];
                mn = Math.min(mn, v);
                mx = Math.max(mx, v);
            }
            boxMin[node * dims + d] = mn;
            boxMax[node * dims + d] = mx;
            if (mx - mn > widestSpread) {
                widestSpread = mx - mn;
                widest = d;
            }
        }
        if (to - from > LEAF_SIZE && widestSpread > 0) {
            int mid = (from + to) >>> 1;
            select(from, to - 1, mid, widest);
            int l = build(from, mid);
            int r = build(mid, to);
            left[node] = l;   // assigned after the calls: build() may grow (replace) the arrays
            right[node] = r;
        }
        return node;
    }

    private void ensureCapacity(int n) {
        if (n <= lo.length) {
            return;
        }
        int c = Math.max(n, lo.length * 2);
        lo = java.util.Arrays.copyOf(lo, c);
        hi = java.util.Arrays.copyOf(hi, c);
        left = java.util.Arrays.copyOf(left, c);
        right = java.util.Arrays.copyOf(right, c);
        boxMin = java.util.Arrays.copyOf(boxMin, c * dims);
        boxMax = java.util.Arrays.copyOf(boxMax, c * dims);
    }

    /** Quickselect on perm[from..to] by coordinate d so that position k holds the k-th smallest. */
    private void select(int from, int to, int k, int d) {
        while (to > from) {
            double pivot = points[perm[(from + to) >>> 1] * dims + d];
            int i = from;
            int j = to;
            while (i <= j) {
                while (points[perm[i] * dims + d] < pivot) {
                    i++;
                }
                while (points[perm[j] * dims + d] > pivot) {
                    j--;
                }
                if (i <= j) {
                    int t = perm[i];
                    perm[i] = perm[j];
                    perm[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                to = j;
            } else if (k >= i) {
                from = i;
            } else {
                return;
            }
        }
    }

    double distance(int a, int b) {
        double m = 0;
        int pa = a * dims;
        int pb = b * dims;
        for (int d = 0; d < dims; d++) {
            m = Math.max(m, Math.abs(points[pa + d] - points[pb + d]));
        }
        return m;
    }

    /**
     * The k nearest neighbours of point {@code query} (a row of the point set, itself excluded), nearest
     * first, written into {@code outIndex}/{@code outDistance} (length k). Returns how many were found.
     */
    int nearest(int query, int k, int[] outIndex, double[] outDistance) {
        java.util.Arrays.fill(outDistance, 0, k, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(outIndex, 0, k, -1);
        if (nodeCount > 0) {
            search(0, query, k, outIndex, outDistance);
        }
        int found = 0;
        while (found < k && outIndex[found] >= 0) {
            found++;
        }
        return found;
    }

    private void search(int node, int q, int k, int[] idx, double[] dist) {
        if (left[node] < 0) {
            for (int p = lo[node]; p < hi[node]; p++) {
                int j = perm[p];
                if (j == q) {
                    continue;
                }
                double dj = distance(q, j);
                if (dj < dist[k - 1]) {
                    int s = k - 1;
                    while (s > 0 && dist[s - 1] > dj) {
                        dist[s] = dist[s - 1];
                        idx[s] = idx[s - 1];
                        s--;
                    }
                    dist[s] = dj;
                    idx[s] = j;
                }
            }
            return;
        }
        double dl = boxDistance(left[node], q);
        double dr = boxDistance(right[node], q);
        int first = dl <= dr ? left[node] : right[node];
        int second = dl <= dr ? right[node] : left[node];
        if (Math.min(dl, dr) < dist[k - 1]) {
            search(first, q, k, idx, dist);
        }
        if (Math.max(dl, dr) < dist[k - 1]) {
            search(second, q, k, idx, dist);
        }
    }

    private double boxDistance(int node, int q) {
        double m = 0;
        int b = node * dims;
        int pq = q * dims;
        for (int d = 0; d < dims; d++) {
            double v = points[pq + d];
            double gap = Math.max(boxMin[b + d] - v, v - boxMax[b + d]);
            m = Math.max(m, gap);
        }
        return m;
    }

    /** How many points other than {@code query} lie within distance r (strictly, or with equality when inclusive). */
    int countWithin(int query, double r, boolean inclusive) {
        double[] radius = new double[dims];
        java.util.Arrays.fill(radius, r);
        return countWithin(query, radius, inclusive);
    }

    /**
     * How many points other than {@code query} lie in the box |p_d − q_d| &lt; r_d for every dimension d (or ≤
     * when inclusive): a max-norm ball when all r_d are equal, a rectangle of per-variable extents otherwise.
     */
    int countWithin(int query, double[] radius, boolean inclusive) {
        if (nodeCount == 0) {
            return 0;
        }
        int c = count(0, query, radius, inclusive);
        boolean selfCounted = true;
        for (double r : radius) {
            selfCounted &= inclusive ? r >= 0 : r > 0;
        }
        return selfCounted && allRows ? c - 1 : c;
    }

    private boolean within(int q, int j, double[] r, boolean inclusive) {
        int pq = q * dims;
        int pj = j * dims;
        for (int d = 0; d < dims; d++) {
            double g = Math.abs(points[pq + d] - points[pj + d]);
            if (inclusive ? g > r[d] : g >= r[d]) {
                return false;
            }
        }
        return true;
    }

    private int count(int node, int q, double[] r, boolean inclusive) {
        int b = node * dims;
        int pq = q * dims;
        boolean inside = true;
        for (int d = 0; d < dims; d++) {
            double v = points[pq + d];
            double below = v - boxMin[b + d];
            double above = boxMax[b + d] - v;
            double nearGap = Math.max(-below, -above);
            if (inclusive ? nearGap > r[d] : nearGap >= r[d]) {
                return 0;
            }
            double far = Math.max(below, above);
            if (inclusive ? far > r[d] : far >= r[d]) {
                inside = false;
            }
        }
        if (inside) {
            return hi[node] - lo[node];
        }
        if (left[node] < 0) {
            int c = 0;
            for (int p = lo[node]; p < hi[node]; p++) {
                if (within(q, perm[p], r, inclusive)) {
                    c++;
                }
            }
            return c;
        }
        return count(left[node], q, r, inclusive) + count(right[node], q, r, inclusive);
    }
}
