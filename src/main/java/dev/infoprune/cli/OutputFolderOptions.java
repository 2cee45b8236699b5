package dev.infoprune.cli;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.IoMessages;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** {@code --out DIR [--overwrite]}: the folder a command writes its results into. */
final class OutputFolderOptions {
    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The folder to write; it must be new or empty unless --overwrite.")
    Path out;

    @Option(names = "--overwrite", description = "Replace DIR when it exists and is not empty.")
    boolean overwrite;

    Path folder() {
        return out;
    }

    /** Refused before any work: a file at DIR, or a folder with something in it unless --overwrite. */
    void check() {
        Recovery.recover(out);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new BadInputException(out, "is a file; --out needs a folder");
        }
        if (Files.isDirectory(out) && !overwrite) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new BadInputException(out, "exists and is not empty (give --overwrite to replace it)");
                }
            } catch (IOException e) {
                throw new BadInputException(out, "cannot be read: " + IoMessages.describe(e), e);
            }
        }
    }
}
