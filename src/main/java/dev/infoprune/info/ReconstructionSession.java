package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The loss-based information estimate of the MIPP paper (after Covert, Lundberg and Lee): a one-hidden-layer ReLU
 * MLP g reconstructs the standardised target T from the kept groups with MSE. g is fitted once with Adam: by default
 * for a fixed budget of batches, as the paper trains its estimator, or (fit = converge) until the held-out loss
 * stops falling. A briefly trained g leaves a loss that re-fitting moves by about as much as a weakly informative
 * unit does, which is what lets the confidence x separate units. Testing a group copies g, masks the group (its first-layer weights are zeroed
 * and held at zero, which is the same as feeding it its mean) and re-fits the copy warm for a few steps; the
 * masked copy starts with the group's weights handed to the kept columns through a ridge regression of the
 * group on them, so the brief re-fit only has to recover what the rest cannot express linearly. The "with" side
 * is re-fitted for the same number of steps on batches of its own, so Δ = loss without − loss with measures the
 * group and not the extra training, and carries the noise of re-training that the confidence test weighs Δ
 * against. A constant group carries nothing: its Δ is 0 without a re-fit. Removing a group keeps its re-fitted
 * copy as the new g.
 *
 * <p>The R repeats are R networks with their own initial weights, held-out rows and batches, trained side by
 * side: their first layers form one d × (R·h) matrix, so each step is one wide product for all of them (OpenBLAS
 * sgemm), and the per-repeat second layers are small products. Deterministic for the same inputs and calls.
 */
public final class ReconstructionSession implements LossSession {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;
    private static final int EVAL_CHUNK = 1024;
    /** Ridge added to the correlation matrix of the compensating regression (constant columns then get weight 0). */
    private static final double COMPENSATION_RIDGE = 1e-3;

    private final ReconstructionSettings settings;
    private final int n;
    private final int d;
    private final int t;
    private final int h;
    private final int reps;
    private final int wide;
    private final float[] x;
    private final float[] y;
    private final int[][] groups;
    private final boolean[] removedColumn;
    private final boolean[] removedGroup;
    private final boolean[][] heldOut;
    private final int[] heldOutCount;
    private final double[] baseline;
    private final double[] relevance;

    private Params current;
    private long version;
    private long lossVersion = -1;
    private double[] cachedLoss;
    private int lastGroup = -1;
    private long lastVersion = -1;
    private Params lastWithout;
    private double[] precision;

    /**
     * @param inputs the layer's activations, n × d
     * @param groups the columns of each group (a unit: one column; a filter: its positions)
     * @param target the target's activations, n × t
     */
    public ReconstructionSession(Matrix inputs, int[][] groups, Matrix target, ReconstructionSettings settings) {
        if (inputs.rows() != target.rows()) {
            throw new IllegalArgumentException("inputs have " + inputs.rows() + " rows, the target " + target.rows());
        }
        this.settings = settings;
        this.n = inputs.rows();
        this.d = inputs.cols();
        this.t = target.cols();
        this.h = settings.hidden();
        this.reps = settings.repeats();
        this.wide = reps * h;
        int holdCount = (int) Math.round(settings.holdout() * n);
        if (holdCount < 2 || n - holdCount < 2) {
            throw new IllegalArgumentException("the reconstruction estimate needs at least 2 training and 2 held-out rows, "
                    + "got " + n + " rows with a held-out share of " + settings.holdout());
        }
        this.x = Standardised.of(inputs);
        this.y = Standardised.of(target);
        this.groups = groups;
        this.removedColumn = new boolean[d];
        this.removedGroup = new boolean[groups.length];
        this.heldOut = new boolean[reps][n];
        this.heldOutCount = new int[reps];
        this.baseline = new double[reps];
        for (int r = 0; r < reps; r++) {
            int[] perm = permutation(random(r, 11), n);
            for (int i = 0; i < holdCount; i++) {
                heldOut[r][perm[i]] = true;
            }
            heldOutCount[r] = holdCount;
            baseline[r] = meanPredictorLoss(r);
        }
        this.relevance = Standardised.groupRelevance(x, d, y, t, n, groups);
    }

    @Override
    public EstimatorSpec spec() {
        return settings.spec();
    }

    @Override
    public int groups() {
        return groups.length;
    }

    @Override
    public int repeats() {
        return reps;
    }

    @Override
    public double[] baselineLoss() {
        return baseline.clone();
    }

    @Override
    public double[] relevance() {
        return relevance.clone();
    }

    @Override
    public double[] loss(Progress progress) {
        ensureFitted(progress);
        if (lossVersion != version) {
            Params p = current.copy();
            train(p, refitBatches(-1), removedColumn, progress);
            cachedLoss = heldOutLoss(p);
            lossVersion = version;
        }
        return cachedLoss.clone();
    }

    @Override
    public double[] lossWithout(int group, Progress progress) {
        checkGroup(group);
        ensureFitted(progress);
        if (isConstant(group)) {
            // a constant carries no information: masking it changes nothing g can see
            lastWithout = current;
            lastGroup = group;
            lastVersion = version;
            return loss(progress);
        }
        boolean[] frozen = removedColumn.clone();
        for (int c : groups[group]) {
            frozen[c] = true;
        }
        Params p = current.copy();
        compensate(p, group);
        p.zeroRows(frozen);
        train(p, refitBatches(group), frozen, progress);
        lastWithout = p;
        lastGroup = group;
        lastVersion = version;
        return heldOutLoss(p);
    }

    @Override
    public void remove(int group) {
        checkGroup(group);
        if (lastGroup != group || lastVersion != version) {
            lossWithout(group, Progress.NONE);
        }
        current = lastWithout;
        removedGroup[group] = true;
        downdatePrecision(groups[group]);
        for (int c : groups[group]) {
            removedColumn[c] = true;
        }
        version++;
        lastGroup = -1;
        lastWithout = null;
    }

    private void checkGroup(int group) {
        if (group < 0 || group >= groups.length) {
            throw new IllegalArgumentException("no group " + group);
        }
        if (removedGroup[group]) {
            throw new IllegalArgumentException("group " + group + " was already removed");
        }
    }

    // ---- fitting ----

    private void ensureFitted(Progress progress) {
        if (current != null) {
            return;
        }
        Params p = Params.initial(this);
        SplittableRandom batchRandom = random(-1, 21);
        if (settings.fit() == ReconstructionSettings.FirstFit.BUDGET) {
            train(p, batches(batchRandom, settings.batches()), removedColumn, progress);
            current = p;
            return;
        }
        Params best = p.copy();
        double[] bestLoss = heldOutLoss(p);
        int[] since = new int[reps];
        Adam adam = new Adam();
        int b = Math.min(settings.batch(), n);
        int[] order = permutation(batchRandom, n);
        int cursor = 0;
        for (int step = 1; step <= settings.maxSteps(); step++) {
            progress.checkCancelled();
            if (cursor + b > n) {
                order = permutation(batchRandom, n);
                cursor = 0;
            }
            step(p, adam, Arrays.copyOfRange(order, cursor, cursor + b), removedColumn);
            cursor += b;
            // the last step is checked too: with fewer steps than eval-every, g would otherwise stay at its initial weights
            if (step % settings.evalEvery() == 0 || step == settings.maxSteps()) {
                double[] l = heldOutLoss(p);
                boolean anyLeft = false;
                for (int r = 0; r < reps; r++) {
                    if (l[r] < bestLoss[r] - 1e-7) {
                        bestLoss[r] = l[r];
                        best.copyRepeat(p, r, this);
                        since[r] = 0;
                    } else {
                        since[r]++;
                    }
                    anyLeft |= since[r] < settings.patience();
                }
                if (!anyLeft) {
                    break;
                }
            }
        }
        current = best;
    }

    /**
     * Warm start of a masked copy: the group's first-layer weights are moved onto the kept columns by the ridge
     * regression of the group on them (x_G ≈ x_R·C with C = −P_RG P_GG⁻¹, P the inverse of the kept columns'
     * correlation matrix), so that what the rest can express of the group linearly is kept and the brief re-fit
     * only has to recover the remainder. An exact duplicate hands its weights to its twin.
     */
    private void compensate(Params p, int group) {
        double[] pr = precision();
        int[] g = groups[group];
        int q = g.length;
        double[] pggInv = SpdInverse.blockInverse(pr, d, g);
        if (pggInv == null) {
            return;
        }
        boolean[] inGroup = new boolean[d];
        for (int c : g) {
            inGroup[c] = true;
        }
        double[] coefficient = new double[q];
        for (int c = 0; c < d; c++) {
            if (inGroup[c] || removedColumn[c]) {
                continue;
            }
            for (int b = 0; b < q; b++) {
                double s = 0;
                for (int a = 0; a < q; a++) {
                    s -= pr[c * d + g[a]] * pggInv[a * q + b];
                }
                coefficient[b] = s;
            }
            for (int j = 0; j < wide; j++) {
                double add = 0;
                for (int b = 0; b < q; b++) {
                    add += coefficient[b] * p.w1[g[b] * wide + j];
                }
                p.w1[c * wide + j] += (float) add;
            }
        }
    }

    /**
     * The inverse of the kept columns' correlation matrix plus a small ridge, as a d × d matrix whose removed rows
     * and columns are 0: computed once, then downdated on each removal (the Schur complement).
     */
    private double[] precision() {
        if (precision == null) {
            double[] xd = new double[n * d];
            for (int i = 0; i < xd.length; i++) {
                xd[i] = x[i];
            }
            double[] corr = NativeLinearAlgebra.crossProduct(xd, n, d, 1.0 / n);
            for (int j = 0; j < d; j++) {
                corr[j * d + j] += COMPENSATION_RIDGE;
            }
            precision = SpdInverse.of(corr, d);
            if (precision == null) {
                throw new IllegalStateException("the inputs' correlation matrix is not positive definite");
            }
        }
        return precision;
    }

    /** P ← P_RR − P_RG P_GG⁻¹ P_GR, and the group's rows and columns set to 0. */
    private void downdatePrecision(int[] g) {
        if (precision == null) {
            return;
        }
        double[] k = SpdInverse.blockInverse(precision, d, g);
        if (k == null) {
            SpdInverse.zeroGroup(precision, d, g);
        } else {
            SpdInverse.removeGroup(precision, d, g, SpdInverse.columns(precision, d, g), k);
        }
    }

    private boolean isConstant(int group) {
        for (int c : groups[group]) {
            for (int i = 0; i < n; i++) {
                if (x[i * d + c] != 0f) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The batches of one re-fit: their own seeded order for the "with" side ({@code group} −1) and for each
     * tested group, so that Δ carries the noise of re-training, which is what the test weighs it against.
     */
    private int[][] refitBatches(int group) {
        return batches(random(-2, 31 + version * 7919 + (group + 1) * 104729L), settings.refitSteps());
    }

    /** {@code count} batches of {@code batch} rows, each pass over the rows in a fresh seeded order. */
    private int[][] batches(SplittableRandom r, int count) {
        int b = Math.min(settings.batch(), n);
        int[][] out = new int[count][];
        int[] order = permutation(r, n);
        int cursor = 0;
        for (int s = 0; s < out.length; s++) {
            if (cursor + b > n) {
                order = permutation(r, n);
                cursor = 0;
            }
            out[s] = Arrays.copyOfRange(order, cursor, cursor + b);
            cursor += b;
        }
        return out;
    }

    private void train(Params p, int[][] batches, boolean[] frozen, Progress progress) {
        Adam adam = new Adam();
        for (int[] rows : batches) {
            progress.checkCancelled();
            step(p, adam, rows, frozen);
        }
    }

    /** One Adam step of all repeats on the given rows; each repeat learns only from its own training rows. */
    private void step(Params p, Adam adam, int[] rows, boolean[] frozen) {
        int b = rows.length;
        float[] xb = new float[b * d];
        float[] yb = new float[b * t];
        for (int i = 0; i < b; i++) {
            System.arraycopy(x, rows[i] * d, xb, i * d, d);
            System.arraycopy(y, rows[i] * t, yb, i * t, t);
        }
        float[] z = new float[b * wide];
        Sgemm.ab(b, wide, d, xb, p.w1, z);
        float[] dz = new float[b * wide];
        Grads g = new Grads(this);
        float[] a = new float[b * h];
        float[] pred = new float[b * t];
        float[] da = new float[b * h];
        for (int r = 0; r < reps; r++) {
            int count = 0;
            for (int row : rows) {
                if (!heldOut[r][row]) {
                    count++;
                }
            }
            if (count == 0) {
                continue;
            }
            int off = r * h;
            hidden(z, b, p.b1, r, a);
            Sgemm.ab(b, t, h, a, p.w2[r], pred);
            float scale = 2f / (count * t);
            float[] b2 = p.b2[r];
            float[] gb2 = g.b2[r];
            for (int i = 0; i < b; i++) {
                boolean train = !heldOut[r][rows[i]];
                for (int j = 0; j < t; j++) {
                    int ij = i * t + j;
                    float e = train ? scale * (pred[ij] + b2[j] - yb[ij]) : 0f;
                    pred[ij] = e;
                    gb2[j] += e;
                }
            }
            Sgemm.atb(h, t, b, a, pred, g.w2[r]);
            Sgemm.abt(b, h, t, pred, p.w2[r], da);
            for (int i = 0; i < b; i++) {
                for (int k = 0; k < h; k++) {
                    float grad = a[i * h + k] > 0 ? da[i * h + k] : 0f;
                    dz[i * wide + off + k] = grad;
                    g.b1[off + k] += grad;
                }
            }
        }
        Sgemm.atb(d, wide, b, xb, dz, g.w1);
        for (int c = 0; c < d; c++) {
            if (frozen[c]) {
                Arrays.fill(g.w1, c * wide, (c + 1) * wide, 0f);
            }
        }
        adam.update(p, g);
    }

    /** Repeat r's hidden activations, ReLU(z[:, r·h …] + b1), for the first {@code rows} rows of z (R·h wide). */
    private void hidden(float[] z, int rows, float[] b1, int r, float[] out) {
        int off = r * h;
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < h; k++) {
                float v = z[i * wide + off + k] + b1[off + k];
                out[i * h + k] = v > 0 ? v : 0;
            }
        }
    }

    // ---- held-out loss ----

    private double[] heldOutLoss(Params p) {
        double[] sum = new double[reps];
        float[] z = new float[EVAL_CHUNK * wide];
        float[] a = new float[EVAL_CHUNK * h];
        float[] pred = new float[EVAL_CHUNK * t];
        for (int from = 0; from < n; from += EVAL_CHUNK) {
            int rows = Math.min(EVAL_CHUNK, n - from);
            float[] xc = Arrays.copyOfRange(x, from * d, (from + rows) * d);
            float[] zc = rows == EVAL_CHUNK ? z : new float[rows * wide];
            Sgemm.ab(rows, wide, d, xc, p.w1, zc);
            float[] ac = rows == EVAL_CHUNK ? a : new float[rows * h];
            float[] pc = rows == EVAL_CHUNK ? pred : new float[rows * t];
            for (int r = 0; r < reps; r++) {
                hidden(zc, rows, p.b1, r, ac);
                Sgemm.ab(rows, t, h, ac, p.w2[r], pc);
                float[] b2 = p.b2[r];
                for (int i = 0; i < rows; i++) {
                    if (!heldOut[r][from + i]) {
                        continue;
                    }
                    double s = 0;
                    int yo = (from + i) * t;
                    for (int j = 0; j < t; j++) {
                        double e = pc[i * t + j] + b2[j] - y[yo + j];
                        s += e * e;
                    }
                    sum[r] += s;
                }
            }
        }
        for (int r = 0; r < reps; r++) {
            sum[r] /= (double) heldOutCount[r] * t;
        }
        return sum;
    }

    private double meanPredictorLoss(int r) {
        double[] mean = new double[t];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!heldOut[r][i]) {
                count++;
                for (int j = 0; j < t; j++) {
                    mean[j] += y[i * t + j];
                }
            }
        }
        for (int j = 0; j < t; j++) {
            mean[j] /= count;
        }
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (heldOut[r][i]) {
                for (int j = 0; j < t; j++) {
                    double e = y[i * t + j] - mean[j];
                    s += e * e;
                }
            }
        }
        return s / ((double) heldOutCount[r] * t);
    }

    // ---- seeded streams ----

    private SplittableRandom random(int repeat, long salt) {
        long mixed = settings.seed() * 0x9E3779B97F4A7C15L + (repeat + 7) * 0xBF58476D1CE4E5B9L + salt * 0x94D049BB133111EBL;
        return new SplittableRandom(mixed);
    }

    private static int[] permutation(SplittableRandom r, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    // ---- parameters and Adam ----

    /** All repeats' weights: W1 d × (R·h) (repeat r in columns r·h ...), b1, and per repeat W2 h × t and b2. */
    private static final class Params {
        final float[] w1;
        final float[] b1;
        final float[][] w2;
        final float[][] b2;

        Params(float[] w1, float[] b1, float[][] w2, float[][] b2) {
            this.w1 = w1;
            this.b1 = b1;
            this.w2 = w2;
            this.b2 = b2;
        }

        static Params initial(ReconstructionSession s) {
            float[] w1 = new float[s.d * s.wide];
            float[][] w2 = new float[s.reps][s.h * s.t];
            float[][] b2 = new float[s.reps][s.t];
            double s1 = Math.sqrt(2.0 / Math.max(1, s.d));
            double s2 = Math.sqrt(1.0 / s.h);
            for (int r = 0; r < s.reps; r++) {
                SplittableRandom g = s.random(r, 41);
                for (int c = 0; c < s.d; c++) {
                    for (int k = 0; k < s.h; k++) {
                        w1[c * s.wide + r * s.h + k] = s.removedColumn[c] ? 0f : (float) (gaussian(g) * s1);
                    }
                }
                for (int i = 0; i < w2[r].length; i++) {
                    w2[r][i] = (float) (gaussian(g) * s2);
                }
            }
            return new Params(w1, new float[s.wide], w2, b2);
        }

        private static double gaussian(SplittableRandom g) {
            double u1 = 1 - g.nextDouble();
            double u2 = g.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }

        Params copy() {
            float[][] w2c = new float[w2.length][];
            float[][] b2c = new float[b2.length][];
            for (int r = 0; r < w2.length; r++) {
                w2c[r] = w2[r].clone();
                b2c[r] = b2[r].clone();
            }
            return new Params(w1.clone(), b1.clone(), w2c, b2c);
        }

        void copyRepeat(Params from, int r, ReconstructionSession s) {
            int off = r * s.h;
            for (int c = 0; c < s.d; c++) {
                System.arraycopy(from.w1, c * s.wide + off, w1, c * s.wide + off, s.h);
            }
            System.arraycopy(from.b1, off, b1, off, s.h);
            System.arraycopy(from.w2[r], 0, w2[r], 0, w2[r].length);
            System.arraycopy(from.b2[r], 0, b2[r], 0, b2[r].length);
        }

        void zeroRows(boolean[] columns) {
            int wide = b1.length;
            for (int c = 0; c < columns.length; c++) {
                if (columns[c]) {
                    Arrays.fill(w1, c * wide, (c + 1) * wide, 0f);
                }
            }
        }
    }

    private static final class Grads {
        final float[] w1;
        final float[] b1;
        final float[][] w2;
        final float[][] b2;

        Grads(ReconstructionSession s) {
            w1 = new float[s.d * s.wide];
            b1 = new float[s.wide];
            w2 = new float[s.reps][s.h * s.t];
            b2 = new float[s.reps][s.t];
        }
    }

    private final class Adam {
        private final float[] mw1 = new float[d * wide];
        private final float[] vw1 = new float[d * wide];
        private final float[] mb1 = new float[wide];
        private final float[] vb1 = new float[wide];
        private final float[][] mw2 = new float[reps][h * t];
        private final float[][] vw2 = new float[reps][h * t];
        private final float[][] mb2 = new float[reps][t];
        private final float[][] vb2 = new float[reps][t];
        private int steps;

        void update(Params p, Grads g) {
            steps++;
            double c1 = 1 - Math.pow(BETA1, steps);
            double c2 = 1 - Math.pow(BETA2, steps);
            float lr = (float) (settings.learningRate() * Math.sqrt(c2) / c1);
            apply(p.w1, g.w1, mw1, vw1, lr);
            apply(p.b1, g.b1, mb1, vb1, lr);
            for (int r = 0; r < reps; r++) {
                apply(p.w2[r], g.w2[r], mw2[r], vw2[r], lr);
                apply(p.b2[r], g.b2[r], mb2[r], vb2[r], lr);
            }
        }

        private void apply(float[] w, float[] g, float[] m, float[] v, float lr) {
            final float b1 = (float) BETA1;
            final float b2 = (float) BETA2;
            final float eps = (float) EPS;
            for (int i = 0; i < w.length; i++) {
                float gi = g[i];
                float mi = b1 * m[i] + (1 - b1) * gi;
                float vi = b2 * v[i] + (1 - b2) * gi * gi;
                m[i] = mi;
                v[i] = vi;
                w[i] -= lr * mi / ((float) Math.sqrt(vi) + eps);
            }
        }
    }
}
