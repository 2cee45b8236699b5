package dev.infoprune.cli;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.IoMessages;
import dev.infoprune.model.ModelFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The model folder {@code train} and {@code import} write: an existing folder is only replaced when it holds a model. */
final class ModelFolderTarget {
    private ModelFolderTarget() {
    }

    /** Never replaces a folder that holds something other than a model. */
    static void requireReplaceable(Path out) {
        Recovery.recover(out);
        if (Files.isRegularFile(out)) {
            throw new BadInputException(out, "is a file; --out needs a folder to write the model into");
        }
        if (Files.isDirectory(out) && !ModelFolder.isModelFolder(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException(out, "exists and is not a model folder; refusing to replace it");
                }
            } catch (IOException e) {
                throw new BadInputException(out, "cannot be read: " + IoMessages.describe(e), e);
            }
        }
    }
}
