package dev.infoprune.model;

/** Flattens {@code [c, h, w]} to {@code [c*h*w]} in row-major (channel-first) order, as PyTorch does. */
public record Flatten(String name) implements Layer {
    @Override
    public String type() {
        return "flatten";
    }

    @Override
    public int[] outputShape(int[] s) {
        return new int[] {(int) Tensor.sizeOf(s)};
    }
}
