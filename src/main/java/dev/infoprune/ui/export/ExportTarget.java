package dev.infoprune.ui.export;

import dev.infoprune.core.BadInputException;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Checks a target folder before anything is written: it must be a folder or creatable as one (its nearest
 * existing ancestor a writable folder), and the model name must be a plain file name.
 */
final class ExportTarget {
    private ExportTarget() {
    }

    static Path folder(String text) {
        if (text == null || text.isBlank()) {
            throw new BadInputException("export folder", "choose the folder to write into");
        }
        Path p;
        try {
            p = Path.of(text.trim()).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new BadInputException(text, "is not a valid path: " + e.getReason());
        }
        if (Files.exists(p) && !Files.isDirectory(p)) {
            throw new BadInputException(p, "is a file, not a folder");
        }
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            throw new BadInputException(p, "no part of this path exists");
        }
        if (!Files.isDirectory(existing)) {
            throw new BadInputException(p, "cannot be created: " + existing + " is a file");
        }
        if (!Files.isWritable(existing)) {
            throw new BadInputException(p, (existing.equals(p) ? "is" : existing + " is") + " not writable");
        }
        return p;
    }

    static String name(String text) {
        String n = text == null ? "" : text.trim();
        if (n.isEmpty() || n.equals(".") || n.equals("..") || n.matches(".*[/\\\\:*?\"<>|].*")) {
            throw new BadInputException("model name", "\"" + n + "\" is not a plain file name (no / \\ : * ? \" < > |)");
        }
        return n;
    }
}
