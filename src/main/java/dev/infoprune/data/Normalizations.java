package dev.infoprune.data;

import dev.infoprune.model.Normalization;

/**
 * Fits the input normalisation on a training split: one mean and standard deviation over every value for
 * image inputs (rank 2 or more, e.g. [1, 28, 28]), one per feature for tabular inputs. A feature that never
 * varies (standard deviation below 1e-6, such as a digits pixel that is always 0) gets standard deviation 1,
 * so it is only centred.
 */
public final class Normalizations {
    static final double MIN_STD = 1e-6;

    private Normalizations() {
    }

    public static Normalization fit(Dataset train) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("cannot fit a normalisation on an empty data set");
        }
        return train.inputShape().length >= 2 ? global(train) : perFeature(train);
    }

    private static Normalization global(Dataset train) {
        float[] x = train.features();
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        double mean = sum / x.length;
        double squares = 0;
        for (float v : x) {
            double d = v - mean;
            squares += d * d;
        }
        return new Normalization(new float[] {(float) mean}, new float[] {guard(Math.sqrt(squares / x.length))});
    }

    private static Normalization perFeature(Dataset train) {
        int n = train.size();
        int d = train.inputSize();
        float[] x = train.features();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                mean[j] += x[i * d + j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[] squares = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double dev = x[i * d + j] - mean[j];
                squares[j] += dev * dev;
            }
        }
        float[] m = new float[d];
        float[] s = new float[d];
        for (int j = 0; j < d; j++) {
            m[j] = (float) mean[j];
            s[j] = guard(Math.sqrt(squares[j] / n));
        }
        return new Normalization(m, s);
    }

    private static float guard(double std) {
        return std < MIN_STD || !Double.isFinite(std) ? 1f : (float) std;
    }
}
