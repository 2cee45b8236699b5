package dev.infoprune.model;

/** An element-wise non-linearity. */
public record Activation(String name, Kind kind) implements Layer {
    public enum Kind {
        RELU, SIGMOID, TANH;

        public String type() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public double apply(double x) {
            return switch (this) {
                case RELU -> x > 0 ? x : 0;
                case SIGMOID -> 1 / (1 + Math.exp(-x));
                case TANH -> Math.tanh(x);
            };
        }
    }

    @Override
    public String type() {
        return kind.type();
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }
}
