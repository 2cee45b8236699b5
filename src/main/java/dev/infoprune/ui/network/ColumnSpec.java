package dev.infoprune.ui.network;

/**
 * One column of the network drawing: the input, a hidden dense/conv layer, the output layer, or (in a graph) an
 * add or concat joining branches.
 * {@code layer} is the network's layer name (null for the input column); {@code units} the nodes drawn.
 */
public record ColumnSpec(String layer, String title, String subtitle, int units, Kind kind) {
    public enum Kind { INPUT, HIDDEN, OUTPUT, JOIN }

    public boolean isHidden() {
        return kind == Kind.HIDDEN;
    }
}
