package dev.infoprune.model.onnx;

import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.infoprune.model.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Conversions between ONNX {@code TensorProto}s and the model's float tensors and int64 vectors. */
final class OnnxTensors {
    private OnnxTensors() {
    }

    static int[] dims(TensorProto t) {
        int[] d = new int[t.getDimsCount()];
        for (int i = 0; i < d.length; i++) {
            long v = t.getDims(i);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new OnnxProblem("tensor " + t.getName() + " has an invalid dimension " + v);
            }
            d[i] = (int) v;
        }
        return d;
    }

    /** The most values one initializer may declare (a gigabyte of float32). */
    static final long MAX_VALUES = 1L << 28;

    /** The number of values the dims declare, refused above {@link #MAX_VALUES} (checked before any allocation). */
    static int count(TensorProto t) {
        int[] dims = dims(t);
        long n = 1;
        for (int d : dims) {
            n *= d; // d < 2^31 and n <= MAX_VALUES before: no overflow
            if (n > MAX_VALUES) {
                throw new OnnxProblem("tensor " + t.getName() + " declares shape " + Arrays.toString(dims) + ", more than the "
                        + MAX_VALUES + " values InfoPrune reads in one tensor");
            }
        }
        return (int) n;
    }

    /** The values of a floating-point tensor as float32, in its own shape; every value must be finite. */
    static Tensor toTensor(TensorProto t) {
        Tensor tensor = decode(t);
        float[] v = tensor.data();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new OnnxProblem("tensor " + t.getName() + " holds " + v[i] + " at index " + i
                        + " (weights must be finite float32 numbers)");
            }
        }
        return tensor;
    }

    private static Tensor decode(TensorProto t) {
        checkInline(t);
        int[] dims = dims(t);
        int n = count(t);
        int type = t.getDataType();
        if (type == TensorProto.DataType.FLOAT_VALUE || type == TensorProto.DataType.DOUBLE_VALUE) {
            int width = type == TensorProto.DataType.FLOAT_VALUE ? 4 : 8;
            if (t.hasRawData()) {
                requireBytes(t, (long) n * width);
            } else {
                requireCount(t, width == 4 ? t.getFloatDataCount() : t.getDoubleDataCount(), n);
            }
        }
        float[] out = new float[n];
        if (type == TensorProto.DataType.FLOAT_VALUE) {
            if (t.hasRawData()) {
                requireBytes(t, (long) n * 4);
                t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
            } else {
                requireCount(t, t.getFloatDataCount(), n);
                for (int i = 0; i < n; i++) {
                    out[i] = t.getFloatData(i);
                }
            }
        } else if (type == TensorProto.DataType.DOUBLE_VALUE) {
            if (t.hasRawData()) {
                requireBytes(t, (long) n * 8);
                var buf = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
                for (int i = 0; i < n; i++) {
                    out[i] = (float) buf.get(i);
                }
            } else {
                requireCount(t, t.getDoubleDataCount(), n);
                for (int i = 0; i < n; i++) {
                    out[i] = (float) t.getDoubleData(i);
                }
            }
        } else {
            throw new OnnxProblem("tensor " + t.getName() + " holds " + typeName(type)
                    + " values; weights must be FLOAT or DOUBLE");
        }
        return new Tensor(dims, out);
    }

    /** The values of an integer tensor (shapes, axes, indices), flattened. */
    static long[] toLongs(TensorProto t) {
        checkInline(t);
        int n = count(t);
        if (n > 1 << 16) {
            throw new OnnxProblem("tensor " + t.getName() + " holds " + n + " integers where a short list (a shape, axes) is expected");
        }
        long[] out = new long[n];
        int type = t.getDataType();
        if (type == TensorProto.DataType.INT64_VALUE) {
            if (t.hasRawData()) {
                requireBytes(t, (long) n * 8);
                t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
            } else {
                requireCount(t, t.getInt64DataCount(), n);
                for (int i = 0; i < n; i++) {
                    out[i] = t.getInt64Data(i);
                }
            }
        } else if (type == TensorProto.DataType.INT32_VALUE) {
            if (t.hasRawData()) {
                requireBytes(t, (long) n * 4);
                var buf = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
                for (int i = 0; i < n; i++) {
                    out[i] = buf.get(i);
                }
            } else {
                requireCount(t, t.getInt32DataCount(), n);
                for (int i = 0; i < n; i++) {
                    out[i] = t.getInt32Data(i);
                }
            }
        } else if (type == TensorProto.DataType.FLOAT_VALUE || type == TensorProto.DataType.DOUBLE_VALUE) {
            float[] f = toTensor(t).data();
            for (int i = 0; i < n; i++) {
                out[i] = (long) f[i];
            }
        } else {
            throw new OnnxProblem("tensor " + t.getName() + " holds " + typeName(type) + " values where integers are expected");
        }
        return out;
    }

    static TensorProto floats(String name, Tensor t) {
        ByteBuffer buf = ByteBuffer.allocate(t.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(t.data());
        TensorProto.Builder b = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(buf.array()));
        for (int d : t.shape()) {
            b.addDims(d);
        }
        return b.build();
    }

    static TensorProto scalar(String name, float value) {
        return floats(name, new Tensor(new int[0], new float[] {value}));
    }

    private static void checkInline(TensorProto t) {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            throw new OnnxProblem("tensor " + t.getName() + " is stored in an external data file, which is not supported"
                    + " (re-export the model as a single file)");
        }
    }

    private static void requireBytes(TensorProto t, long expected) {
        if (t.getRawData().size() != expected) {
            throw new OnnxProblem("tensor " + t.getName() + " of shape " + Arrays.toString(dims(t)) + " has "
                    + t.getRawData().size() + " bytes of data, expected " + expected);
        }
    }

    private static void requireCount(TensorProto t, int count, int expected) {
        if (count != expected) {
            throw new OnnxProblem("tensor " + t.getName() + " of shape " + Arrays.toString(dims(t)) + " has "
                    + count + " values, expected " + expected);
        }
    }

    static String typeName(int type) {
        TensorProto.DataType dt = TensorProto.DataType.forNumber(type);
        return dt == null ? "type " + type : dt.name();
    }
}
