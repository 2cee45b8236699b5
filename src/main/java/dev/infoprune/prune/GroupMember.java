package dev.infoprune.prune;

import java.util.Arrays;

/**
 * One layer's share of a dependency group: group channel {@code j} is this layer's channel (or, after a flatten,
 * the {@code span} consecutive features) starting at {@code channels[j]}.
 */
public record GroupMember(String layer, Role role, int[] channels, int span) {
    /** How a layer touches a group's channels, which says what surgery would cut. */
    public enum Role {
        /** The layer computes these channels: its filters or units. */
        OUTPUTS,
        /** The layer reads these channels: its weights' input columns. */
        INPUTS,
        /** Per-channel weights that pass the channel through (BatchNorm, a depthwise conv): cut in and out together. */
        CHANNELWISE
    }

    public GroupMember {
        channels = channels.clone();
    }

    @Override
    public int[] channels() {
        return channels.clone();
    }

    /** The layer's channels (the first of each span) of the group's channels, in group order. */
    public java.util.stream.IntStream channelsStream() {
        return Arrays.stream(channels);
    }

    /** Where the group starts in the layer: after a concat, the offset of the input it came through. */
    public int offset() {
        return channels[0];
    }

    /** True when the group's channels are the layer's channels {@code offset() .. offset() + size - 1} in order. */
    public boolean contiguous() {
        for (int j = 1; j < channels.length; j++) {
            if (channels[j] != channels[j - 1] + span) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupMember m && m.layer.equals(layer) && m.role == role && m.span == span
                && Arrays.equals(m.channels, channels);
    }

    @Override
    public int hashCode() {
        return (layer.hashCode() * 31 + role.hashCode()) * 31 + Arrays.hashCode(channels) + span;
    }

    @Override
    public String toString() {
        return layer + " " + role.name().toLowerCase() + (span == 1 ? "" : " x" + span) + " from " + offset();
    }
}
