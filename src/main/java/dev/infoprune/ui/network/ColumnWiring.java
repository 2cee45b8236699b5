package dev.infoprune.ui.network;

import dev.infoprune.model.Concat;
import dev.infoprune.model.Join;
import dev.infoprune.model.Network;
import dev.infoprune.prune.DependencyGroup;
import dev.infoprune.prune.DependencyGroups;
import dev.infoprune.prune.GroupMember;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the columns of a graph network's drawing read each other: which column a layer reads (looking through the
 * layers that are not drawn: activations, batch norms, pooling, flatten), which channels feed each channel of an add
 * or concat column, and the dependency groups that tie channels of different columns together.
 */
final class ColumnWiring {
    /** One channel feeding a join's channel: a node of an earlier column. */
    private record Feed(int column, int node) {
    }

    private final Network network;
    private final int[] columnOfLayer;
    private final Map<Integer, List<List<Feed>>> joinFeeds = new HashMap<>();
    private final List<DependencyGroup> groups;

    ColumnWiring(Network network) {
        this.network = network;
        this.columnOfLayer = new int[network.layers().size()];
        Arrays.fill(columnOfLayer, -1);
        this.groups = DependencyGroups.of(network).groups();
    }

    /**
     * Records that layer {@code layer} is drawn as column {@code column}; a join's channel feeds are traced here (a
     * channel the drawn source column does not have, after a layer that changes the channels, feeds nothing).
     */
    void place(int layer, int column, List<ColumnSpec> columns) {
        columnOfLayer[layer] = column;
        if (!(network.layer(layer) instanceof Join join)) {
            return;
        }
        int channels = network.outputShapeOf(layer)[0];
        List<List<Feed>> feeds = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            feeds.add(new ArrayList<>());
        }
        int offset = 0;
        for (int source : network.sourcesOf(layer)) {
            int from = drawnColumn(source);
            int width = (source < 0 ? network.inputShape() : network.outputShapeOf(source))[0];
            for (int c = 0; c < width; c++) {
                int to = join instanceof Concat ? offset + c : c;
                if (to < channels && c < columns.get(from).units()) {
                    feeds.get(to).add(new Feed(from, c));
                }
            }
            offset += join instanceof Concat ? width : 0;
        }
        joinFeeds.put(column, feeds);
    }

    /** The columns a layer reads, in its input order, without repeats (0 is the input column). */
    int[] drawnSources(int layer) {
        Set<Integer> columns = new LinkedHashSet<>();
        for (int source : network.sourcesOf(layer)) {
            columns.add(drawnColumn(source));
        }
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The drawn column a layer's output comes from: itself, or the nearest drawn layer behind pass-through layers. */
    private int drawnColumn(int layer) {
        int at = layer;
        while (at >= 0 && columnOfLayer[at] < 0) {
            at = network.sourcesOf(at)[0];
        }
        return at < 0 ? 0 : columnOfLayer[at];
    }

    /** A join column's edges from its left neighbour: each channel to the channel it becomes, all of strength 1. */
    NetworkPicture.Edges joinEdges(int column, int source) {
        List<Integer> from = new ArrayList<>();
        List<Integer> to = new ArrayList<>();
        List<List<Feed>> feeds = joinFeeds.get(column);
        for (int c = 0; c < feeds.size(); c++) {
            for (Feed f : feeds.get(c)) {
                if (f.column() == source) {
                    from.add(f.node());
                    to.add(c);
                }
            }
        }
        double[] strength = new double[from.size()];
        Arrays.fill(strength, 1);
        return new NetworkPicture.Edges(from.stream().mapToInt(Integer::intValue).toArray(),
                to.stream().mapToInt(Integer::intValue).toArray(), strength);
    }

    /** A join's channel is removed when every channel feeding it is. */
    boolean joinRemoved(int column, int node, Map<String, BitSet> removed, List<ColumnSpec> columns) {
        List<Feed> feeds = joinFeeds.get(column).get(node);
        if (feeds.isEmpty()) {
            return false;
        }
        for (Feed f : feeds) {
            ColumnSpec spec = columns.get(f.column());
            boolean gone = switch (spec.kind()) {
                case JOIN -> joinRemoved(f.column(), f.node(), removed, columns);
                case INPUT -> false;
                default -> removed.containsKey(spec.layer()) && removed.get(spec.layer()).get(f.node());
            };
            if (!gone) {
                return false;
            }
        }
        return true;
    }

    /** The other nodes of {@code node}'s dependency group, and the join channels they feed, in column order. */
    List<NodeId> linked(NodeId node, List<ColumnSpec> columns) {
        int column = columnIndex(node.layer(), columns);
        if (column < 0) {
            return List.of();
        }
        NodeId producer = columns.get(column).kind() == ColumnSpec.Kind.JOIN ? producerOf(column, node.index(), columns) : node;
        Set<NodeId> linked = producer == null ? new LinkedHashSet<>() : groupProducers(producer, columns);
        if (linked.isEmpty()) {
            return List.of();
        }
        for (Map.Entry<Integer, List<List<Feed>>> join : new java.util.TreeMap<>(joinFeeds).entrySet()) {
            String name = columns.get(join.getKey()).layer();
            List<List<Feed>> feeds = join.getValue();
            for (int c = 0; c < feeds.size(); c++) {
                for (Feed f : feeds.get(c)) {
                    if (linked.contains(new NodeId(columns.get(f.column()).layer(), f.node()))) {
                        linked.add(new NodeId(name, c));
                        break;
                    }
                }
            }
        }
        linked.remove(node);
        return linked.stream().sorted(java.util.Comparator.comparingInt((NodeId n) -> columnIndex(n.layer(), columns))
                .thenComparingInt(NodeId::index)).toList();
    }

    /** The first layer channel behind a join channel, looking through earlier joins; null when it is the input's. */
    private NodeId producerOf(int column, int node, List<ColumnSpec> columns) {
        for (Feed f : joinFeeds.get(column).get(node)) {
            ColumnSpec spec = columns.get(f.column());
            NodeId found = switch (spec.kind()) {
                case JOIN -> producerOf(f.column(), f.node(), columns);
                case INPUT -> null;
                default -> new NodeId(spec.layer(), f.node());
            };
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Every drawn producer of the group channel {@code producer} belongs to; empty when it is in no group. */
    private Set<NodeId> groupProducers(NodeId producer, List<ColumnSpec> columns) {
        Set<NodeId> out = new LinkedHashSet<>();
        for (DependencyGroup g : groups) {
            GroupMember own = g.member(producer.layer(), GroupMember.Role.OUTPUTS);
            int j = own == null ? -1 : indexOf(own.channels(), producer.index());
            if (j < 0) {
                continue;
            }
            for (GroupMember m : g.producers()) {
                if (columnIndex(m.layer(), columns) >= 0) {
                    out.add(new NodeId(m.layer(), m.channels()[j]));
                }
            }
        }
        return out;
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static int columnIndex(String layer, List<ColumnSpec> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (layer.equals(columns.get(i).layer())) {
                return i;
            }
        }
        return -1;
    }
}
