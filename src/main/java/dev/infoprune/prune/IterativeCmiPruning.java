package dev.infoprune.prune;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * CMI filter pruning's iterative mode (Vu-Van et al.): the layers in scope, input side first, are pruned one at
 * a time; after each the network is retrained briefly and the next layer is ranked on the retrained network,
 * conditioned on the (already pruned) previous layer. The result is the retrained network and the plan of
 * every unit kept, in the original network's indices.
 */
public final class IterativeCmiPruning {
    /** Retrains a network briefly after one layer is pruned (e.g. one epoch of fine-tuning on the training split). */
    @FunctionalInterface
    public interface Retraining {
        Network retrain(Network network, Progress progress);
    }

    /** One layer's step: how many of its units stay. */
    public record Step(String layer, int units, int kept) {
    }

    public record Result(Network network, PruningPlan plan, List<Step> steps) {
    }

    private final CmiFilterPruning.Settings settings;
    private final Dataset probeInputs;
    private final Retraining retraining;

    /**
     * @param probeInputs the probe split (inputs and labels), fitted to the network: the maps and labels are read
     *                    from it after every step
     */
    public IterativeCmiPruning(CmiFilterPruning.Settings settings, Dataset probeInputs, Retraining retraining) {
        this.settings = settings;
        this.probeInputs = probeInputs;
        this.retraining = retraining;
    }

    public Result run(Network network, Progress progress) {
        List<String> layers = CmiFilterPruning.layersInScope(network, settings.layers());
        Map<String, int[]> original = new LinkedHashMap<>();
        for (String layer : network.prunableLayerNames()) {
            original.put(layer, IntStream.range(0, network.layer(network.indexOf(layer)).units()).toArray());
        }
        CmiFilterPruning cmi = new CmiFilterPruning(settings, probeInputs);
        Network current = network;
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String layer = layers.get(i);
            Progress slice = progress.slice((double) i / layers.size(), (i + 1.0) / layers.size());
            progress.checkCancelled();
            CmiFilterPruning.LayerSelection s = cmi.selectOne(current, labelsOnly(current), layer, slice.slice(0, 0.5));
            int[] keep = s.keptUnits();
            Map<String, int[]> plan = new LinkedHashMap<>();
            for (String l : current.prunableLayerNames()) {
                plan.put(l, l.equals(layer) ? keep
                        : IntStream.range(0, current.layer(current.indexOf(l)).units()).toArray());
            }
            steps.add(new Step(layer, current.layer(current.indexOf(layer)).units(), keep.length));
            int[] before = original.get(layer);
            int[] now = new int[keep.length];
            for (int k = 0; k < keep.length; k++) {
                now[k] = before[keep[k]];
            }
            original.put(layer, now);
            current = Surgery.apply(current, new PruningPlan(CmiFilterPruning.NAME, Map.of(), settings.seed(), plan));
            current = retraining.retrain(current, slice.slice(0.5, 1));
        }
        Map<String, Object> described = settings.asMap();
        described.put("iterative", true);
        described.put("prunedLayers", List.copyOf(layers));
        return new Result(current, new PruningPlan(CmiFilterPruning.NAME, described, settings.seed(), original), steps);
    }

    /**
     * The labels of the probe split as activations the ranking reads (it only needs the labels and the sample
     * count when it captures the maps itself): one zero column per prunable and output layer.
     */
    private Activations labelsOnly(Network network) {
        Map<String, dev.infoprune.core.Matrix> m = new LinkedHashMap<>();
        int n = probeInputs.size();
        for (String l : network.prunableLayerNames()) {
            m.put(l, dev.infoprune.core.Matrix.wrap(n, 1, new double[n]));
        }
        String out = network.layer(network.outputLayerIndex()).name();
        m.put(out, dev.infoprune.core.Matrix.wrap(n, 1, new double[n]));
        return new Activations(m, out, probeInputs.labels());
    }
}
