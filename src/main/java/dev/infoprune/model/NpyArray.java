package dev.infoprune.model;

import dev.infoprune.core.BadInputException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes one NumPy {@code .npy} array into a float32 {@link Tensor}, trusting nothing in it: the header's dtype
 * decides the byte order ({@code <f4}, {@code >f8}, ...) and the element type (floats, signed and unsigned
 * integers, booleans); the declared shape must fit {@link #MAX_VALUES} and match the bytes that follow exactly;
 * Fortran-ordered arrays are put in C order; every value must be a finite float32.
 */
final class NpyArray {
    /** The most values one array may declare (a gigabyte of float32). */
    static final long MAX_VALUES = 1L << 28;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final Pattern TYPE = Pattern.compile("([<>|=]?)([fiub])(\\d+)");

    private NpyArray() {
    }

    /** @param where names the array in messages, e.g. {@code array fc1.weight} */
    static Tensor decode(byte[] npy, String source, String where) {
        if (npy.length < 10 || !Arrays.equals(Arrays.copyOf(npy, 6), MAGIC)) {
            throw bad(source, where, "is not a .npy array (no \\x93NUMPY magic)");
        }
        int major = npy[6] & 0xFF;
        int headerStart;
        long headerLength;
        if (major == 1) {
            headerLength = (npy[8] & 0xFF) | (npy[9] & 0xFF) << 8;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (npy.length < 12) {
                throw bad(source, where, "ends inside its header");
            }
            headerLength = ByteBuffer.wrap(npy, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            headerStart = 12;
        } else {
            throw bad(source, where, "has .npy format version " + major + " (InfoPrune reads versions 1 to 3)");
        }
        if (headerStart + headerLength > npy.length) {
            throw bad(source, where, "declares a " + headerLength + "-byte header but holds " + (npy.length - headerStart)
                    + " bytes after the magic");
        }
        String header = new String(npy, headerStart, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int dataStart = headerStart + (int) headerLength;

        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw bad(source, where, "has a malformed .npy header (needs 'descr', 'fortran_order' and 'shape'): "
                    + abbreviate(header.strip()));
        }
        Matcher t = TYPE.matcher(d.group(1));
        if (!t.matches()) {
            throw bad(source, where, "has dtype '" + abbreviate(d.group(1)) + "'; InfoPrune reads float, integer and bool "
                    + "arrays (e.g. '<f4', '>f8', '<i8')");
        }
        char kind = t.group(2).charAt(0);
        int itemSize = Integer.parseInt(t.group(3).length() > 2 ? "0" : t.group(3));
        boolean supported = switch (kind) {
            case 'f' -> itemSize == 4 || itemSize == 8;
            case 'i', 'u' -> itemSize == 1 || itemSize == 2 || itemSize == 4 || itemSize == 8;
            case 'b' -> itemSize == 1;
            default -> false;
        };
        if (!supported) {
            throw bad(source, where, "has dtype '" + d.group(1) + "'; InfoPrune reads float32/float64, integer and bool arrays");
        }
        ByteOrder order = t.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int[] shape = shape(s.group(1), source, where);
        long count = 1;
        for (int dim : shape) {
            count *= dim; // each dim <= MAX_VALUES, checked after every step: no overflow
            if (count > MAX_VALUES) {
                throw bad(source, where, "declares shape " + Arrays.toString(shape) + ", more than the " + MAX_VALUES
                        + " values InfoPrune reads in one array");
            }
        }
        long expected = count * itemSize;
        long held = npy.length - dataStart;
        if (held != expected) {
            throw bad(source, where, "declares shape " + Arrays.toString(shape) + " of '" + d.group(1) + "' (" + expected
                    + " bytes) but holds " + held + " bytes of data");
        }
        ByteBuffer data = ByteBuffer.wrap(npy, dataStart, (int) expected).slice().order(order);
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            double v = switch (kind) {
                case 'f' -> itemSize == 4 ? data.getFloat(i * 4) : data.getDouble(i * 8);
                case 'i' -> switch (itemSize) {
                    case 1 -> data.get(i);
                    case 2 -> data.getShort(i * 2);
                    case 4 -> data.getInt(i * 4);
                    default -> data.getLong(i * 8);
                };
                case 'u' -> switch (itemSize) {
                    case 1 -> data.get(i) & 0xFF;
                    case 2 -> data.getShort(i * 2) & 0xFFFF;
                    case 4 -> data.getInt(i * 4) & 0xFFFFFFFFL;
                    default -> unsigned(data.getLong(i * 8));
                };
                default -> data.get(i) != 0 ? 1 : 0;
            };
            float x = (float) v;
            if (!Float.isFinite(x)) {
                throw bad(source, where, Double.isFinite(v)
                        ? "holds " + v + " at index " + i + ", beyond the float32 range (weights must be finite float32 numbers)"
                        : "holds " + v + " at index " + i + " (weights must be finite numbers)");
            }
            values[i] = x;
        }
        if (f.group(1).equals("True") && shape.length > 1) {
            values = fortranToC(values, shape);
        }
        return new Tensor(shape, values);
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
    }

    private static int[] shape(String text, String source, String where) {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.endsWith("L")) {
                p = p.substring(0, p.length() - 1);
            }
            if (p.isEmpty()) {
                continue;
            }
            long v;
            try {
                v = Long.parseLong(p);
            } catch (NumberFormatException e) {
                throw bad(source, where, "has a malformed shape (" + abbreviate(text) + ")");
            }
            if (v < 0 || v > MAX_VALUES) {
                throw bad(source, where, "declares a dimension of " + v + " (at most " + MAX_VALUES + ")");
            }
            dims.add((int) v);
        }
        if (dims.size() > 8) {
            throw bad(source, where, "declares " + dims.size() + " dimensions (weights have at most 8)");
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Column-major values (first index fastest) in row-major order. */
    private static float[] fortranToC(float[] values, int[] shape) {
        float[] out = new float[values.length];
        int rank = shape.length;
        int[] index = new int[rank];
        for (int c = 0; c < out.length; c++) {
            int fIndex = 0;
            int stride = 1;
            for (int a = 0; a < rank; a++) {
                fIndex += index[a] * stride;
                stride *= shape[a];
            }
            out[c] = values[fIndex];
            for (int a = rank - 1; a >= 0; a--) {
                if (++index[a] < shape[a]) {
                    break;
                }
                index[a] = 0;
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static BadInputException bad(String source, String where, String problem) {
        return new BadInputException(source, where + " " + problem);
    }
}
