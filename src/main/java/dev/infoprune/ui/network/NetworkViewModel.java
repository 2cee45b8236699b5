package dev.infoprune.ui.network;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.BitSet;
import java.util.Map;

/**
 * What the network view shows: the picture, the score colouring it, the removed nodes, the selected node and
 * the node under test, edges on or off, and the zoom and pan. Views and controllers share it; only the FX
 * thread writes it.
 */
public final class NetworkViewModel {
    public static final double MIN_ZOOM = 0.5;
    public static final double MAX_ZOOM = 12;

    private final ObjectProperty<NetworkPicture> picture = new SimpleObjectProperty<>(this, "picture");
    private final ObjectProperty<NodeScore> score = new SimpleObjectProperty<>(this, "score");
    private final ObjectProperty<java.util.List<NodeScore>> allScores = new SimpleObjectProperty<>(this, "allScores", java.util.List.of());
    private final ObjectProperty<Map<String, BitSet>> removed = new SimpleObjectProperty<>(this, "removed", Map.of());
    private final ObjectProperty<NodeId> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObjectProperty<NodeId> underTest = new SimpleObjectProperty<>(this, "underTest");
    private final ObjectProperty<NodeId> hovered = new SimpleObjectProperty<>(this, "hovered");
    private final BooleanProperty showEdges = new SimpleBooleanProperty(this, "showEdges", true);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final DoubleProperty panX = new SimpleDoubleProperty(this, "panX", 0);
    private final DoubleProperty panY = new SimpleDoubleProperty(this, "panY", 0);

    public ObjectProperty<NetworkPicture> pictureProperty() {
        return picture;
    }

    public ObjectProperty<NodeScore> scoreProperty() {
        return score;
    }

    /** Every score known for the network (the hover tooltip lists them all). */
    public ObjectProperty<java.util.List<NodeScore>> allScoresProperty() {
        return allScores;
    }

    /** Removed units per layer; the map and its bit sets are replaced, never modified. */
    public ObjectProperty<Map<String, BitSet>> removedProperty() {
        return removed;
    }

    public ObjectProperty<NodeId> selectedProperty() {
        return selected;
    }

    public ObjectProperty<NodeId> underTestProperty() {
        return underTest;
    }

    public ObjectProperty<NodeId> hoveredProperty() {
        return hovered;
    }

    public BooleanProperty showEdgesProperty() {
        return showEdges;
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public DoubleProperty panXProperty() {
        return panX;
    }

    public DoubleProperty panYProperty() {
        return panY;
    }

    public boolean isRemoved(String layer, int index) {
        BitSet b = layer == null ? null : removed.get().get(layer);
        return b != null && b.get(index);
    }

    /** Whether a node is drawn removed: its layer's unit is removed, or (an add/concat channel) all that feed it are. */
    public boolean isDrawnRemoved(NodeId node) {
        NetworkPicture p = picture.get();
        int column = p == null ? -1 : p.columnOf(node.layer());
        return column >= 0 ? p.isRemoved(column, node.index(), removed.get()) : isRemoved(node.layer(), node.index());
    }

    public void resetView() {
        zoom.set(1);
        panX.set(0);
        panY.set(0);
    }

    /** Zooms by {@code factor} keeping the screen point (sx, sy) fixed. */
    public void zoomAt(double factor, double sx, double sy) {
        double z = zoom.get();
        double nz = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z * factor));
        double wx = (sx - panX.get()) / z;
        double wy = (sy - panY.get()) / z;
        zoom.set(nz);
        panX.set(sx - wx * nz);
        panY.set(sy - wy * nz);
    }
}
