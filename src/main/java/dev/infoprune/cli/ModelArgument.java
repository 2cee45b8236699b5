package dev.infoprune.cli;

import dev.infoprune.model.ModelLocator;
import dev.infoprune.model.Network;
import picocli.CommandLine.Parameters;

/** The MODEL a command reads, always its first parameter. */
final class ModelArgument {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A model folder, an .onnx file or a bundled sample name.")
    String model;

    Network load() {
        return ModelLocator.resolve(model);
    }
}
