package dev.infoprune.ui.network;

import java.util.ArrayList;
import java.util.Arrays;
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

    /** In a graph: title rows (alternating, so that long layer names fit), then the band of skip arcs. */
    static final double GRAPH_TITLE_ROWS = 66;
    /** Vertical distance between two arcs' lanes. */
    static final double LANE = 11;
    /** An add or concat column takes this share of a layer column's width. */
    static final double JOIN_WEIGHT = 0.55;

    private final double width;
    private final double height;
    private final List<Column> columns;
    private final List<Arc> arcs;
    private final boolean graph;
    private final boolean titled;

    /**
     * One column: its centre, per node the top-left corner and the side of its square (or circle's box), and the
     * baseline of its title (the subtitle sits under it).
     */
    public record Column(ColumnSpec spec, double centerX, boolean circles, double size, double[] x, double[] y,
                         double titleY) {
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

    /**
     * A skip drawn around the columns between its ends: up from the top of column {@code skip.from()} at
     * {@code fromX} to the lane at height {@code laneY} (above every node), across, and down onto the top of
     * column {@code skip.to()}.
     */
    public record Arc(NetworkPicture.Skip skip, double fromX, double fromY, double toX, double toY, double laneY) {
    }

    private NetworkLayout(double width, double height, List<Column> columns, List<Arc> arcs, boolean graph, boolean titled) {
        this.width = width;
        this.height = height;
        this.columns = List.copyOf(columns);
        this.arcs = List.copyOf(arcs);
        this.graph = graph;
        this.titled = titled;
    }

    /** The layout of a chain's columns (no joins, no skips). */
    public static NetworkLayout compute(List<ColumnSpec> specs, double width, double height) {
        return compute(specs, List.of(), width, height, false);
    }

    /** The layout of a picture: a chain's as {@link #compute(List, double, double)}, a graph's with its arcs. */
    public static NetworkLayout compute(NetworkPicture picture, double width, double height) {
        return compute(picture.columns(), picture.skips(), width, height, false);
    }

    /**
     * A small drawing's layout (Compare's thumbnails, which write their own one-row titles and have no legend): a
     * chain's as {@link #compute(NetworkPicture, double, double)}, a graph's untitled, with its arcs near the top.
     */
    public static NetworkLayout thumbnail(NetworkPicture picture, double width, double height) {
        return compute(picture.columns(), picture.skips(), width, height, true);
    }

    private static NetworkLayout compute(List<ColumnSpec> specs, List<NetworkPicture.Skip> skips, double width,
                                         double height, boolean thumbnail) {
        int n = specs.size();
        boolean graph = !skips.isEmpty() || specs.stream().anyMatch(s -> s.kind() == ColumnSpec.Kind.JOIN);
        int[] lanes = lanes(skips);
        int laneCount = Arrays.stream(lanes).max().orElse(-1) + 1;
        double bandBottom = (thumbnail ? TOP : GRAPH_TITLE_ROWS) + laneCount * LANE;
        double top = graph ? bandBottom + 12 : TOP;
        // a graph's legend has a row more (pruned together, skip); a thumbnail has none
        double bottom = !graph ? BOTTOM : thumbnail ? 8 : BOTTOM + 18;
        double[] weights = new double[n];
        for (int c = 0; c < n; c++) {
            weights[c] = specs.get(c).kind() == ColumnSpec.Kind.JOIN ? JOIN_WEIGHT : 1;
        }
        double usableW = Math.max(1, width - 2 * SIDE);
        double spacing = usableW / Math.max(1e-9, n == 0 ? 1 : Arrays.stream(weights).sum());
        double availH = Math.max(20, height - top - bottom);
        List<Column> columns = new ArrayList<>();
        double before = 0;
        for (int c = 0; c < n; c++) {
            ColumnSpec spec = specs.get(c);
            double cx = SIDE + spacing * (before + weights[c] / 2);
            before += weights[c];
            double titleY = graph && c % 2 == 1 ? 44 : graph ? 16 : 20;
            columns.add(column(spec, cx, top, availH, Math.max(8, spacing * weights[c] * 0.5), titleY));
        }
        List<Arc> arcs = new ArrayList<>();
        for (int k = 0; k < skips.size(); k++) {
            NetworkPicture.Skip skip = skips.get(k);
            Column a = columns.get(skip.from());
            Column b = columns.get(skip.to());
            // leaving a column a little right of its centre, an arc does not run on one that arrives there
            arcs.add(new Arc(skip, a.centerX() + 4, topOf(a, top), b.centerX(), topOf(b, top), bandBottom - lanes[k] * LANE));
        }
        return new NetworkLayout(width, height, columns, arcs, graph, !(graph && thumbnail));
    }

    private static double topOf(Column col, double top) {
        return (col.nodes() == 0 ? top : col.y()[0]) - 3;
    }

    /**
     * A lane per skip, so that arcs whose column ranges overlap (ends included) never share one; shorter skips
     * get the lower lanes, so an arc nested in a longer one stays under it without crossing.
     */
    private static int[] lanes(List<NetworkPicture.Skip> skips) {
        int[] lane = new int[skips.size()];
        Integer[] order = new Integer[skips.size()];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, java.util.Comparator.comparingInt((Integer k) -> skips.get(k).to() - skips.get(k).from())
                .thenComparingInt(k -> skips.get(k).from()));
        List<List<NetworkPicture.Skip>> taken = new ArrayList<>();
        for (int k : order) {
            NetworkPicture.Skip s = skips.get(k);
            int l = 0;
            while (l < taken.size() && taken.get(l).stream().anyMatch(t -> t.from() <= s.to() && s.from() <= t.to())) {
                l++;
            }
            if (l == taken.size()) {
                taken.add(new ArrayList<>());
            }
            taken.get(l).add(s);
            lane[k] = l;
        }
        return lane;
    }

    private static Column column(ColumnSpec spec, double cx, double topY, double availH, double maxStripWidth, double titleY) {
        int units = spec.units();
        double[] x = new double[units];
        double[] y = new double[units];
        double slot = availH / Math.max(1, units);
        double radius = Math.min(MAX_RADIUS, slot * 0.4);
        if (radius >= MIN_RADIUS) {
            double pitch = Math.min(slot, MAX_RADIUS * 2.9);
            double top = topY + (availH - pitch * units) / 2;
            for (int i = 0; i < units; i++) {
                x[i] = cx - radius;
                y[i] = top + pitch * i + pitch / 2 - radius;
            }
            return new Column(spec, cx, true, 2 * radius, x, y, titleY);
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
        double top = topY + (availH - rows * cell) / 2;
        for (int i = 0; i < units; i++) {
            x[i] = left + (i / rows) * cell;
            y[i] = top + (i % rows) * cell;
        }
        return new Column(spec, cx, false, cell, x, y, titleY);
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

    /** The skip arcs (none for a chain). */
    public List<Arc> arcs() {
        return arcs;
    }

    /** False for a graph's thumbnail: too many narrow columns for titles, which its caption replaces. */
    public boolean titled() {
        return titled;
    }

    /** True for a graph's layout: smaller, alternating titles and room for arcs above the nodes. */
    public boolean graph() {
        return graph;
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
