package dev.infoprune.core;

import java.util.function.Supplier;

/**
 * Tags an {@link OutOfMemoryError} with the file being read when it happened, so that the command line can say
 * which input was too large (it catches the error in one place and exits with status 2).
 */
public final class Reading {
    private Reading() {
    }

    /** Memory ran out while {@link #source()} was being read. */
    public static final class OutOfMemory extends OutOfMemoryError {
        private final String source;

        OutOfMemory(String source) {
            super("out of memory while reading " + source);
            this.source = source;
        }

        public String source() {
            return source;
        }
    }

    /** Runs {@code read}; an {@link OutOfMemoryError} inside it comes out naming {@code source}. */
    public static <T> T of(Object source, Supplier<T> read) {
        try {
            return read.get();
        } catch (OutOfMemory e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new OutOfMemory(String.valueOf(source));
        }
    }
}
