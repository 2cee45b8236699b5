package dev.infoprune.model;

import java.util.Arrays;

/** A weight is missing, has the wrong shape for its layer, or holds values the layer cannot use. */
public class WeightShapeException extends IllegalArgumentException {
    private final String weightName;

    public WeightShapeException(String weightName, int[] actual, int[] expected) {
        super(actual == null
                ? "weight " + weightName + " is missing (expected shape " + Arrays.toString(expected) + ")"
                : "weight " + weightName + " has shape " + Arrays.toString(actual) + ", expected " + Arrays.toString(expected));
        this.weightName = weightName;
    }

    /** A weight whose values (not its shape) are wrong, e.g. a negative variance. */
    public WeightShapeException(String weightName, String message) {
        super(message);
        this.weightName = weightName;
    }

    public String weightName() {
        return weightName;
    }
}
