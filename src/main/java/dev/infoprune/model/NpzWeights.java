package dev.infoprune.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Reading;
import dev.infoprune.core.BoundedReads;
import dev.infoprune.core.ZipArchive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads NumPy {@code .npz} archives of named arrays as float32, and writes them (DJL's NPZ codec). */
public final class NpzWeights {
    private NpzWeights() {
    }

    /** The largest archive InfoPrune reads (and the most one entry may declare). */
    public static final long MAX_BYTES = 1L << 30;

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

    public static void write(Map<String, Tensor> arrays, OutputStream out) throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDList list = new NDList();
            for (Map.Entry<String, Tensor> e : arrays.entrySet()) {
                long[] shape = new long[e.getValue().rank()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = e.getValue().dim(i);
                }
                NDArray a = manager.create(e.getValue().data(), new Shape(shape));
                a.setName(e.getKey());
                list.add(a);
            }
            list.encode(out, NDList.Encoding.NPZ);
        }
    }

}
