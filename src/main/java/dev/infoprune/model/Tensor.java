package dev.infoprune.model;

import java.util.Arrays;

/** An immutable float32 array with a shape, as weights are stored (PyTorch layouts). */
public final class Tensor {
    private final int[] shape;
    private final float[] data;

    public Tensor(int[] shape, float[] data) {
        long size = sizeOf(shape);
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size + " values, got " + data.length);
        }
        this.shape = shape.clone();
        this.data = data;
    }

    public static Tensor zeros(int... shape) {
        return new Tensor(shape, new float[(int) sizeOf(shape)]);
    }

    public static Tensor filled(float value, int... shape) {
        float[] d = new float[(int) sizeOf(shape)];
        Arrays.fill(d, value);
        return new Tensor(shape, d);
    }

    /** The number of values of a shape; {@code Long.MAX_VALUE} when the product does not fit a long. */
    public static long sizeOf(int[] shape) {
        long s = 1;
        for (int d : shape) {
            if (d != 0 && s > Long.MAX_VALUE / Math.abs((long) d)) {
                return Long.MAX_VALUE;
            }
            s *= d;
        }
        return s;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int dim(int i) {
        return shape[i];
    }

    public int rank() {
        return shape.length;
    }

    public int size() {
        return data.length;
    }

    /** The backing array. Never modify it; use {@link #copyData()} to change values. */
    public float[] data() {
        return data;
    }

    public float[] copyData() {
        return data.clone();
    }

    /** Size of one slice along the first axis (e.g. the incoming weights of one output node). */
    public int sliceSize() {
        return shape.length == 0 || shape[0] == 0 ? 0 : data.length / shape[0];
    }

    /** The slices along the first axis whose indices are given, in that order (rows of a dense weight, conv filters). */
    public Tensor selectFirstAxis(int[] indices) {
        int slice = sliceSize();
        float[] out = new float[indices.length * slice];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data, indices[i] * slice, out, i * slice, slice);
        }
        int[] s = shape.clone();
        s[0] = indices.length;
        return new Tensor(s, out);
    }

    /**
     * Keeps, along the second axis, the given indices (columns of a dense weight, input channels of a conv
     * weight). {@code group} consecutive entries belong to one index (a flattened conv filter owns h*w inputs).
     */
    public Tensor selectSecondAxis(int[] indices, int group) {
        int outer = shape[0];
        int inner = 1;
        for (int i = 2; i < shape.length; i++) {
            inner *= shape[i];
        }
        int oldSecond = shape[1];
        int block = group * inner;
        int newSecond = indices.length * group;
        float[] out = new float[outer * newSecond * inner];
        for (int o = 0; o < outer; o++) {
            int src = o * oldSecond * inner;
            int dst = o * newSecond * inner;
            for (int k = 0; k < indices.length; k++) {
                System.arraycopy(data, src + indices[k] * block, out, dst + k * block, block);
            }
        }
        int[] s = shape.clone();
        s[1] = newSecond;
        return new Tensor(s, out);
    }

    /** The L1 norm of slice {@code index} along the first axis. */
    public double sliceL1(int index) {
        int slice = sliceSize();
        double sum = 0;
        for (int i = index * slice; i < (index + 1) * slice; i++) {
            sum += Math.abs(data[i]);
        }
        return sum;
    }

    /** The L2 norm of slice {@code index} along the first axis. */
    public double sliceL2(int index) {
        int slice = sliceSize();
        double sum = 0;
        for (int i = index * slice; i < (index + 1) * slice; i++) {
            sum += (double) data[i] * data[i];
        }
        return Math.sqrt(sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(t.shape, shape) && Arrays.equals(t.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
