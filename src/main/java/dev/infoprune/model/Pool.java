package dev.infoprune.model;

/**
 * Max or average pooling over square windows, as PyTorch's {@code MaxPool2d} and {@code AvgPool2d}: zero or more
 * rows and columns of {@code padding} on every side (at most half the window, as PyTorch requires). Max pooling
 * ignores the padding; average pooling counts the padded zeros in the divisor when {@code countIncludePad}
 * (PyTorch's default), else divides by the number of real inputs in the window.
 */
public record Pool(String name, Kind kind, int kernel, int stride, int padding, boolean countIncludePad) implements Layer {
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
        return new int[] {s[0], (s[1] + 2 * padding - kernel) / stride + 1, (s[2] + 2 * padding - kernel) / stride + 1};
    }
}
