package dev.infoprune.ui.network;

/** A unit of the network: its layer's name and its index in that layer. */
public record NodeId(String layer, int index) {
    @Override
    public String toString() {
        return layer + ":" + index;
    }
}
