package dev.infoprune.model;

import java.util.List;

/** Joins two or more {@code [c, h, w]} inputs along the channel axis, in the order of its inputs. */
public record Concat(String name) implements Join {
    @Override
    public String type() {
        return "concat";
    }

    @Override
    public int[] joinedShape(List<int[]> inputs) {
        int[] first = inputs.get(0);
        int channels = 0;
        for (int[] s : inputs) {
            if (s.length != 3 || first.length != 3 || s[1] != first[1] || s[2] != first[2]) {
                throw mismatch("joins [c, h, w] inputs of one height and width", inputs);
            }
            channels += s[0];
        }
        return new int[] {channels, first[1], first[2]};
    }
}
