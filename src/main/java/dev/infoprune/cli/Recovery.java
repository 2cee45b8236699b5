package dev.infoprune.cli;

import dev.infoprune.core.AtomicFiles;
import dev.infoprune.core.IoMessages;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Before a command judges its output path, a folder that a killed run had moved aside is put back and that run's
 * temporary siblings are removed, so the checks (empty? a model folder?) see what the user really has.
 */
final class Recovery {
    private Recovery() {
    }

    static void recover(Path out) {
        try {
            AtomicFiles.recover(out);
        } catch (IOException e) {
            throw IoMessages.cannotWrite(out, e);
        }
    }
}
