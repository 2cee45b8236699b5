package dev.infoprune.model;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.onnx.OnnxImport;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns what the user typed as a model into a {@link Network}: a model folder ({@code model.json} +
 * {@code weights.npz}), a bundled sample model name ({@link SampleModels}) or an {@code .onnx} file.
 * A path that exists wins over a sample of the same name.
 */
public final class ModelLocator {
    private ModelLocator() {
    }

    public static Network resolve(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new BadInputException("model", "no model given");
        }
        Path path = pathOrNull(spec);
        if (path != null && Files.exists(path)) {
            if (Files.isDirectory(path)) {
                return ModelFolder.read(path);
            }
            if (isOnnx(spec)) {
                return OnnxImport.read(path);
            }
            if (path.getFileName().toString().equals(ModelFolder.MODEL_JSON)) {
                return ModelFolder.read(path.toAbsolutePath().getParent());
            }
            throw new BadInputException(path, "is neither a model folder nor an .onnx file");
        }
        if (SampleModels.isSample(spec)) {
            return SampleModels.load(spec);
        }
        throw new BadInputException(spec, "no such model folder, .onnx file or bundled sample model (bundled: "
                + SampleModels.describeNames() + ")");
    }

    private static boolean isOnnx(String spec) {
        return spec.toLowerCase(Locale.ROOT).endsWith(".onnx");
    }

    private static Path pathOrNull(String spec) {
        try {
            return Path.of(spec);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
