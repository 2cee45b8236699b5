package dev.infoprune.model;

/**
 * Max or average pooling over square windows, as PyTorch's {@code MaxPool2d} and {@code AvgPool2d}: zero or more
 * rows and columns of {@code padding} on every side (at most half the window, as PyTorch requires). Max pooling
 * ignores the padding; average pooling counts the padded zeros in the divisor when {@code countIncludePad}
 * (PyTorch's default), else divides by the number of real inputs in the window. {@code ceilMode} rounds the output
 * size up, as PyTorch's {@code ceil_mode=True} (a last, partial window that starts inside the input or its left
 * padding); InfoPrune supports it for max pooling.
 */
public record Pool(String name, Kind kind, int kernel, int stride, int padding, boolean countIncludePad, boolean ceilMode)
        implements Layer {
    public enum Kind {
        MAX("maxpool"), AVG("avgpool");

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }
    }

    public Pool {
        if (kernel < 1 || stride < 1) {
            throw new IllegalArgumentException("pool " + name + ": kernel and stride must be positive");
        }
        if (padding < 0 || padding > kernel / 2) {
            throw new IllegalArgumentException("pool " + name + ": padding " + padding + " must be between 0 and half the "
                    + "window (" + kernel / 2 + ")");
        }
        if (kind == Kind.MAX || padding == 0) {
            countIncludePad = true;
        }
        if (ceilMode && kind != Kind.MAX) {
            throw new IllegalArgumentException("pool " + name + ": ceil mode is supported for max pooling only");
        }
    }

    /** Pooling that rounds its output size down (PyTorch's default). */
    public Pool(String name, Kind kind, int kernel, int stride, int padding, boolean countIncludePad) {
        this(name, kind, kernel, stride, padding, countIncludePad, false);
    }

    /** Pooling without padding. */
    public Pool(String name, Kind kind, int kernel, int stride) {
        this(name, kind, kernel, stride, 0, true);
    }

    @Override
    public String type() {
        return kind.type();
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 3) {
            throw new IllegalArgumentException("pool " + name + " expects [c, h, w] inputs, got " + java.util.Arrays.toString(s));
        }
        if (s[1] + 2 * padding < kernel || s[2] + 2 * padding < kernel) {
            throw new IllegalArgumentException("pool " + name + " leaves no output for input " + java.util.Arrays.toString(s));
        }
        return new int[] {s[0], outputSize(s[1]), outputSize(s[2])};
    }

    private int outputSize(int size) {
        int span = size + 2 * padding - kernel;
        int out = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
        return ceilMode && (out - 1) * stride >= size + padding ? out - 1 : out;
    }
}
