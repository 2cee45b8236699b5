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

    /**
     * A normalisation for inputs of {@code inputShape} from {@code mean} and {@code std} given with one value for all
     * inputs, one per channel of an image input {@code [c, h, w]} (as torchvision's {@code Normalize}; repeated over
     * each channel's positions), or one per input value.
     */
    public static Normalization forInput(float[] mean, float[] std, int[] inputShape) {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " values but std has " + std.length);
        }
        int size = (int) Tensor.sizeOf(inputShape);
        boolean perChannel = inputShape.length == 3 && mean.length == inputShape[0] && mean.length != 1;
        if (mean.length != 1 && mean.length != size && !perChannel) {
            throw new IllegalArgumentException(mean.length + " values do not fit inputs of shape "
                    + java.util.Arrays.toString(inputShape) + " (give 1 value"
                    + (inputShape.length == 3 ? ", " + inputShape[0] + " (one per channel)" : "") + " or " + size
                    + " (one per input value))");
        }
        if (!perChannel) {
            return new Normalization(mean.clone(), std.clone());
        }
        int map = inputShape[1] * inputShape[2];
        float[] m = new float[size];
        float[] s = new float[size];
        for (int c = 0; c < inputShape[0]; c++) {
            java.util.Arrays.fill(m, c * map, (c + 1) * map, mean[c]);
            java.util.Arrays.fill(s, c * map, (c + 1) * map, std[c]);
        }
        return new Normalization(m, s);
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
