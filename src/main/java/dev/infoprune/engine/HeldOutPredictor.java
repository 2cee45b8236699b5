package dev.infoprune.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.util.Arrays;
import java.util.Random;

/**
 * The small predictor behind {@code info}'s loss-based estimate: a one-hidden-layer ReLU MLP trained with Adam on
 * seeded mini-batches of the training rows, then measured on the held-out rows.
 */
public final class HeldOutPredictor {
    private static final int BATCH = 512;

    private HeldOutPredictor() {
    }

    /** @param seed shuffles the training rows each epoch (with {@code seed + 1}, as the estimator always has) */
    public record Settings(int hidden, int epochs, double learningRate, long seed) {
    }

    /** What is predicted: class indices (cross-entropy) or {@code width} standardised values a row (squared error). */
    public record Targets(int[] classes, int classCount, float[] values, int width) {
        public boolean discrete() {
            return classes != null;
        }

        public int outputs() {
            return discrete() ? classCount : width;
        }
    }

    /**
     * @param heldOutLoss the mean cross-entropy, or the mean squared error of each output, on the held-out rows
     * @param weights     the trained w1, b1, w2, b2 (row-major), to start the next fit from
     */
    public record Fit(double[] heldOutLoss, float[][] weights) {
    }

    /**
     * Trains on the rows {@code order[0, train)} of {@code inputs} ({@code d} values a row) from {@code initial}
     * (w1 d×hidden, b1, w2 hidden×outputs, b2) and measures the rows {@code order[train, n)}.
     */
    public static Fit fit(Settings s, float[][] initial, double[] inputs, int d, Targets t, int[] order, int train) {
        int n = order.length;
        int out = t.outputs();
        try (NDManager manager = Engine.getEngine("PyTorch").newBaseManager(ComputeDevice.current().toDjl())) {
            NDArray w1 = manager.create(initial[0], new Shape(d, s.hidden()));
            NDArray b1 = manager.create(initial[1], new Shape(s.hidden()));
            NDArray w2 = manager.create(initial[2], new Shape(s.hidden(), out));
            NDArray b2 = manager.create(initial[3], new Shape(out));
            NDArray[] params = {w1, b1, w2, b2};
            for (NDArray p : params) {
                p.setRequiresGradient(true);
            }
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) s.learningRate())).build();
            Random shuffle = new Random(s.seed() + 1);
            int[] trainRows = Arrays.copyOf(order, train);
            for (int epoch = 0; epoch < s.epochs(); epoch++) {
                for (int i = train - 1; i > 0; i--) {
                    int j = shuffle.nextInt(i + 1);
                    int tmp = trainRows[i];
                    trainRows[i] = trainRows[j];
                    trainRows[j] = tmp;
                }
                for (int from = 0; from < train; from += BATCH) {
                    int count = Math.min(BATCH, train - from);
                    try (NDManager step = manager.newSubManager()) {
                        NDArray xb = step.create(rows(inputs, d, trainRows, from, count), new Shape(count, d));
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
            float[][] trained = {w1.toFloatArray(), b1.toFloatArray(), w2.toFloatArray(), b2.toFloatArray()};
            return new Fit(heldOutLoss(manager, params, inputs, d, t, order, train), trained);
        }
    }

    private static double[] heldOutLoss(NDManager manager, NDArray[] params, double[] inputs, int d, Targets t,
                                        int[] order, int train) {
        int test = order.length - train;
        int out = t.outputs();
        try (NDManager eval = manager.newSubManager()) {
            NDArray xt = eval.create(rows(inputs, d, order, train, test), new Shape(test, d));
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

    private static NDArray forward(NDArray x, NDArray[] p) {
        return x.matMul(p[0]).add(p[1]).maximum(0f).matMul(p[2]).add(p[3]);
    }

    /** Per-sample loss: cross-entropy for classes, squared error summed over outputs otherwise. */
    private static NDArray loss(NDManager m, NDArray out, Targets t, int[] rows, int from, int count) {
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
}
