package dev.infoprune.ui.network;

import java.util.ArrayList;
import java.util.List;

/**
 * Where every node of a {@link NetworkPicture} is drawn, in world coordinates (the view's size at zoom 1):
 * columns left to right (TensorFlow Playground's layout), each a stack of circles while they fit, else a
 * dense strip of square cells filled top to bottom, column after column. Immutable; also what tests read
 * to check the drawing.
 */
public final class NetworkLayout {
    static final double TOP = 52;
    /** Room for the colour legend under the columns. */
    static final double BOTTOM = 96;
    static final double SIDE = 24;
    static final double MAX_RADIUS = 13;
    /** Below this radius circles are unreadable and the column becomes a strip of cells. */
    static final double MIN_RADIUS = 4.5;
    static final double MAX_CELL = 12;

    private final double width;
    private final double height;
    private final List<Column> columns;

    /** One column: its centre, and per node the top-left corner and the side of its square (or circle's box). */
    public record Column(ColumnSpec spec, double centerX, boolean circles, double size, double[] x, double[] y) {
        public int nodes() {
            return x.length;
        }

        public double left() {
            double min = Double.POSITIVE_INFINITY;
            for (double v : x) {
                min = Math.min(min, v);
            }
            return x.length == 0 ? centerX : min;
        }

        public double right() {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                max = Math.max(max, v);
            }
            return x.length == 0 ? centerX : max + size;
        }

        public double nodeCenterX(int node) {
            return x[node] + size / 2;
        }

        public double nodeCenterY(int node) {
            return y[node] + size / 2;
        }
    }

    /** A node of the drawing: column index and the node's index in its layer. */
    public record NodeRef(int column, int node) {
    }

    private NetworkLayout(double width, double height, List<Column> columns) {
        this.width = width;
        this.height = height;
        this.columns = List.copyOf(columns);
    }

    public static NetworkLayout compute(List<ColumnSpec> specs, double width, double height) {
        int n = specs.size();
        double usableW = Math.max(1, width - 2 * SIDE);
        double spacing = usableW / Math.max(1, n);
        double maxStripWidth = Math.max(8, spacing * 0.5);
        double availH = Math.max(20, height - TOP - BOTTOM);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            ColumnSpec spec = specs.get(c);
            double cx = SIDE + spacing * (c + 0.5);
            columns.add(column(spec, cx, availH, maxStripWidth));
        }
        return new NetworkLayout(width, height, columns);
    }

    private static Column column(ColumnSpec spec, double cx, double availH, double maxStripWidth) {
        int units = spec.units();
        double[] x = new double[units];
        double[] y = new double[units];
        double slot = availH / Math.max(1, units);
        double radius = Math.min(MAX_RADIUS, slot * 0.4);
        if (radius >= MIN_RADIUS) {
            double pitch = Math.min(slot, MAX_RADIUS * 2.9);
            double top = TOP + (availH - pitch * units) / 2;
            for (int i = 0; i < units; i++) {
                x[i] = cx - radius;
                y[i] = top + pitch * i + pitch / 2 - radius;
            }
            return new Column(spec, cx, true, 2 * radius, x, y);
        }
        double cell = Math.min(MAX_CELL, Math.sqrt(availH * maxStripWidth / Math.max(1, units)));
        int rows;
        int cols;
        while (true) {
            rows = Math.max(1, (int) Math.floor(availH / cell));
            cols = (units + rows - 1) / rows;
            if (cols * cell <= maxStripWidth || cell <= 0.5) {
                break;
            }
            cell *= 0.95;
        }
        rows = (units + cols - 1) / cols;
        double left = cx - cols * cell / 2;
        double top = TOP + (availH - rows * cell) / 2;
        for (int i = 0; i < units; i++) {
            x[i] = left + (i / rows) * cell;
            y[i] = top + (i % rows) * cell;
        }
        return new Column(spec, cx, false, cell, x, y);
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    public List<Column> columns() {
        return columns;
    }

    public Column column(int index) {
        return columns.get(index);
    }

    /** The node under a world-coordinate point, or null. */
    public NodeRef nodeAt(double wx, double wy) {
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            double slack = col.circles() ? 2 : 0;
            if (wx < col.left() - slack || wx > col.right() + slack) {
                continue;
            }
            double s = col.size();
            for (int i = 0; i < col.nodes(); i++) {
                double dx = wx - col.x()[i];
                double dy = wy - col.y()[i];
                if (dx >= -slack && dx <= s + slack && dy >= -slack && dy <= s + slack) {
                    return new NodeRef(c, i);
                }
            }
        }
        return null;
    }
}
