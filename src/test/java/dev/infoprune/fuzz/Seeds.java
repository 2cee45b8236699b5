package dev.infoprune.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The committed seed corpus: {@code src/test/resources/dev/infoprune/fuzz/ReaderFuzzTestInputs/<target>/} (the
 * layout Jazzer's regression mode reads), listed in each folder's {@code index.txt}.
 */
final class Seeds {
    private static final String ROOT = "/dev/infoprune/fuzz/ReaderFuzzTestInputs/";

    private Seeds() {
    }

    static List<byte[]> of(String target) {
        List<byte[]> out = new ArrayList<>();
        for (String name : new String(read(target, "index.txt")).split("\n")) {
            if (!name.isBlank()) {
                out.add(read(target, name.strip()));
            }
        }
        return out;
    }

    static byte[] read(String target, String name) {
        try (InputStream in = Seeds.class.getResourceAsStream(ROOT + target + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing seed " + target + "/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
