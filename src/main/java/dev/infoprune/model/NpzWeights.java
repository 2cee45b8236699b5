package dev.infoprune.model;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Reading;
import dev.infoprune.core.BoundedReads;
import dev.infoprune.core.ZipArchive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Reads NumPy {@code .npz} archives of named arrays as float32, and writes them (one little-endian {@code <f4} .npy entry per array). */
public final class NpzWeights {
    private NpzWeights() {
    }

    /** The largest archive InfoPrune reads (and the most one entry may declare). */
    public static final long MAX_BYTES = 1L << 30;

    private static final byte[] MAGIC_AND_VERSION = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    public static Map<String, Tensor> read(Path file) {
        return Reading.of(file, () -> readUnguarded(file));
    }

    private static Map<String, Tensor> readUnguarded(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "file not found");
        }
        return read(BoundedReads.readFile(file, MAX_BYTES, "weight archives"), file.toString());
    }

    /** Reads an archive from a stream (e.g. a class-path resource); messages name {@code source}. */
    public static Map<String, Tensor> read(InputStream stream, String source) {
        try (InputStream in = stream) {
            return read(BoundedReads.readStream(in, source, MAX_BYTES, "weight archives"), source);
        } catch (IOException e) {
            throw new BadInputException(source, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an archive held in memory: the zip's central directory must be complete (as NumPy requires), each
     * {@code .npy} entry is decoded by its own header (byte order, type, shape; see {@link NpyArray}), and every
     * value must be a finite float32.
     */
    public static Map<String, Tensor> read(byte[] npz, String source) {
        if (npz.length == 0) {
            throw new BadInputException(source, "is empty (not a NumPy .npz archive)");
        }
        Map<String, byte[]> entries;
        try {
            entries = ZipArchive.entries(npz, source, MAX_BYTES);
        } catch (ZipArchive.Damaged e) {
            throw new BadInputException(source, "not a readable NumPy .npz archive (truncated or corrupt: " + e.detail() + ")", e);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey().endsWith(".npy") ? e.getKey().substring(0, e.getKey().length() - 4) : e.getKey();
            if (name.isEmpty()) {
                throw new BadInputException(source, "an array has no name");
            }
            out.put(name, NpyArray.decode(e.getValue(), source, "array " + name));
        }
        if (out.isEmpty()) {
            throw new BadInputException(source, "holds no arrays");
        }
        return out;
    }

    /** Writes the arrays as {@code NAME.npy} entries of a zip archive, as {@code numpy.savez_compressed} does; closes {@code out}. */
    public static void write(Map<String, Tensor> arrays, OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, Tensor> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(npy(e.getValue()));
                zip.closeEntry();
            }
        }
    }

    /** Format version 1.0: magic, header length, a header dict padded with spaces to a multiple of 64, the values. */
    private static byte[] npy(Tensor t) {
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < t.rank(); i++) {
            shape.append(t.dim(i)).append(t.rank() == 1 ? "," : i + 1 < t.rank() ? ", " : "");
        }
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': ")
                .append(shape).append("), }");
        int prefix = MAGIC_AND_VERSION.length + 2;
        while ((prefix + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        ByteBuffer b = ByteBuffer.allocate(prefix + header.length() + 4 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC_AND_VERSION).putShort((short) header.length()).put(header.toString().getBytes(StandardCharsets.US_ASCII));
        b.asFloatBuffer().put(t.data());
        return b.array();
    }
}
