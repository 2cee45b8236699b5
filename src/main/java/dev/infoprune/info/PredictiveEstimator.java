package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import dev.infoprune.engine.HeldOutPredictor;
import dev.infoprune.engine.HeldOutPredictor.Targets;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loss-based estimate used by MIPP (Covert, Lundberg, Lee 2020; Gadgil et al. 2024):
 * I(X;Y) ≈ E[loss predicting Y without X] − E[loss predicting Y with X], and I(X;Y|Z) the same with Z given to
 * both predictors. The predictor is a one-hidden-layer ReLU MLP ({@link HeldOutPredictor}) trained with Adam
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
        return new Estimate(gain(null, x, continuous(y)), spec);
    }

    @Override
    public Estimate conditionalMutualInformation(Matrix x, Matrix y, Matrix z) {
        Samples.check(x, y, z);
        return new Estimate(gain(z, x, continuous(y)), spec);
    }

    @Override
    public Estimate mutualInformationWithLabels(Matrix x, int[] labels) {
        Samples.checkLabels(x, labels);
        return new Estimate(gain(null, x, labels(Samples.denseLabels(labels))), spec);
    }

    @Override
    public Estimate conditionalMutualInformationWithLabels(Matrix x, int[] labels, Matrix z) {
        Samples.checkLabels(x, labels);
        Samples.check("Z", z);
        Samples.sameRows("Z", z, x.rows());
        return new Estimate(gain(z, x, labels(Samples.denseLabels(labels))), spec);
    }

    private static Targets labels(int[] dense) {
        return new Targets(dense, Math.max(2, Samples.classCount(dense)), null, 0);
    }

    private static Targets continuous(Matrix y) {
        double[] z = Correlations.standardized(y);
        float[] f = new float[z.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) z[i];
        }
        return new Targets(null, 0, f, y.cols());
    }

    /** loss(Y | given) − loss(Y | given, x) on held-out samples; {@code given} may be null. */
    private double gain(Matrix given, Matrix x, Targets t) {
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
    private static double[] baselineLoss(Targets t, int[] order, int train) {
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
    private double[] heldOutLoss(Matrix inputs, Targets t, int[] order, int train) {
        int d = inputs.cols();
        int out = t.outputs();
        String key = d + ":" + out + ":" + t.discrete();
        float[][] init = warmStart ? warm.get(key) : null;
        if (init == null) {
            init = initialWeights(d, out);
        }
        HeldOutPredictor.Fit fit = HeldOutPredictor.fit(new HeldOutPredictor.Settings(hidden, epochs, learningRate, seed),
                init, Correlations.standardized(inputs), d, t, order, train);
        if (warmStart) {
            warm.put(key, fit.weights());
        }
        return fit.heldOutLoss();
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
