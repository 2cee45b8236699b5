package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code cmi} and {@code itpruner} built by name from string options, as {@code infoprune prune} gives them. */
class ComparisonMethodsByNameTest {
    private static final Network NET = PlantedNetworks.mlp(1);
    private static final Activations PROBE = PlantedNetworks.probe(NET, 2, 200);

    private static PruningPlan plan(PruningMethod m) {
        return m.plan(NET, PROBE, Progress.NONE).plan();
    }

    @Test
    void cmiOptionsMapOntoItsSettings() {
        CmiFilterPruning m = (CmiFilterPruning) MethodsByText.create("cmi", Map.of("cutoff", "KNEE", "direction",
                "independent", "alpha", "1.5", "samples", "120", "width-scale", "2", "seed", "4"));
        assertThat(m.settings()).isEqualTo(new CmiFilterPruning.Settings(CmiFilterPruning.Cutoff.KNEE, 0.95,
                CmiFilterPruning.Direction.INDEPENDENT, 1.5, 120, 2.0, 4));
        assertThat(((CmiFilterPruning) MethodsByText.create("cmi", Map.of())).settings())
                .isEqualTo(CmiFilterPruning.Settings.defaults());
        assertThat(((CmiFilterPruning) MethodsByText.create("cmi", Map.of("fraction", "0.8"))).settings().fraction())
                .isEqualTo(0.8);
    }

    @Test
    void cmiAtASparsityKeepsTheComplementShareOfEveryLayerInGreedyOrder() {
        PruningPlan byName = plan(MethodsByText.create("cmi", Map.of("sparsity", "0.75", "seed", "3")));
        PruningPlan direct = plan(new CmiFilterPruning(CmiFilterPruning.Settings.defaults()
                .withCutoff(CmiFilterPruning.Cutoff.SHARE).withFraction(0.25).withSeed(3)));
        assertThat(byName.kept()).containsOnlyKeys(direct.kept().keySet());
        direct.kept().forEach((layer, kept) -> assertThat(byName.keptIn(layer)).containsExactly(kept));
        int w1 = PlantedNetworks.width(PlantedNetworks.ORIGINALS_1);
        assertThat(byName.keptCount("fc1")).isEqualTo(Math.round(0.25f * w1));
        assertThat(byName.seed()).isEqualTo(3);
    }

    @Test
    void itPrunerAtASparsityOrAMacsFractionStaysInsideItsBudget() {
        WidthFlops flops = WidthFlops.of(NET);
        ItPrunerAllocation atSparsity = (ItPrunerAllocation) MethodsByText.create("itpruner",
                Map.of("sparsity", "0.6", "beta", "2", "batch", "100", "seed", "5"));
        assertThat(atSparsity.settings()).isEqualTo(ItPrunerAllocation.Settings.atSparsity(0.6).withBeta(2)
                .withBatch(100).withSeed(5));
        PruningPlan p = plan(atSparsity);
        PruningPlan direct = plan(new ItPrunerAllocation(atSparsity.settings()));
        direct.kept().forEach((layer, kept) -> assertThat(p.keptIn(layer)).containsExactly(kept));

        PruningPlan atMacs = plan(MethodsByText.create("itpruner", Map.of("macs", "0.3")));
        int[] kept = NET.prunableLayerNames().stream().mapToInt(atMacs::keptCount).toArray();
        assertThat(flops.macs(kept)).isLessThanOrEqualTo(0.3 * flops.fullMacs()).isGreaterThan(0.2 * flops.fullMacs());
        assertThat(((ItPrunerAllocation) MethodsByText.create("itpruner", Map.of())).settings())
                .isEqualTo(ItPrunerAllocation.Settings.atSparsity(0.5));
    }

    @Test
    void badOptionsNameTheMethodAndTheProblem() {
        assertThatThrownBy(() -> MethodsByText.create("cmi", Map.of("cutoff", "elbow"))).isInstanceOf(BadInputException.class)
                .hasMessage("--method cmi: cutoff must be one of fraction, knee, share, scree, xmeans, got elbow");
        assertThatThrownBy(() -> MethodsByText.create("cmi", Map.of("sparsity", "0.5", "cutoff", "knee")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("either sparsity or cutoff/fraction");
        assertThatThrownBy(() -> MethodsByText.create("cmi", Map.of("samples", "5")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("at least 10 probe samples");
        assertThatThrownBy(() -> MethodsByText.create("cmi", Map.of("confidence", "0.9")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown option confidence");
        assertThatThrownBy(() -> MethodsByText.create("itpruner", Map.of("sparsity", "0.5", "macs", "0.5")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("either sparsity or macs");
        assertThatThrownBy(() -> MethodsByText.create("itpruner", Map.of("macs", "1.5")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("MACs fraction must be in (0, 1]");
        assertThatThrownBy(() -> MethodsByText.create("itpruner", Map.of("batch", "2")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("batch of at least 4");
    }
}
