package dev.infoprune.model;

/** Max or average pooling over square windows, without padding. */
public record Pool(String name, Kind kind, int kernel, int stride) implements Layer {
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
        if (s[1] < kernel || s[2] < kernel) {
            throw new IllegalArgumentException("pool " + name + " leaves no output for input " + java.util.Arrays.toString(s));
        }
        return new int[] {s[0], (s[1] - kernel) / stride + 1, (s[2] - kernel) / stride + 1};
    }
}
