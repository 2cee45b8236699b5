package dev.infoprune.model;

import java.util.List;

/**
 * The element-wise product of two or more inputs with one channel count, each either of the full
 * {@code [c, h, w]} shape or {@code [c, 1, 1]} (broadcast over height and width): the channel gate of a
 * squeeze-and-excitation block ({@code sigmoid(conv(relu(conv(avgpool(x))))) · x}). Channel k of every input is one
 * channel of the output, as in a residual {@link Add}.
 */
public record Multiply(String name) implements Join {
    @Override
    public String type() {
        return "mul";
    }

    @Override
    public int[] joinedShape(List<int[]> inputs) {
        int[] full = inputs.get(0);
        for (int[] s : inputs) {
            if (s.length != full.length || s.length == 3 && (s[1] > full[1] || s[2] > full[2])) {
                full = s;
            }
        }
        for (int[] s : inputs) {
            boolean same = java.util.Arrays.equals(s, full);
            boolean gate = s.length == 3 && full.length == 3 && s[0] == full[0] && s[1] == 1 && s[2] == 1;
            if (!same && !gate) {
                throw mismatch("multiplies inputs of one shape or [c, 1, 1] gates of the same channels", inputs);
            }
        }
        return full.clone();
    }
}
