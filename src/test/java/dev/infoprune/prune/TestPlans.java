package dev.infoprune.prune;

import dev.infoprune.model.Activation;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Dropout;
import dev.infoprune.model.Flatten;
import dev.infoprune.model.GlobalAvgPool;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random plans and extra network shapes for surgery tests. */
final class TestPlans {
    private TestPlans() {
    }

    /**
     * Keeps a random non-empty subset of every prunable layer (sometimes the whole layer, sometimes one unit); on a
     * graph, whose coupled channels must be cut together, a random {@link #groups} plan.
     */
    static PruningPlan random(Network net, long seed) {
        if (net.isGraph()) {
            return groups(net, seed);
        }
        Random r = new Random(seed);
        Map<String, int[]> kept = new LinkedHashMap<>();
        for (int li : net.prunableLayerIndices()) {
            int units = net.layer(li).units();
            int k = switch (r.nextInt(4)) {
                case 0 -> 1;
                case 1 -> units;
                default -> 1 + r.nextInt(units);
            };
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < units; i++) {
                all.add(i);
            }
            java.util.Collections.shuffle(all, r);
            kept.put(net.layer(li).name(), all.subList(0, k).stream().mapToInt(Integer::intValue).toArray());
        }
        return new PruningPlan("random-test", Map.of("seed", seed), seed, kept);
    }

    /** conv -> bn -> relu -> conv -> tanh -> global pool -> flatten -> dense -> bn1d -> relu -> dropout -> out */
    /** Keeps a random subset of every dependency group's channels (at least its first), the same in each producer. */
    static PruningPlan groups(Network net, long seed) {
        Random r = new Random(seed);
        List<DependencyGroup> groups = DependencyGroups.of(net).groups();
        List<int[]> kept = groups.stream()
                .map(g -> java.util.stream.IntStream.range(0, g.channels()).filter(j -> j == 0 || r.nextBoolean()).toArray())
                .toList();
        return new PruningPlan("group-test", Map.of(), seed, GroupPlans.kept(net, groups, kept));
    }

    static Network globalPoolCnn(long seed) {
        Random r = new Random(seed);
        List<Layer> layers = new ArrayList<>();
        layers.add(new Conv2d("c1", 2, 6, 3, 1, 1, RandomNetworks.random(r, 0.4, 6, 2, 3, 3), RandomNetworks.random(r, 0.1, 6)));
        layers.add(bn(r, "bn1", 6));
        layers.add(new Activation("r1", Activation.Kind.RELU));
        layers.add(new Conv2d("c2", 6, 5, 3, 2, 0, RandomNetworks.random(r, 0.4, 5, 6, 3, 3), RandomNetworks.random(r, 0.1, 5)));
        layers.add(new Activation("t2", Activation.Kind.TANH));
        layers.add(new GlobalAvgPool("gap"));
        layers.add(new Flatten("flat"));
        layers.add(new Dense("fc", 5, 8, RandomNetworks.random(r, 0.5, 8, 5), RandomNetworks.random(r, 0.1, 8)));
        layers.add(bn(r, "bn2", 8));
        layers.add(new Activation("r3", Activation.Kind.RELU));
        layers.add(new Dropout("d3", 0.5));
        layers.add(new Dense("out", 8, 3, RandomNetworks.random(r, 0.5, 3, 8), RandomNetworks.random(r, 0.1, 3)));
        return new Network("gap-cnn", new int[] {2, 7, 7}, RandomNetworks.classes(3), layers, Normalization.IDENTITY, ModelCard.EMPTY);
    }

    private static BatchNorm bn(Random r, String name, int c) {
        float[] var = new float[c];
        for (int i = 0; i < c; i++) {
            var[i] = 0.5f + r.nextFloat();
        }
        return new BatchNorm(name, c, 1e-5, RandomNetworks.random(r, 0.5, c), RandomNetworks.random(r, 0.2, c),
                RandomNetworks.random(r, 0.2, c), new Tensor(new int[] {c}, var));
    }

    static float[] randomInput(Random r, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }
}
