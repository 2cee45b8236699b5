package dev.infoprune.model;

/** Averages each channel over all positions: {@code [c, h, w] -> [c, 1, 1]} (as ONNX GlobalAveragePool). */
public record GlobalAvgPool(String name) implements Layer {
    @Override
    public String type() {
        return "globalavgpool";
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 3) {
            throw new IllegalArgumentException("global pool " + name + " expects [c, h, w] inputs");
        }
        return new int[] {s[0], 1, 1};
    }
}
