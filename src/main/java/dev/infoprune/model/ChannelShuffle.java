package dev.infoprune.model;

/**
 * ShuffleNet's channel shuffle: the channels, seen as {@code groups} rows of {@code c / groups}, are read column by
 * column ({@code x.view(b, g, c / g, h, w).transpose(1, 2).reshape(b, c, h, w)}). Output channel
 * {@code i · groups + j} is input channel {@code j · c / groups + i}.
 */
public record ChannelShuffle(String name, int groups) implements Layer {
    public ChannelShuffle {
        if (groups < 1) {
            throw new IllegalArgumentException("channel shuffle " + name + ": groups must be positive, got " + groups);
        }
    }

    @Override
    public String type() {
        return "shuffle";
    }

    @Override
    public int[] outputShape(int[] s) {
        if (s.length != 3 || s[0] % groups != 0) {
            throw new IllegalArgumentException("channel shuffle " + name + " needs [c, h, w] inputs whose channels divide "
                    + "into " + groups + " groups, got " + java.util.Arrays.toString(s));
        }
        return s.clone();
    }
}
