package dev.infoprune.model;

/**
 * Channels {@code start} (inclusive) to {@code end} (exclusive) of a {@code [c, h, w]} input: one half of
 * ShuffleNet's {@code x.chunk(2, dim=1)}.
 */
public record ChannelSlice(String name, int start, int end) implements Layer {
    public ChannelSlice {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("channel slice " + name + ": needs 0 <= start < end, got " + start + ".." + end);
        }
    }

    @Override
    public String type() {
        return "slice";
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 3 || end > s[0]) {
            throw new IllegalArgumentException("channel slice " + name + " takes channels " + start + ".." + end
                    + " of a [c, h, w] input, got " + java.util.Arrays.toString(s));
        }
        return new int[] {end - start, s[1], s[2]};
    }
}
