package dev.infoprune.cli;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.onnx.OnnxImport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The MODEL argument of the ONNX commands: a model folder or an {@code .onnx} file. */
final class ModelArgument {
    private ModelArgument() {
    }

    static Network resolve(String spec) {
        Path path = Path.of(spec);
        if (spec.toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            return OnnxImport.read(path);
        }
        if (Files.isDirectory(path)) {
            return ModelFolder.read(path);
        }
        throw new BadInputException(spec, "no such model folder or .onnx file");
    }
}
