package dev.infoprune.info;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.infoprune.core.Matrix;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loss-based estimate used by MIPP (Covert, Lundberg, Lee 2020; Gadgil et al. 2024):
 * I(X;Y) ≈ E[loss predicting Y without X] − E[loss predicting Y with X], and I(X;Y|Z) the same with Z given to
 * both predictors. The predictor is a one-hidden-layer ReLU MLP trained through DJL (PyTorch engine) with Adam
 * on a seeded split; losses are measured on the held-out part. For labels the loss is cross-entropy (so the
 * difference is in nats; "without anything" is the class frequencies of the training part). For continuous
 * Y (standardised) the loss is the Gaussian log-likelihood of the residuals per output, so the difference is
 * ½ Σ_j log(MSE_j without / MSE_j with), in nats, exact for linear-Gaussian data with a perfect fit. It is
 * a lower bound up to estimation error (the predictor may be imperfect) and can be slightly negative. With
 * warm start, a model trained for the same input width, output and task starts from the last one's weights
 * (deterministic for a given sequence of calls; off by default). There is no entropy.
 */
public final class PredictiveEstimator implements InformationEstimator {
    public static final String NAME = "predictive";
    public static final int DEFAULT_HIDDEN = 32;
    public static final int DEFAULT_EPOCHS = 40;
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    public static final double DEFAULT_HOLDOUT = 0.3;
    private static final int BATCH = 512;

    private final int hidden;
    private final int epochs;
    private final double learningRate;
    private final double holdout;
    private final long seed;
    private final boolean warmStart;
    private final EstimatorSpec spec;
    private final Map<String, float[][]> warm = new ConcurrentHashMap<>();

    public PredictiveEstimator() {
        this(DEFAULT_HIDDEN, DEFAULT_EPOCHS, DEFAULT_LEARNING_RATE, DEFAULT_HOLDOUT, 0);
    }

    public PredictiveEstimator(int hidden, int epochs, double learningRate, double holdout, long seed) {
        this(hidden, epochs, learningRate, holdout, seed, false);
    }

    public PredictiveEstimator(int hidden, int epochs, double learningRate, double holdout, long seed, boolean warmStart) {
        if (hidden < 1 || epochs < 1) {
            throw new IllegalArgumentException("hidden and epochs must be at least 1");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        if (!(holdout > 0 && holdout < 1)) {
            throw new IllegalArgumentException("holdout must be a fraction between 0 and 1, got " + holdout);
        }
        this.hidden = hidden;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.holdout = holdout;
        this.seed = seed;
        this.warmStart = warmStart;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hidden", hidden);
        p.put("epochs", epochs);
        p.put("learningRate", learningRate);
        p.put("holdout", holdout);
        p.put("seed", seed);
        p.put("warmStart", warmStart);
        this.spec = new EstimatorSpec(NAME, p);
    }

    /** The same estimator with warm starting switched on (a fresh, empty weight cache). */
    public PredictiveEstimator withWarmStart() {
        return new PredictiveEstimator(hidden, epochs, learningRate, holdout, seed, true);
    }

    @Override
    public EstimatorSpec spec() {
        return spec;
    }

    @Override
    public Estimate entropy(Matrix x) {
        throw new UnsupportedOperationException("the predictive estimate measures information about a target; it has no entropy");
    }

    @Override
    public Estimate mutualInformation(Matrix x, Matrix y) {
        Samples.check(x, y);
        return new Estimate(gain(null, x, Target.continuous(y)), spec);
    }

    @Override
    public Estimate conditionalMutualInformation(Matrix x, Matrix y, Matrix z) {
        Samples.check(x, y, z);
        return new Estimate(gain(z, x, Target.continuous(y)), spec);
    }

    @Override
    public Estimate mutualInformationWithLabels(Matrix x, int[] labels) {
        Samples.checkLabels(x, labels);
        return new Estimate(gain(null, x, Target.labels(Samples.denseLabels(labels))), spec);
    }

    @Override
    public Estimate conditionalMutualInformationWithLabels(Matrix x, int[] labels, Matrix z) {
        Samples.checkLabels(x, labels);
        Samples.check("Z", z);
        Samples.sameRows("Z", z, x.rows());
        return new Estimate(gain(z, x, Target.labels(Samples.denseLabels(labels))), spec);
    }

    /** What a predictor needs to know about Y: classes or standardised continuous outputs. */
    private record Target(int[] classes, int classCount, float[] values, int width) {
        static Target labels(int[] dense) {
            return new Target(dense, Math.max(2, Samples.classCount(dense)), null, 0);
        }

        static Target continuous(Matrix y) {
            double[] z = Correlations.standardized(y);
            float[] f = new float[z.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) z[i];
            }
            return new Target(null, 0, f, y.cols());
        }

        boolean discrete() {
            return classes != null;
        }

        int outputs() {
            return discrete() ? classCount : width;
        }
    }

    /** loss(Y | given) − loss(Y | given, x) on held-out samples; {@code given} may be null. */
    private double gain(Matrix given, Matrix x, Target t) {
        int n = x.rows();
        int[] order = shuffled(n);
        int test = Math.max(1, (int) Math.round(n * holdout));
        int train = n - test;
        if (train < 2) {
            throw new dev.infoprune.core.BadInputException("X", "the predictive estimate needs at least 4 samples, got " + n);
        }
        double[] with = heldOutLoss(given == null ? x : given.appendColumns(x), t, order, train);
        double[] without = given == null ? baselineLoss(t, order, train) : heldOutLoss(given, t, order, train);
        if (t.discrete()) {
            return without[0] - with[0];
        }
        double s = 0;
        for (int j = 0; j < t.width(); j++) {
            s += 0.5 * Math.log(Math.max(without[j], 1e-12) / Math.max(with[j], 1e-12));
        }
        return s;
    }

    private int[] shuffled(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    /** The loss of the best constant predictor fitted on the training part: class frequencies, or the mean. */
    private static double[] baselineLoss(Target t, int[] order, int train) {
        int n = order.length;
        if (t.discrete()) {
            double[] freq = new double[t.classCount()];
            for (int i = 0; i < train; i++) {
                freq[t.classes()[order[i]]]++;
            }
            double ce = 0;
            for (int i = train; i < n; i++) {
                ce -= Math.log((freq[t.classes()[order[i]]] + 1) / (train + t.classCount()));
            }
            return new double[] {ce / (n - train)};
        }
        int w = t.width();
        double[] mean = new double[w];
        for (int i = 0; i < train; i++) {
            for (int j = 0; j < w; j++) {
                mean[j] += t.values()[order[i] * w + j] / train;
            }
        }
        double[] mse = new double[w];
        for (int i = train; i < n; i++) {
            for (int j = 0; j < w; j++) {
                double e = t.values()[order[i] * w + j] - mean[j];
                mse[j] += e * e / (n - train);
            }
        }
        return mse;
    }

    /** Trains the MLP on order[0, train) and returns its held-out loss (cross-entropy, or MSE per output). */
    private double[] heldOutLoss(Matrix inputs, Target t, int[] order, int train) {
        int n = order.length;
        int d = inputs.cols();
        int out = t.outputs();
        double[] z = Correlations.standardized(inputs);
        String key = d + ":" + out + ":" + t.discrete();
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager()) {
            float[][] init = warmStart ? warm.get(key) : null;
            if (init == null) {
                init = initialWeights(d, out);
            }
            NDArray w1 = manager.create(init[0], new Shape(d, hidden));
            NDArray b1 = manager.create(init[1], new Shape(hidden));
            NDArray w2 = manager.create(init[2], new Shape(hidden, out));
            NDArray b2 = manager.create(init[3], new Shape(out));
            NDArray[] params = {w1, b1, w2, b2};
            for (NDArray p : params) {
                p.setRequiresGradient(true);
            }
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) learningRate)).build();
            Random shuffle = new Random(seed + 1);
            int[] trainRows = java.util.Arrays.copyOf(order, train);
            for (int epoch = 0; epoch < epochs; epoch++) {
                for (int i = train - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int tmp = trainRows[i];
                    trainRows[i] = trainRows[j];
                    trainRows[j] = tmp;
                }
                for (int from = 0; from < train; from += BATCH) {
                    int count = Math.min(BATCH, train - from);
                    try (NDManager step = manager.newSubManager()) {
                        NDArray xb = step.create(rows(z, d, trainRows, from, count), new Shape(count, d));
                        try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
                            NDArray loss = loss(step, forward(xb, params), t, trainRows, from, count).mean();
                            gc.backward(loss);
                        }
                        for (int p = 0; p < params.length; p++) {
                            NDArray g = params[p].getGradient();
                            adam.update("p" + p, params[p], g);
                            g.subi(g);
                        }
                    }
                }
            }
            if (warmStart) {
                warm.put(key, new float[][] {w1.toFloatArray(), b1.toFloatArray(), w2.toFloatArray(), b2.toFloatArray()});
            }
            int test = n - train;
            try (NDManager eval = manager.newSubManager()) {
                NDArray xt = eval.create(rows(z, d, order, train, test), new Shape(test, d));
                NDArray pred = forward(xt, params);
                if (t.discrete()) {
                    return new double[] {loss(eval, pred, t, order, train, test).mean().getFloat()};
                }
                float[] p = pred.toFloatArray();
                double[] mse = new double[out];
                for (int i = 0; i < test; i++) {
                    for (int j = 0; j < out; j++) {
                        double e = t.values()[order[train + i] * out + j] - p[i * out + j];
                        mse[j] += e * e / test;
                    }
                }
                return mse;
            }
        }
    }

    private static NDArray forward(NDArray x, NDArray[] p) {
        return x.matMul(p[0]).add(p[1]).maximum(0f).matMul(p[2]).add(p[3]);
    }

    /** Per-sample loss: cross-entropy for classes, squared error summed over outputs otherwise. */
    private static NDArray loss(NDManager m, NDArray out, Target t, int[] rows, int from, int count) {
        if (t.discrete()) {
            long[] labels = new long[count];
            for (int i = 0; i < count; i++) {
                labels[i] = t.classes()[rows[from + i]];
            }
            NDArray oneHot = m.create(labels).oneHot(t.classCount());
            return out.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
        }
        int w = t.width();
        float[] y = new float[count * w];
        for (int i = 0; i < count; i++) {
            System.arraycopy(t.values(), rows[from + i] * w, y, i * w, w);
        }
        NDArray target = m.create(y, new Shape(count, w));
        return out.sub(target).square().sum(new int[] {1});
    }

    private static float[] rows(double[] z, int d, int[] order, int from, int count) {
        float[] out = new float[count * d];
        for (int i = 0; i < count; i++) {
            int r = order[from + i];
            for (int j = 0; j < d; j++) {
                out[i * d + j] = (float) z[r * d + j];
            }
        }
        return out;
    }

    private float[][] initialWeights(int d, int out) {
        Random r = new Random(seed * 31 + d * 7L + out);
        float[] w1 = new float[d * hidden];
        float[] w2 = new float[hidden * out];
        double s1 = Math.sqrt(2.0 / d);
        double s2 = Math.sqrt(1.0 / hidden);
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (float) (r.nextGaussian() * s1);
        }
        for (int i = 0; i < w2.length; i++) {
            w2[i] = (float) (r.nextGaussian() * s2);
        }
        return new float[][] {w1, new float[hidden], w2, new float[out]};
    }
}
