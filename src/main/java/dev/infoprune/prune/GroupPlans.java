package dev.infoprune.prune;

import dev.infoprune.model.Network;

import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Plans for graph networks made group by group ({@link DependencyGroups}): a group's channel scores the sum of its
 * producers' unit scores, and the plan keeps a group's chosen channels in every producer, so it is group-consistent by
 * construction. A producer's channels in no group (tied to the input or output) are kept.
 */
final class GroupPlans {
    private GroupPlans() {
    }

    /** Per group, each channel's score summed over the group's producers; {@code unitScores} by layer index. */
    static List<double[]> summedScores(Network network, List<DependencyGroup> groups, IntFunction<double[]> unitScores) {
        Map<Integer, double[]> byLayer = new HashMap<>();
        return groups.stream().map(g -> {
            double[] sum = new double[g.channels()];
            for (GroupMember p : g.producers()) {
                double[] s = byLayer.computeIfAbsent(network.indexOf(p.layer()), unitScores::apply);
                int[] channels = p.channels();
                for (int j = 0; j < sum.length; j++) {
                    sum[j] += s[channels[j]];
                }
            }
            return sum;
        }).toList();
    }

    /**
     * The plan's kept units when every group channel of the network is ranked together by the sum of its producers'
     * unit scores ({@code unitScores} by layer index): the best {@code budget} kept, at least {@code minPerGroup} (and
     * at least one) of every group.
     */
    static Map<String, int[]> rankedTogether(Network network, List<DependencyGroup> groups,
                                             IntFunction<double[]> unitScores, int budget, int minPerGroup) {
        List<boolean[]> keep = GlobalAllocation.keep(summedScores(network, groups, unitScores), budget,
                Math.max(1, minPerGroup));
        return kept(network, groups, keep.stream().map(k -> java.util.stream.IntStream.range(0, k.length)
                .filter(j -> k[j]).toArray()).toList());
    }

    /** {@code kept} in prunable layer order, with every layer it leaves out keeping all its units. */
    static Map<String, int[]> everyLayer(Network network, Map<String, int[]> kept) {
        Map<String, int[]> ordered = new LinkedHashMap<>();
        for (String layer : network.prunableLayerNames()) {
            int[] k = kept.get(layer);
            ordered.put(layer, k != null ? k : allUnits(network, layer).stream().toArray());
        }
        return ordered;
    }

    /** The number of channels of all groups: what a global budget counts on a graph. */
    static int channels(List<DependencyGroup> groups) {
        return groups.stream().mapToInt(DependencyGroup::channels).sum();
    }

    /** The plan's kept units per producing layer (prunable layer order) from each group's kept channels. */
    static Map<String, int[]> kept(Network network, List<DependencyGroup> groups, List<int[]> keptChannels) {
        Map<String, BitSet> kept = new HashMap<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            BitSet keptInGroup = new BitSet();
            for (int j : keptChannels.get(gi)) {
                keptInGroup.set(j);
            }
            DependencyGroup g = groups.get(gi);
            for (GroupMember p : g.producers()) {
                BitSet units = kept.computeIfAbsent(p.layer(), l -> allUnits(network, l));
                int[] channels = p.channels();
                for (int j = 0; j < channels.length; j++) {
                    if (!keptInGroup.get(j)) {
                        units.clear(channels[j]);
                    }
                }
            }
        }
        Map<String, int[]> plan = new LinkedHashMap<>();
        for (String layer : network.prunableLayerNames()) {
            if (kept.containsKey(layer)) {
                plan.put(layer, kept.get(layer).stream().toArray());
            }
        }
        return plan;
    }

    private static BitSet allUnits(Network network, String layer) {
        BitSet all = new BitSet();
        all.set(0, network.layer(network.indexOf(layer)).units());
        return all;
    }
}
