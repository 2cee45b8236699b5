package dev.infoprune.prune.mipp;

import dev.infoprune.prune.MethodsByText;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.KsgEstimator;
import dev.infoprune.model.Network;
import dev.infoprune.prune.PlantedNetworks;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.prune.PruningPlan;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MIPP with the k-nearest-neighbour estimator on the planted network. KSG underestimates the information of
 * many dimensions, so removing a unit can raise the estimate (Δ < 0) even when the unit carries something; on
 * this network it therefore also drops some ordinary units (see docs/pruning.md). What it must get right:
 * every dead and ignored unit goes, a duplicate pair never keeps both copies, and runs are reproducible.
 */
class MippKsgTest {
    static final Network NET = PlantedNetworks.mlp(3);
    static final Activations PROBE = PlantedNetworks.probe(NET, 14, 600);

    @Test
    void ksgMippRemovesEveryPlantedUnitAndNeverKeepsBothCopiesAndIsReproducible() {
        Mipp mipp = (Mipp) MethodsByText.create("mipp", Map.of("estimator", "ksg", "seed", "1"));
        MippRun run = mipp.start(NET, PROBE);
        List<Step> steps = run.runToEnd(Progress.NONE);
        PruningPlan plan = run.plan();
        assertThat(steps).hasSize(PlantedNetworks.width(PlantedNetworks.ORIGINALS_1) + PlantedNetworks.width(PlantedNetworks.ORIGINALS_2));
        assertThat(run.trace().estimator()).isEqualTo(new KsgEstimator().spec().describe());
        for (String layer : List.of("fc1", "fc2")) {
            int originals = layer.equals("fc1") ? PlantedNetworks.ORIGINALS_1 : PlantedNetworks.ORIGINALS_2;
            Set<Integer> kept = Arrays.stream(plan.keptIn(layer)).boxed().collect(Collectors.toSet());
            assertThat(kept).as(layer).isNotEmpty().doesNotContainAnyElementsOf(PlantedNetworks.planted(originals));
            for (int k = 0; k < 2; k++) {
                assertThat(kept.contains(k) && kept.contains(PlantedNetworks.duplicates(originals) + k))
                        .as("%s keeps both unit %d and its copy", layer, k).isFalse();
            }
            // and it keeps most of the ordinary units
            long ordinary = kept.stream().filter(u -> u < PlantedNetworks.dead(originals)).count();
            assertThat(ordinary).as(layer).isGreaterThanOrEqualTo(originals / 2);
        }
        // a dead unit is decided without an estimate: exactly zero on every subsample
        Step dead = steps.stream().filter(s -> s.layer().equals("fc2") && s.unit() == PlantedNetworks.dead(PlantedNetworks.ORIGINALS_2))
                .findFirst().orElseThrow();
        assertThat(dead.deltas()).containsOnly(0.0);
        assertThat(dead.decision()).isEqualTo(Decision.PRUNE);

        List<Step> again = ((Mipp) MethodsByText.create("mipp", Map.of("estimator", "ksg", "seed", "1")))
                .start(NET, PROBE).runToEnd(Progress.NONE);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(again.get(i).sameOutcome(steps.get(i))).as("step %d", i).isTrue();
        }
    }
}
