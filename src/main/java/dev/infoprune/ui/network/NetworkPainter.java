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
    private static final int EDGE_BINS = 4;
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 13);
    private static final Font SUBTITLE = Font.font("System", 11);

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
        NodeScore score = model.scoreProperty().get();
        double min = score == null ? 0 : score.min();
        double max = score == null ? 1 : score.max();
        for (NetworkLayout.Column col : layout.columns()) {
            paintTitle(g, col, model);
            paintNodes(g, col, model, score, min, max);
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

    private static void paintTitle(GraphicsContext g, NetworkLayout.Column col, NetworkViewModel model) {
        ColumnSpec spec = col.spec();
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BASELINE);
        g.setFill(OUTLINE);
        g.setFont(TITLE);
        g.fillText(spec.title(), col.centerX(), 20);
        g.setFont(SUBTITLE);
        String sub = spec.subtitle();
        java.util.BitSet removed = spec.layer() == null ? null : model.removedProperty().get().get(spec.layer());
        if (removed != null && removed.cardinality() > 0) {
            sub += " · " + (spec.units() - removed.cardinality()) + " kept";
        }
        g.fillText(sub, col.centerX(), 36);
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
                    if (model.isRemoved(a.spec().layer(), from) || model.isRemoved(b.spec().layer(), to)) {
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

    private static void paintMarks(GraphicsContext g, NetworkLayout layout, NetworkPicture picture, NetworkViewModel model) {
        mark(g, layout, picture, model.hoveredProperty().get(), OUTLINE, 1.5, 2);
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
