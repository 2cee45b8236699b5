package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.Network;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The groups of channels of a network (chain or graph) that must be pruned together (the dependency-graph idea of
 * structural pruning): a residual add ties the channels it sums, a depthwise conv and a BatchNorm tie their input
 * channels to their output channels, a concat places each input's channels at an offset of its output, and
 * element-wise layers (activations, pooling, dropout, flatten) pass channels through. A chain has one uncoupled group
 * per prunable layer. Channels tied to the network's input, to the output layer or through a grouped (not depthwise)
 * convolution are in no group: they cannot be pruned.
 */
public final class DependencyGroups {
    private record Key(int layer, GroupMember.Role role) {
    }

    private static final Comparator<Key> KEY_ORDER = Comparator.comparingInt(Key::layer).thenComparing(Key::role);

    private final Network network;
    private final List<DependencyGroup> groups;

    private DependencyGroups(Network network, List<DependencyGroup> groups) {
        this.network = network;
        this.groups = List.copyOf(groups);
    }

    public static DependencyGroups of(Network network) {
        ChannelTracer tracer = ChannelTracer.trace(network);
        BitSet fixed = tracer.fixedRoots();
        Map<Integer, Map<Key, List<Integer>>> channels = new LinkedHashMap<>();
        for (ChannelTracer.Touch t : tracer.touches()) {
            int root = tracer.root(t.node());
            if (!fixed.get(root)) {
                channels.computeIfAbsent(root, r -> new TreeMap<>(KEY_ORDER))
                        .computeIfAbsent(new Key(t.layer(), t.role()), k -> new ArrayList<>()).add(t.index());
            }
        }
        Map<List<Key>, List<Map<Key, List<Integer>>>> bySignature = new LinkedHashMap<>();
        for (Map<Key, List<Integer>> channel : channels.values()) {
            bySignature.computeIfAbsent(List.copyOf(channel.keySet()), s -> new ArrayList<>()).add(channel);
        }
        List<DependencyGroup> groups = new ArrayList<>();
        bySignature.forEach((signature, members) -> {
            DependencyGroup g = group(network, signature, members);
            if (g != null) {
                groups.add(g);
            }
        });
        groups.sort(Comparator.<DependencyGroup>comparingInt(g -> network.indexOf(g.producers().get(0).layer()))
                .thenComparingInt(g -> g.producers().get(0).offset()));
        return new DependencyGroups(network, groups);
    }

    /** One group from channels joined to the same members, ordered by the first producer; null when irregular. */
    private static DependencyGroup group(Network network, List<Key> signature, List<Map<Key, List<Integer>>> channels) {
        Key first = signature.stream().filter(k -> k.role() == GroupMember.Role.OUTPUTS).findFirst().orElseThrow();
        channels.sort(Comparator.comparingInt(c -> c.get(first).get(0)));
        List<GroupMember> members = new ArrayList<>();
        for (Key key : signature) {
            int span = channels.get(0).get(key).size();
            int[] starts = new int[channels.size()];
            for (int j = 0; j < starts.length; j++) {
                List<Integer> indices = channels.get(j).get(key);
                starts[j] = indices.get(0);
                for (int s = 0; s < indices.size(); s++) {
                    // one channel reaching a layer twice (an add of a tensor with a shifted copy of itself) is not modelled
                    if (indices.size() != span || indices.get(s) != starts[j] + s) {
                        return null;
                    }
                }
            }
            members.add(new GroupMember(network.layer(key.layer()).name(), key.role(), starts, span));
        }
        return new DependencyGroup(channels.size(), members);
    }

    /** All groups, ordered by their first producing layer (input side first). */
    public List<DependencyGroup> groups() {
        return groups;
    }

    /** The groups a layer belongs to, in any role. */
    public List<DependencyGroup> groupsOf(String layer) {
        return groups.stream().filter(g -> g.members().stream().anyMatch(m -> m.layer().equals(layer))).toList();
    }

    /** Refuses a plan that keeps different channels in two members of one group, or prunes a channel in no group. */
    public static void check(Network network, PruningPlan plan) {
        of(network).check(plan);
    }

    public void check(PruningPlan plan) {
        String source = "plan of " + plan.method();
        PlanValidation.checkStructure(plan, network, source);
        Map<String, BitSet> prunable = new HashMap<>();
        for (DependencyGroup g : groups) {
            String reference = null;
            BitSet referenceKept = null;
            for (GroupMember m : g.members()) {
                boolean cut = m.role() == GroupMember.Role.OUTPUTS
                        || m.role() == GroupMember.Role.CHANNELWISE && plan.kept().containsKey(m.layer());
                if (!cut) {
                    continue;
                }
                m.channelsStream().forEach(prunable.computeIfAbsent(m.layer(), l -> new BitSet())::set);
                BitSet kept = keptGroupChannels(m, plan.keptIn(m.layer()));
                if (reference == null) {
                    reference = m.layer();
                    referenceKept = kept;
                } else if (!kept.equals(referenceKept)) {
                    throw new BadInputException(source, "layers " + reference + " and " + m.layer() + " are coupled ("
                            + g + ") and must keep the same channels of it, but " + reference + " keeps group channels "
                            + referenceKept + " and " + m.layer() + " keeps " + kept);
                }
            }
        }
        plan.kept().forEach((layer, kept) -> requirePrunable(source, layer, kept, prunable.get(layer)));
    }

    private void requirePrunable(String source, String layer, int[] kept, BitSet prunable) {
        BitSet removed = new BitSet();
        removed.set(0, network.layer(network.indexOf(layer)).units());
        for (int k : kept) {
            removed.clear(k);
        }
        if (prunable != null) {
            removed.andNot(prunable);
        }
        if (!removed.isEmpty()) {
            throw new BadInputException(source, "the plan removes channels " + removed + " of layer " + layer
                    + ", which are tied to the network's input or output, pass a grouped convolution, or are read or made by "
                    + "a channel slice or shuffle, and cannot be pruned");
        }
    }

    private static BitSet keptGroupChannels(GroupMember m, int[] kept) {
        int[] channels = m.channels();
        BitSet out = new BitSet();
        if (kept == null) {
            out.set(0, channels.length);
            return out;
        }
        BitSet keptSet = new BitSet();
        for (int k : kept) {
            keptSet.set(k);
        }
        for (int j = 0; j < channels.length; j++) {
            if (keptSet.get(channels[j])) {
                out.set(j);
            }
        }
        return out;
    }
}
