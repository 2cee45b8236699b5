package dev.infoprune.model;

import dev.infoprune.core.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sample models bundled on the class path: {@code sample-models/index.txt} lists their names, one per line
 * ({@code #} starts a comment), and each lives in {@code sample-models/<name>/model.json} + {@code weights.npz}.
 * Resources are looked up through the thread's context class loader (falling back to this class's), so a host
 * application or a test can offer its own set.
 */
public final class SampleModels {
    public static final String ROOT = "sample-models";
    private static final String INDEX = ROOT + "/index.txt";

    private SampleModels() {
    }

    public static List<String> names() {
        try (InputStream in = loader().getResourceAsStream(INDEX)) {
            if (in == null) {
                return List.of();
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(line -> line.replaceFirst("#.*", "").strip())
                        .filter(line -> !line.isEmpty())
                        .distinct()
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isSample(String name) {
        return names().contains(name);
    }

    public static Network load(String name) {
        if (!isSample(name)) {
            throw new BadInputException(name, "is not a bundled sample model (bundled: " + describeNames() + ")");
        }
        String json = ROOT + "/" + name + "/" + ModelFolder.MODEL_JSON;
        String npz = ROOT + "/" + name + "/" + ModelFolder.WEIGHTS_NPZ;
        try (InputStream j = resource(json); InputStream w = resource(npz)) {
            return ModelFolder.read(j, json + " (bundled)", w, npz + " (bundled)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String describeNames() {
        List<String> names = names();
        return names.isEmpty() ? "none in this build" : String.join(", ", names);
    }

    private static InputStream resource(String path) {
        InputStream in = loader().getResourceAsStream(path);
        if (in == null) {
            throw new BadInputException(path, "is listed in " + INDEX + " but missing from the class path");
        }
        return in;
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : SampleModels.class.getClassLoader();
    }
}
