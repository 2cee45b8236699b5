package dev.infoprune.prune;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IterativeCmiPruningTest {
    private static Dataset data(int n) {
        Random r = new Random(11);
        float[] x = new float[n * 64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(4);
            for (int p = 0; p < 64; p++) {
                x[i * 64 + p] = (float) ((p % 4 == y[i] ? 1.5 : 0) + r.nextGaussian());
            }
        }
        return new Dataset("planted", new int[] {1, 8, 8}, x, y, RandomNetworks.classes(4));
    }

    @Test
    void prunesOneConvLayerAtATimeRetrainingInBetweenAndMapsTheKeptUnitsBack() {
        Network net = RandomNetworks.cnn(3, 1, 8, 8, 4);
        Dataset probe = data(80);
        List<List<Integer>> widthsSeen = new ArrayList<>();
        IterativeCmiPruning.Retraining count = (n, p) -> {
            widthsSeen.add(n.prunableLayerNames().stream().map(l -> n.layer(n.indexOf(l)).units()).toList());
            return n;
        };
        CmiFilterPruning.Settings s = CmiFilterPruning.Settings.defaults().withSamples(60).withAlpha(2)
                .withCutoff(CmiFilterPruning.Cutoff.SHARE).withFraction(0.5);
        IterativeCmiPruning.Result res = new IterativeCmiPruning(s, probe, count).run(net, Progress.NONE);
        assertThat(res.steps()).extracting(IterativeCmiPruning.Step::layer).containsExactly("conv1", "conv2");
        assertThat(res.steps()).extracting(IterativeCmiPruning.Step::kept).containsExactly(2, 3);
        // retrained after each layer, each time with that layer already narrowed; fc1 untouched (conv only)
        assertThat(widthsSeen).containsExactly(List.of(2, 5, 7), List.of(2, 3, 7));
        assertThat(res.plan().keptIn("fc1")).hasSize(7);
        assertThat(res.plan().settings()).containsEntry("iterative", true);
        // with a retraining that changes nothing, the result is the original network cut by the plan's indices
        assertThat(res.network().sameWeightsAs(Surgery.apply(net, res.plan()))).isTrue();
    }

    @Test
    void withoutTheTrainingSplitTheIterativeModeIsRefused() {
        CmiFilterPruning cmi = (CmiFilterPruning) MethodsByText.create("cmi", java.util.Map.of("iterative-epochs", "2"));
        assertThat(cmi.iterativeEpochs()).isEqualTo(2);
        Network net = RandomNetworks.cnn(3, 1, 8, 8, 4);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cmi.plan(net, null, Progress.NONE).plan())
                .isInstanceOf(dev.infoprune.core.BadInputException.class).hasMessageContaining("infoprune prune");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MethodsByText.create("cmi",
                java.util.Map.of("iterative-epochs", "-1"))).hasMessageContaining("iterative-epochs");
    }
}
