package dev.infoprune.ui.network;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** Draws a {@link NetworkLayout} coloured by the view model's score onto a canvas. Stateless. */
public final class NetworkPainter {
    public static final Color BACKGROUND = Color.web("#fbfbfd");
    static final Color INPUT_FILL = Color.web("#c9d3df");
    static final Color NO_SCORE_FILL = Color.web("#9aa5b1");
    static final Color REMOVED = Color.web("#d5d8dc");
    static final Color OUTLINE = Color.web("#4a5563");
    static final Color SELECTED = Color.web("#d6336c");
    static final Color UNDER_TEST = Color.web("#ff8c00");
    static final Color EDGE = Color.web("#5b6b7f");
    /** Skip arcs, and the rings of the nodes pruned together with the selected one. */
    static final Color SKIP = Color.web("#1c7ed6");
    static final Color LINKED = Color.web("#7048e8");
    static final Color JOIN_FILL = Color.web("#e7ecf3");
    private static final int EDGE_BINS = 4;
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 13);
    private static final Font SUBTITLE = Font.font("System", 11);
    private static final Font GRAPH_TITLE = Font.font("System", FontWeight.BOLD, 11);
    private static final Font GRAPH_SUBTITLE = Font.font("System", 10);

    private NetworkPainter() {
    }

    public static void paint(GraphicsContext g, double width, double height, NetworkLayout layout, NetworkViewModel model) {
        g.setTransform(1, 0, 0, 1, 0, 0);
        // clearing the whole canvas first lets JavaFX drop the previous frame's queued commands
        g.clearRect(0, 0, width, height);
        g.setFill(BACKGROUND);
        g.fillRect(0, 0, width, height);
        if (layout == null || model.pictureProperty().get() == null) {
            return;
        }
        paintNetwork(g, layout, model, model.zoomProperty().get(), model.panXProperty().get(), model.panYProperty().get());
    }

    /**
     * Paints the vertical strip {@code [from, to)} of device pixels again, with the rest of the canvas left as it
     * is: the same commands as {@link #paint}, clipped, so the strip's pixels are those of a full paint.
     */
    static void paintStrip(GraphicsContext g, int from, int to, double height, NetworkLayout layout, NetworkViewModel model) {
        g.save();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.beginPath();
        g.rect(from, 0, to - from, Math.ceil(height));
        g.clip();
        g.setFill(BACKGROUND);
        g.fillRect(from, 0, to - from, Math.ceil(height));
        paintNetwork(g, layout, model, model.zoomProperty().get(), model.panXProperty().get(), model.panYProperty().get());
        g.restore();
    }

    /** Draws edges, nodes and titles with zoom {@code z} and the world origin at (tx, ty); no background. */
    static void paintNetwork(GraphicsContext g, NetworkLayout layout, NetworkViewModel model, double z, double tx, double ty) {
        NetworkPicture picture = model.pictureProperty().get();
        g.setTransform(z, 0, 0, z, tx, ty);
        if (model.showEdgesProperty().get()) {
            paintEdges(g, layout, picture, model);
        }
        paintArcs(g, layout);
        NodeScore score = model.scoreProperty().get();
        double min = score == null ? 0 : score.min();
        double max = score == null ? 1 : score.max();
        for (int c = 0; c < layout.columns().size(); c++) {
            NetworkLayout.Column col = layout.column(c);
            if (layout.titled()) {
                paintTitle(g, layout, c, model);
            }
            if (col.spec().kind() == ColumnSpec.Kind.JOIN) {
                paintJoin(g, picture, c, col, model);
            } else {
                paintNodes(g, col, model, score, min, max);
            }
        }
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    /** Draws the hover, selection and under-test rings on a transparent overlay canvas. */
    public static void paintOverlay(GraphicsContext g, double width, double height, NetworkLayout layout, NetworkViewModel model) {
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, width, height);
        NetworkPicture picture = model.pictureProperty().get();
        if (layout == null || picture == null) {
            return;
        }
        double z = model.zoomProperty().get();
        g.setTransform(z, 0, 0, z, model.panXProperty().get(), model.panYProperty().get());
        paintMarks(g, layout, picture, model);
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    private static void paintTitle(GraphicsContext g, NetworkLayout layout, int column, NetworkViewModel model) {
        NetworkLayout.Column col = layout.column(column);
        ColumnSpec spec = col.spec();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BASELINE);
        g.setFill(OUTLINE);
        g.setFont(layout.graph() ? GRAPH_TITLE : TITLE);
        g.fillText(spec.title(), col.centerX(), col.titleY());
        g.setFont(layout.graph() ? GRAPH_SUBTITLE : SUBTITLE);
        String sub = spec.subtitle();
        int removed = removedCount(model, column);
        if (removed > 0) {
            sub += " · " + (spec.units() - removed) + " kept";
        }
        g.fillText(sub, col.centerX(), col.titleY() + (layout.graph() ? 13 : 16));
    }

    private static int removedCount(NetworkViewModel model, int column) {
        NetworkPicture picture = model.pictureProperty().get();
        ColumnSpec spec = picture.columns().get(column);
        if (spec.kind() != ColumnSpec.Kind.JOIN) {
            java.util.BitSet removed = spec.layer() == null ? null : model.removedProperty().get().get(spec.layer());
            return removed == null ? 0 : removed.cardinality();
        }
        int n = 0;
        for (int i = 0; i < spec.units(); i++) {
            n += picture.isRemoved(column, i, model.removedProperty().get()) ? 1 : 0;
        }
        return n;
    }

    /** An add or concat: a narrow column of small square markers, one per channel, grey where the channel is pruned. */
    private static void paintJoin(GraphicsContext g, NetworkPicture picture, int column, NetworkLayout.Column col,
                                  NetworkViewModel model) {
        double s = col.size();
        double m = col.circles() ? s * 0.2 : 0;
        g.setLineWidth(1);
        for (int i = 0; i < col.nodes(); i++) {
            boolean gone = picture.isRemoved(column, i, model.removedProperty().get());
            g.setFill(gone ? BACKGROUND : JOIN_FILL);
            g.fillRect(col.x()[i] + m, col.y()[i] + m, s - 2 * m, s - 2 * m);
            g.setStroke(gone ? REMOVED : OUTLINE);
            g.strokeRect(col.x()[i] + m, col.y()[i] + m, s - 2 * m, s - 2 * m);
            if (col.circles() && !gone) {
                double cx = col.nodeCenterX(i);
                double cy = col.nodeCenterY(i);
                double r = (s - 2 * m) * 0.28;
                if (col.spec().subtitle().startsWith("add")) {
                    g.strokeLine(cx - r, cy, cx + r, cy);
                    g.strokeLine(cx, cy - r, cx, cy + r);
                } else {
                    g.strokeLine(cx - r, cy - r * 0.6, cx + r, cy - r * 0.6);
                    g.strokeLine(cx - r, cy + r * 0.6, cx + r, cy + r * 0.6);
                }
            }
        }
    }

    /** Skips: up from the source column, along their lane above the nodes, down onto the reading column. */
    private static void paintArcs(GraphicsContext g, NetworkLayout layout) {
        if (layout.arcs().isEmpty()) {
            return;
        }
        g.setStroke(SKIP);
        g.setFill(SKIP);
        g.setLineWidth(2);
        g.setGlobalAlpha(0.85);
        for (NetworkLayout.Arc a : layout.arcs()) {
            double r = Math.min(8, Math.max(1, (a.toX() - a.fromX()) / 4));
            g.beginPath();
            g.moveTo(a.fromX(), a.fromY());
            g.lineTo(a.fromX(), a.laneY() + r);
            g.quadraticCurveTo(a.fromX(), a.laneY(), a.fromX() + r, a.laneY());
            g.lineTo(a.toX() - r, a.laneY());
            g.quadraticCurveTo(a.toX(), a.laneY(), a.toX(), a.laneY() + r);
            g.lineTo(a.toX(), a.toY() - 4);
            g.stroke();
            g.fillPolygon(new double[] {a.toX() - 4, a.toX() + 4, a.toX()},
                    new double[] {a.toY() - 6, a.toY() - 6, a.toY()}, 3);
        }
        g.setGlobalAlpha(1);
        g.setLineWidth(1);
    }

    private static void paintNodes(GraphicsContext g, NetworkLayout.Column col, NetworkViewModel model, NodeScore score,
                                   double min, double max) {
        String layer = col.spec().layer();
        double s = col.size();
        double[] x = col.x();
        double[] y = col.y();
        boolean input = col.spec().kind() == ColumnSpec.Kind.INPUT;
        java.util.BitSet removed = layer == null ? null : model.removedProperty().get().get(layer);
        g.setLineWidth(1);
        g.setStroke(OUTLINE);
        double gap = col.circles() || s < 4 ? 0 : 1;
        for (int i = 0; i < x.length; i++) {
            boolean gone = removed != null && removed.get(i);
            Color fill;
            if (gone) {
                fill = REMOVED;
            } else if (input) {
                fill = INPUT_FILL;
            } else {
                double v = score == null ? Double.NaN : score.value(layer, i);
                fill = Double.isNaN(v) ? NO_SCORE_FILL : ColorScale.color(v, min, max);
            }
            g.setFill(fill);
            if (col.circles()) {
                if (gone) {
                    g.setStroke(REMOVED);
                    g.strokeOval(x[i], y[i], s, s);
                    g.strokeLine(x[i] + s * 0.3, y[i] + s * 0.3, x[i] + s * 0.7, y[i] + s * 0.7);
                    g.strokeLine(x[i] + s * 0.7, y[i] + s * 0.3, x[i] + s * 0.3, y[i] + s * 0.7);
                    g.setStroke(OUTLINE);
                } else {
                    g.fillOval(x[i], y[i], s, s);
                    g.strokeOval(x[i], y[i], s, s);
                }
            } else {
                g.fillRect(x[i], y[i], s - gap, s - gap);
            }
        }
    }

    private static void paintEdges(GraphicsContext g, NetworkLayout layout, NetworkPicture picture, NetworkViewModel model) {
        g.setStroke(EDGE);
        for (int bin = 0; bin < EDGE_BINS; bin++) {
            double lo = bin / (double) EDGE_BINS;
            double hi = (bin + 1) / (double) EDGE_BINS;
            g.setGlobalAlpha(0.05 + 0.40 * hi * hi);
            g.setLineWidth(0.5 + 1.5 * hi);
            g.beginPath();
            for (int gapIndex = 0; gapIndex < layout.columns().size() - 1; gapIndex++) {
                NetworkLayout.Column a = layout.column(gapIndex);
                NetworkLayout.Column b = layout.column(gapIndex + 1);
                NetworkPicture.Edges e = picture.edges(gapIndex);
                for (int k = 0; k < e.size(); k++) {
                    double st = e.strength()[k];
                    if (st <= lo && bin > 0 || st > hi) {
                        continue;
                    }
                    int from = e.from()[k];
                    int to = e.to()[k];
                    if (removed(picture, model, gapIndex, a, from) || removed(picture, model, gapIndex + 1, b, to)) {
                        continue;
                    }
                    g.moveTo(a.nodeCenterX(from), a.nodeCenterY(from));
                    g.lineTo(b.nodeCenterX(to), b.nodeCenterY(to));
                }
            }
            g.stroke();
        }
        g.setGlobalAlpha(1);
    }

    private static boolean removed(NetworkPicture picture, NetworkViewModel model, int column, NetworkLayout.Column col, int node) {
        return col.spec().kind() == ColumnSpec.Kind.JOIN ? picture.isRemoved(column, node, model.removedProperty().get())
                : model.isRemoved(col.spec().layer(), node);
    }

    private static void paintMarks(GraphicsContext g, NetworkLayout layout, NetworkPicture picture, NetworkViewModel model) {
        mark(g, layout, picture, model.hoveredProperty().get(), OUTLINE, 1.5, 2);
        for (NodeId linked : picture.linkedTo(model.selectedProperty().get())) {
            mark(g, layout, picture, linked, LINKED, 2, 3);
        }
        mark(g, layout, picture, model.selectedProperty().get(), SELECTED, 2.5, 3);
        mark(g, layout, picture, model.underTestProperty().get(), UNDER_TEST, 3, 5);
    }

    private static void mark(GraphicsContext g, NetworkLayout layout, NetworkPicture picture, NodeId node, Color color,
                             double width, double pad) {
        if (node == null) {
            return;
        }
        int c = picture.columnOf(node.layer());
        if (c < 0 || node.index() >= layout.column(c).nodes()) {
            return;
        }
        NetworkLayout.Column col = layout.column(c);
        double s = col.size();
        double x = col.x()[node.index()];
        double y = col.y()[node.index()];
        double p = Math.max(pad, s < 4 ? 3 : pad);
        g.setStroke(color);
        g.setLineWidth(width);
        if (col.circles()) {
            g.strokeOval(x - p, y - p, s + 2 * p, s + 2 * p);
        } else {
            g.strokeRect(x - p, y - p, s + 2 * p, s + 2 * p);
        }
        g.setLineWidth(1);
    }
}
