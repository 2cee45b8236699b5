package dev.infoprune.ui.network;

import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Join;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * What the network view draws, computed once per network off the JavaFX thread: the columns (input, every
 * dense/conv layer, in a graph every add and concat), between adjacent columns the strongest connections, and the
 * skips between columns that are not neighbours. A connection's strength is the
 * L1 norm of the weights joining the two units (a whole kernel between conv filters; the {@code h·w} weights a
 * flattened filter feeds into a dense node).
 */
public final class NetworkPicture {
    /** How many of the strongest connections between two columns are kept for drawing. */
    public static final int EDGES_PER_GAP = 120;
    /**
     * Between conv layers (and from the last conv layer into the dense layer) fewer: a pair of filters is joined
     * by a whole kernel, and many thin crossing lines between small filter stacks are clutter that costs redraw time.
     */
    public static final int CONV_EDGES_PER_GAP = 48;

    private static final Edges NO_EDGES = new Edges(new int[0], new int[0], new double[0]);

    private final Network network;
    private final List<ColumnSpec> columns;
    private final List<Edges> edges;
    private final List<Skip> skips;
    private final ColumnWiring wiring;

    /** The strongest connections from column {@code gap} to column {@code gap + 1}; strength in (0, 1]. */
    public record Edges(int[] from, int[] to, double[] strength) {
        public int size() {
            return from.length;
        }
    }

    /**
     * A connection between columns that are not neighbours (a residual branch skipping the columns between them),
     * drawn as one arc around those columns: column {@code to} reads the {@code channels} of column {@code from}.
     */
    public record Skip(int from, int to, int channels) {
    }

    private NetworkPicture(Network network, List<ColumnSpec> columns, List<Edges> edges, List<Skip> skips,
                           ColumnWiring wiring) {
        this.network = network;
        this.columns = List.copyOf(columns);
        this.edges = List.copyOf(edges);
        this.skips = List.copyOf(skips);
        this.wiring = wiring;
    }

    /**
     * Columns in the network's (topological) layer order: the input, every dense/conv layer and, in a graph, every
     * add and concat. A column gets edges from its left neighbour when it reads it; every other column it reads is
     * a {@link Skip}.
     */
    public static NetworkPicture of(Network network) {
        List<ColumnSpec> columns = new ArrayList<>();
        int[] in = network.inputShape();
        boolean image = in.length == 3;
        int inputUnits = image ? in[0] : network.inputSize();
        columns.add(new ColumnSpec(null, "input", image ? in[0] + "×" + in[1] + "×" + in[2] : in[0] + " features",
                inputUnits, ColumnSpec.Kind.INPUT));
        int output = network.outputLayerIndex();
        List<Edges> edges = new ArrayList<>();
        List<Skip> skips = new ArrayList<>();
        ColumnWiring wiring = network.isGraph() ? new ColumnWiring(network) : null;
        for (int i = 0; i <= output; i++) {
            Layer layer = network.layer(i);
            boolean join = layer instanceof Join;
            if (!layer.isPrunable() && !join) {
                continue;
            }
            columns.add(join ? joinColumn(network, i) : layerColumn(network, i, i == output));
            int column = columns.size() - 1;
            if (wiring == null) {
                edges.add(layerEdges(network, i, columns.get(column - 1).units()));
                continue;
            }
            wiring.place(i, column, columns);
            Edges gap = NO_EDGES;
            for (int source : wiring.drawnSources(i)) {
                if (source == column - 1) {
                    gap = join ? wiring.joinEdges(column, source) : layerEdges(network, i, columns.get(source).units());
                } else {
                    skips.add(new Skip(source, column, columns.get(source).units()));
                }
            }
            edges.add(gap);
        }
        return new NetworkPicture(network, columns, edges, skips, wiring);
    }

    private static ColumnSpec layerColumn(Network network, int index, boolean isOutput) {
        Layer layer = network.layer(index);
        String subtitle = layer instanceof Conv2d ? layer.units() + " filters" : layer.units() + (isOutput ? " classes" : " nodes");
        return new ColumnSpec(layer.name(), layer.name(), subtitle, layer.units(),
                isOutput ? ColumnSpec.Kind.OUTPUT : ColumnSpec.Kind.HIDDEN);
    }

    private static ColumnSpec joinColumn(Network network, int index) {
        Layer layer = network.layer(index);
        int channels = network.outputShapeOf(index)[0];
        return new ColumnSpec(layer.name(), layer.name(), layer.type() + " · " + channels, channels, ColumnSpec.Kind.JOIN);
    }

    private static Edges layerEdges(Network network, int index, int previousUnits) {
        Layer layer = network.layer(index);
        boolean convGap = layer instanceof Conv2d || previousIsConv(network, index);
        double[][] s = layer instanceof Conv2d c && c.groups() > 1 ? groupedStrengths(c) : strengths(network, index, previousUnits);
        return strongest(s, convGap ? CONV_EDGES_PER_GAP : EDGES_PER_GAP);
    }

    /** A grouped (e.g. depthwise) conv: each filter reads only its group's input channels. */
    private static double[][] groupedStrengths(Conv2d conv) {
        int perGroupIn = conv.in() / conv.groups();
        int perGroupOut = conv.out() / conv.groups();
        float[] data = conv.weight().data();
        int fanIn = conv.weight().sliceSize();
        double[][] s = new double[conv.out()][conv.in()];
        for (int u = 0; u < conv.out(); u++) {
            int firstInput = (u / perGroupOut) * perGroupIn;
            for (int k = 0; k < fanIn; k++) {
                s[u][firstInput + k / (fanIn / perGroupIn)] += Math.abs(data[u * fanIn + k]);
            }
        }
        return s;
    }

    /** |w| summed per (unit, previous column's unit), as a matrix [units][previousUnits]. */
    private static double[][] strengths(Network network, int layerIndex, int previousUnits) {
        Layer layer = network.layer(layerIndex);
        Tensor w = layer instanceof Dense d ? d.weight() : ((Conv2d) layer).weight();
        int units = w.dim(0);
        int fanIn = w.sliceSize();
        int group = Math.max(1, fanIn / previousUnits);
        double[][] s = new double[units][previousUnits];
        float[] data = w.data();
        for (int u = 0; u < units; u++) {
            int base = u * fanIn;
            for (int k = 0; k < fanIn; k++) {
                int p = Math.min(previousUnits - 1, k / group);
                s[u][p] += Math.abs(data[base + k]);
            }
        }
        return s;
    }

    private static boolean previousIsConv(Network network, int layerIndex) {
        for (int j = layerIndex - 1; j >= 0; j--) {
            Layer l = network.layer(j);
            if (l.isPrunable()) {
                return l instanceof Conv2d;
            }
        }
        return false;
    }

    private static Edges strongest(double[][] s, int limit) {
        int units = s.length;
        int prev = units == 0 ? 0 : s[0].length;
        int total = units * prev;
        int keep = Math.min(limit, total);
        double[] all = new double[total];
        for (int u = 0; u < units; u++) {
            System.arraycopy(s[u], 0, all, u * prev, prev);
        }
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double threshold = keep == 0 ? Double.POSITIVE_INFINITY : sorted[total - keep];
        double max = total == 0 ? 1 : Math.max(sorted[total - 1], 1e-12);
        int[] from = new int[keep];
        int[] to = new int[keep];
        double[] strength = new double[keep];
        int n = 0;
        for (int i = 0; i < total && n < keep; i++) {
            if (all[i] >= threshold) {
                from[n] = i % prev;
                to[n] = i / prev;
                strength[n] = all[i] / max;
                n++;
            }
        }
        return new Edges(Arrays.copyOf(from, n), Arrays.copyOf(to, n), Arrays.copyOf(strength, n));
    }

    public Network network() {
        return network;
    }

    public List<ColumnSpec> columns() {
        return columns;
    }

    /** Edges between column {@code gap} and {@code gap + 1}. */
    public Edges edges(int gap) {
        return edges.get(gap);
    }

    /** The connections drawn as arcs around the columns between their ends (none in a chain). */
    public List<Skip> skips() {
        return skips;
    }

    /** True when the network is a graph (adds, concats): join columns and skips may be drawn. */
    public boolean isGraph() {
        return wiring != null;
    }

    /**
     * Whether a node is drawn as removed: a layer's unit when the removed map says so; a join's channel when every
     * channel feeding it is (a group pruned in all its members removes the sum too).
     */
    public boolean isRemoved(int column, int node, Map<String, BitSet> removed) {
        ColumnSpec spec = columns.get(column);
        if (spec.kind() == ColumnSpec.Kind.JOIN) {
            return wiring.joinRemoved(column, node, removed, columns);
        }
        BitSet b = spec.layer() == null ? null : removed.get(spec.layer());
        return b != null && b.get(node);
    }

    /**
     * The nodes that must be pruned with {@code node}: the other producers of its channel in its dependency group
     * ({@link DependencyGroups}) and the add/concat channels they feed. Empty in a chain and for a channel in no group.
     */
    public List<NodeId> linkedTo(NodeId node) {
        if (wiring == null || node == null) {
            return List.of();
        }
        return wiring.linked(node, columns);
    }

    public int columnOf(String layer) {
        for (int i = 0; i < columns.size(); i++) {
            if (layer.equals(columns.get(i).layer())) {
                return i;
            }
        }
        return -1;
    }
}
