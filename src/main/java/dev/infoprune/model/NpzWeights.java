package dev.infoprune.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.infoprune.core.BadInputException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads and writes NumPy {@code .npz} archives of named float32 arrays (DJL's NPZ codec). */
public final class NpzWeights {
    private NpzWeights() {
    }

    public static Map<String, Tensor> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "file not found");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "file not found", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads an archive from a stream (e.g. a class-path resource); messages name {@code source}. */
    public static Map<String, Tensor> read(InputStream stream, String source) {
        try (InputStream in = new BufferedInputStream(stream);
             NDManager manager = NDManager.newBaseManager()) {
            NDList list = NDList.decode(manager, in);
            Map<String, Tensor> out = new LinkedHashMap<>();
            for (NDArray array : list) {
                String name = array.getName();
                if (name == null) {
                    throw new BadInputException(source, "an array has no name");
                }
                NDArray f = array.getDataType() == DataType.FLOAT32 ? array : array.toType(DataType.FLOAT32, false);
                int[] shape = new int[f.getShape().dimension()];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = (int) f.getShape().get(i);
                }
                out.put(name, new Tensor(shape, f.toFloatArray()));
            }
            if (out.isEmpty()) {
                throw new BadInputException(source, "holds no arrays");
            }
            return out;
        } catch (BadInputException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(source, "not a readable NumPy .npz archive (truncated or corrupt: "
                    + describe(e) + ")", e);
        }
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

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
