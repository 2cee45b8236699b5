package dev.infoprune.model;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds .npz archives byte by byte, with any dtype, byte order and (even lying) header, for reader tests. */
public final class NpzFiles {
    private NpzFiles() {
    }

    /** A .npy entry: version 1 header, {@code descr} as given, then {@code data} as it is. */
    public static byte[] npy(String descr, boolean fortran, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': " + shape + ", }";
        int pad = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(pad % 64) + "\n";
        ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.putShort((short) header.length());
        b.put(header.getBytes(StandardCharsets.ISO_8859_1));
        b.put(data);
        return b.array();
    }

    /** A float tensor as a .npy entry of '<f4', '>f4', '<f8' or '>f8'. */
    public static byte[] npy(Tensor t, String descr) {
        boolean big = descr.startsWith(">");
        int width = descr.endsWith("8") ? 8 : 4;
        ByteBuffer b = ByteBuffer.allocate(t.size() * width).order(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (float v : t.data()) {
            if (width == 4) {
                b.putFloat(v);
            } else {
                b.putDouble(v);
            }
        }
        return npy(descr, false, shape(t.shape()), b.array());
    }

    public static String shape(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /** A zip of {@code name.npy} entries, stored or deflated. */
    public static byte[] zip(Map<String, byte[]> npyByName, boolean deflate) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(deflate ? 6 : 0);
            for (Map.Entry<String, byte[]> e : npyByName.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Every weight in the given byte order and width, as NumPy writes {@code v.astype('>f4')}. */
    public static byte[] weights(Map<String, Tensor> weights, String descr) throws IOException {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        weights.forEach((k, v) -> entries.put(k, npy(v, descr)));
        return zip(entries, false);
    }

    /** A big-endian float32 value, as bytes. */
    public static byte[] floats(ByteOrder order, float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(order);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }
}
