package dev.infoprune.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Opens data streams that may or may not be gzip-compressed, judged by the gzip magic bytes, not the name. */
final class InputStreams {
    private static final int BUFFER = 1 << 16;

    private InputStreams() {
    }

    static InputStream maybeGunzip(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
        }
        return in;
    }
}
