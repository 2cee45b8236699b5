package dev.infoprune.model;

/** Dropout: active only while training, the identity at inference. */
public record Dropout(String name, double rate) implements Layer {
    public Dropout {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("dropout " + name + ": rate must be in [0, 1), got " + rate);
        }
    }

    @Override
    public String type() {
        return "dropout";
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }
}
