package dev.infoprune.data;

import dev.infoprune.core.Matrix;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.Tensor;

import java.util.Arrays;
import java.util.List;

/**
 * Labelled samples: features row-major ({@code size × inputSize} floats, each row one input flattened in
 * {@code inputShape}), integer labels {@code 0..classes-1} and the class names. Immutable.
 */
public final class Dataset {
    /** The most classes a data set may have: a label beyond it is a mistake (or an attack), not a class. */
    public static final int MAX_CLASSES = 1 << 16;

    private final String name;
    private final int[] inputShape;
    private final float[] features;
    private final int[] labels;
    private final List<String> classes;

    public Dataset(String name, int[] inputShape, float[] features, int[] labels, List<String> classes) {
        this.name = name;
        this.inputShape = inputShape.clone();
        this.features = features;
        this.labels = labels;
        this.classes = List.copyOf(classes);
        int inputSize = (int) Tensor.sizeOf(inputShape);
        if ((long) labels.length * inputSize != features.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels but " + features.length
                    + " feature values for inputs of size " + inputSize);
        }
        for (int label : labels) {
            if (label < 0 || label >= classes.size()) {
                throw new IllegalArgumentException(name + ": label " + label + " outside 0.." + (classes.size() - 1));
            }
        }
    }

    public String name() {
        return name;
    }

    public int[] inputShape() {
        return inputShape.clone();
    }

    public int inputSize() {
        return (int) Tensor.sizeOf(inputShape);
    }

    public int size() {
        return labels.length;
    }

    public int classCount() {
        return classes.size();
    }

    public List<String> classes() {
        return classes;
    }

    /** The backing row-major feature array. Never modify it. */
    public float[] features() {
        return features;
    }

    /** The backing label array. Never modify it. */
    public int[] labels() {
        return labels;
    }

    public int label(int i) {
        return labels[i];
    }

    public float[] row(int i) {
        int n = inputSize();
        return Arrays.copyOfRange(features, i * n, (i + 1) * n);
    }

    public Dataset subset(int[] indices) {
        return subset(name, indices);
    }

    public Dataset subset(String newName, int[] indices) {
        int n = inputSize();
        float[] f = new float[indices.length * n];
        int[] l = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * n, f, i * n, n);
            l[i] = labels[indices[i]];
        }
        return new Dataset(newName, inputShape, f, l, classes);
    }

    /** The first {@code count} samples (or all, when there are fewer). */
    public Dataset head(int count) {
        return subset(java.util.stream.IntStream.range(0, Math.min(count, size())).toArray());
    }

    /** A copy with the normalisation applied to every input. */
    public Dataset normalized(Normalization normalization) {
        if (normalization.isIdentity()) {
            return this;
        }
        float[] f = features.clone();
        int n = inputSize();
        for (int i = 0; i < size(); i++) {
            normalization.applyInPlace(f, i * n, n);
        }
        return new Dataset(name, inputShape, f, labels, classes);
    }

    public Dataset withInputShape(int[] shape) {
        return new Dataset(name, shape, features, labels, classes);
    }

    public Matrix featureMatrix() {
        return Matrix.fromFloats(size(), inputSize(), features);
    }

    public Matrix labelColumn() {
        return Matrix.ofLabels(labels);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + size() + " x " + Arrays.toString(inputShape) + ", " + classes.size() + " classes]";
    }
}
