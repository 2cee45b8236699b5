package dev.infoprune.ui.network;

import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the network view draws, computed once per network off the JavaFX thread: the columns (input, every
 * dense/conv layer) and, between adjacent columns, the strongest connections. A connection's strength is the
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

    private final Network network;
    private final List<ColumnSpec> columns;
    private final List<Edges> edges;

    /** The strongest connections from column {@code gap} to column {@code gap + 1}; strength in (0, 1]. */
    public record Edges(int[] from, int[] to, double[] strength) {
        public int size() {
            return from.length;
        }
    }

    private NetworkPicture(Network network, List<ColumnSpec> columns, List<Edges> edges) {
        this.network = network;
        this.columns = List.copyOf(columns);
        this.edges = List.copyOf(edges);
    }

    public static NetworkPicture of(Network network) {
        List<ColumnSpec> columns = new ArrayList<>();
        int[] in = network.inputShape();
        boolean image = in.length == 3;
        int inputUnits = image ? in[0] : network.inputSize();
        columns.add(new ColumnSpec(null, "input", image ? in[0] + "×" + in[1] + "×" + in[2] : in[0] + " features",
                inputUnits, ColumnSpec.Kind.INPUT));
        int output = network.outputLayerIndex();
        List<Edges> edges = new ArrayList<>();
        for (int i = 0; i <= output; i++) {
            Layer layer = network.layer(i);
            if (!layer.isPrunable()) {
                continue;
            }
            boolean isOutput = i == output;
            String subtitle = layer instanceof Conv2d ? layer.units() + " filters" : layer.units() + (isOutput ? " classes" : " nodes");
            columns.add(new ColumnSpec(layer.name(), layer.name(), subtitle, layer.units(),
                    isOutput ? ColumnSpec.Kind.OUTPUT : ColumnSpec.Kind.HIDDEN));
            boolean convGap = layer instanceof Conv2d || previousIsConv(network, i);
            edges.add(strongest(strengths(network, i, columns.get(columns.size() - 2).units()),
                    convGap ? CONV_EDGES_PER_GAP : EDGES_PER_GAP));
        }
        return new NetworkPicture(network, columns, edges);
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

    public int columnOf(String layer) {
        for (int i = 0; i < columns.size(); i++) {
            if (layer.equals(columns.get(i).layer())) {
                return i;
            }
        }
        return -1;
    }
}
