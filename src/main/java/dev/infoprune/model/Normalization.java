package dev.infoprune.model;

/**
 * How raw inputs are standardised before they enter the network: {@code (x - mean) / std}, either with one
 * value for every input (images) or one value per input feature (tabular data). Recorded with the model so
 * that evaluation feeds the network what it was trained on.
 */
public record Normalization(float[] mean, float[] std) {
    public static final Normalization IDENTITY = new Normalization(new float[] {0f}, new float[] {1f});

    public Normalization {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("normalization needs as many means as standard deviations");
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("normalization standard deviations must be positive");
            }
            if (Float.isInfinite(s)) {
                throw new IllegalArgumentException("normalization standard deviations must be finite");
            }
        }
        for (float m : mean) {
            if (!Float.isFinite(m)) {
                throw new IllegalArgumentException("normalization means must be finite, got " + m);
            }
        }
    }

    public boolean isIdentity() {
        for (int i = 0; i < mean.length; i++) {
            if (mean[i] != 0f || std[i] != 1f) {
                return false;
            }
        }
        return true;
    }

    /** Applies the normalisation to one flattened input in place. */
    public void applyInPlace(float[] input, int offset, int length) {
        if (mean.length == 1) {
            float m = mean[0];
            float s = std[0];
            for (int i = 0; i < length; i++) {
                input[offset + i] = (input[offset + i] - m) / s;
            }
        } else {
            if (mean.length != length) {
                throw new IllegalArgumentException("normalization has " + mean.length + " features, input has " + length);
            }
            for (int i = 0; i < length; i++) {
                input[offset + i] = (input[offset + i] - mean[i]) / std[i];
            }
        }
    }
}
