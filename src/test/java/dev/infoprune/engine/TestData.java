package dev.infoprune.engine;

import dev.infoprune.data.Dataset;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;

import java.util.Random;

/** Synthetic data sets for engine tests. */
final class TestData {
    private TestData() {
    }

    /** Gaussian inputs in the network's input shape with random labels. */
    static Dataset randomInputs(Network network, int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * network.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        int classes = network.outputSize();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return new Dataset("random", network.inputShape(), x, y, RandomNetworks.classes(classes));
    }

    /**
     * {@code classes} Gaussian blobs in {@code dims} dimensions, centres drawn with {@code seed}, unit noise
     * scaled by {@code spread}: learnable, but not trivially.
     */
    static Dataset blobs(int n, int dims, int classes, double spread, long seed) {
        Random r = new Random(seed);
        double[][] centres = new double[classes][dims];
        for (double[] c : centres) {
            for (int d = 0; d < dims; d++) {
                c[d] = r.nextGaussian() * 2 + 3;
            }
        }
        float[] x = new float[n * dims];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            for (int d = 0; d < dims; d++) {
                x[i * dims + d] = (float) (centres[y[i]][d] + spread * r.nextGaussian());
            }
        }
        return new Dataset("blobs", new int[] {dims}, x, y, RandomNetworks.classes(classes));
    }
}
