package dev.infoprune.model;

import java.util.Arrays;
import java.util.List;

/** The element-wise sum of two or more inputs of one shape: the join of a residual (skip) connection. */
public record Add(String name) implements Join {
    @Override
    public String type() {
        return "add";
    }

    @Override
    public int[] joinedShape(List<int[]> inputs) {
        for (int[] s : inputs) {
            if (!Arrays.equals(s, inputs.get(0))) {
                throw mismatch("sums inputs of one shape", inputs);
            }
        }
        return inputs.get(0).clone();
    }
}
