package dev.infoprune.data;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Small generated data sets for teaching, each a pure function of its parameters and seed. Features are
 * two-dimensional points (blobs may add pure-noise dimensions), so the classes can be plotted.
 */
public final class SyntheticDatasets {
    private SyntheticDatasets() {
    }

    /**
     * Gaussian blobs: {@code n} points, {@code classes} balanced clusters whose centres lie on a circle of
     * radius 4 in the first two dimensions; each point is its centre plus N(0, spread²) noise in every one of
     * the {@code dims} dimensions (dimensions beyond the second carry no class information).
     */
    public static Dataset blobs(String name, long seed, int n, int classes, int dims, double spread) {
        Random random = new Random(seed);
        float[] features = new float[n * dims];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            labels[i] = c;
            double angle = 2 * Math.PI * c / classes;
            for (int d = 0; d < dims; d++) {
                double centre = d == 0 ? 4 * Math.cos(angle) : d == 1 ? 4 * Math.sin(angle) : 0;
                features[i * dims + d] = (float) (centre + spread * random.nextGaussian());
            }
        }
        return new Dataset(name, new int[] {dims}, features, labels,
                IntStream.range(0, classes).mapToObj(c -> "blob" + c).toList());
    }

    /**
     * XOR: {@code n} points uniform in the square [-1, 1]², class "same-sign" when x·y > 0 and
     * "opposite-sign" otherwise, then moved by N(0, noise²) on each axis (so noise blurs the boundary).
     */
    public static Dataset xor(String name, long seed, int n, double noise) {
        Random random = new Random(seed);
        float[] features = new float[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double x = 2 * random.nextDouble() - 1;
            double y = 2 * random.nextDouble() - 1;
            labels[i] = x * y > 0 ? 0 : 1;
            features[2 * i] = (float) (x + noise * random.nextGaussian());
            features[2 * i + 1] = (float) (y + noise * random.nextGaussian());
        }
        return new Dataset(name, new int[] {2}, features, labels, List.of("same-sign", "opposite-sign"));
    }

    /**
     * Two concentric circles: {@code n} points, half on a circle of radius 0.5 ("inner") and half on one of
     * radius 1 ("outer"), at uniform angles, moved by N(0, noise²) on each axis.
     */
    public static Dataset circles(String name, long seed, int n, double noise) {
        Random random = new Random(seed);
        float[] features = new float[n * 2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            double radius = c == 0 ? 0.5 : 1.0;
            double angle = 2 * Math.PI * random.nextDouble();
            labels[i] = c;
            features[2 * i] = (float) (radius * Math.cos(angle) + noise * random.nextGaussian());
            features[2 * i + 1] = (float) (radius * Math.sin(angle) + noise * random.nextGaussian());
        }
        return new Dataset(name, new int[] {2}, features, labels, List.of("inner", "outer"));
    }
}
