package dev.infoprune.study;

import dev.infoprune.engine.Evaluation;
import dev.infoprune.prune.PlanSummary;
import dev.infoprune.prune.PruningPlan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class CollapseFrequencyTest {
    private static final Evaluation E = new Evaluation(10, 0.5, 1.0);

    /** A run leaving fc1 and fc2 (10 units each) with {@code a} and {@code b} units. */
    private static MethodResult run(String method, long seed, int a, int b) {
        PlanSummary widths = new PlanSummary(List.of(new PlanSummary.LayerWidth("fc1", 10, a),
                new PlanSummary.LayerWidth("fc2", 10, b)), 20, a + b);
        return new MethodResult(method, "own", seed, Double.NaN, new PruningPlan(method, Map.of(), 1, Map.of()), widths,
                0, 0, E, E, List.of(), 0, 0);
    }

    private static ExperimentResult of(List<MethodResult> runs) {
        return new ExperimentResult("m", "d", ExperimentSpec.Mode.SWEEP, List.of("fc1", "fc2"), new int[] {10, 10}, 0, 0,
                E, 1, 1, 1, 0, 0.01, 1, null, runs, 0);
    }

    @Test
    void binsEveryRunByItsSparsityAndCountsTheCollapsedOnes() {
        List<MethodResult> runs = new ArrayList<>();
        runs.add(run("top", 1, 1, 9));   // 0.50, fc1 collapsed
        runs.add(run("top", 2, 5, 5));   // 0.50
        runs.add(run("top", 1, 0, 2));   // 0.90 exactly: fc1 emptied
        runs.add(run("top", 2, 1, 1));   // 0.90: both collapsed
        runs.add(run("mipp", 1, 4, 4));  // 0.60
        CollapseFrequency f = CollapseFrequency.of(of(runs));

        assertThat(f.methods()).containsExactly("top", "mipp");
        List<CollapseFrequency.Bin> top = f.of("top");
        assertThat(top).extracting(CollapseFrequency.Bin::label).containsExactly("[0.5, 0.6)", "[0.9, 1.0]");
        assertThat(top).extracting(CollapseFrequency.Bin::runs).containsExactly(2, 2);
        assertThat(top).extracting(CollapseFrequency.Bin::share).containsExactly(0.5, 1.0);
        assertThat(top.get(0).perLayer()).isEqualTo(Map.of("fc1", 1));
        assertThat(top.get(1).perLayer()).isEqualTo(Map.of("fc1", 2, "fc2", 1));
        assertThat(f.of("mipp")).singleElement().satisfies(b -> {
            assertThat(b.label()).isEqualTo("[0.6, 0.7)");
            assertThat(b.collapsed()).isZero();
            assertThat(b.perLayer()).isEmpty();
        });
        assertThat(f.percentages().get("top")).containsExactly(entry("[0.5, 0.6)", 50.0),
                entry("[0.6, 0.7)", null), entry("[0.9, 1.0]", 100.0));
        assertThat(f.percentages().get("mipp").get("[0.6, 0.7)")).isZero();
    }

    @Test
    void isWorthShowingOnlyWhenAMethodRanMoreThanOnce() {
        assertThat(CollapseFrequency.worthShowing(of(List.of(run("a", 1, 5, 5), run("b", 1, 5, 5))))).isFalse();
        assertThat(CollapseFrequency.worthShowing(of(List.of(run("a", 1, 5, 5), run("a", 2, 5, 5))))).isTrue();
    }

    @Test
    void sparsitiesAHairBelowAnEdgeCountAsOnIt() {
        assertThat(CollapseFrequency.binOf(1 - 10.0 / 100)).isEqualTo(9);
        assertThat(CollapseFrequency.binOf(0.0)).isZero();
        assertThat(CollapseFrequency.binOf(1.0)).isEqualTo(9);
        assertThat(CollapseFrequency.binOf(0.599)).isEqualTo(5);
    }
}
