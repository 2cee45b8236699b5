package dev.infoprune.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Whole-file reads with a ceiling: a file longer than the ceiling is refused before anything is allocated. */
public final class BoundedReads {
    private BoundedReads() {
    }

    /** The bytes of a file, refused before reading when the file is longer than {@code maxBytes}. */
    public static byte[] readFile(Path file, long maxBytes, String what) {
        try {
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new BadInputException(file, "is " + size + " bytes; InfoPrune reads " + what + " of at most "
                        + maxBytes + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file, "file not found", e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The bytes of a stream, refused once it goes past {@code maxBytes}. */
    public static byte[] readStream(InputStream in, String source, long maxBytes, String what) {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new BadInputException(source, "is longer than " + maxBytes + " bytes, the most InfoPrune reads for " + what);
            }
            return bytes;
        } catch (IOException e) {
            throw new BadInputException(source, "cannot be read: " + e.getMessage(), e);
        }
    }

}
