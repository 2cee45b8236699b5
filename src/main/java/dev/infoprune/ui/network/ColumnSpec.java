package dev.infoprune.ui.network;

/**
 * One column of the network drawing: the input, a hidden dense/conv layer, or the output layer.
 * {@code layer} is the network's layer name (null for the input column); {@code units} the nodes drawn.
 */
public record ColumnSpec(String layer, String title, String subtitle, int units, Kind kind) {
    public enum Kind { INPUT, HIDDEN, OUTPUT }

    public boolean isHidden() {
        return kind == Kind.HIDDEN;
    }
}
