package dev.infoprune.model;

import java.util.Arrays;

/** A weight is missing or has the wrong shape for its layer. */
public class WeightShapeException extends IllegalArgumentException {
    private final String weightName;

    public WeightShapeException(String weightName, int[] actual, int[] expected) {
        super(actual == null
                ? "weight " + weightName + " is missing (expected shape " + Arrays.toString(expected) + ")"
                : "weight " + weightName + " has shape " + Arrays.toString(actual) + ", expected " + Arrays.toString(expected));
        this.weightName = weightName;
    }

    public String weightName() {
        return weightName;
    }
}
