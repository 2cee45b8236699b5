package dev.infoprune.prune.mipp;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.ArchitectureSpec;
import dev.infoprune.model.Network;
import dev.infoprune.prune.DependencyGroups;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.Surgery;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** MIPP on a residual network: the uncoupled convs are tested against their consumers, coupled ones kept whole. */
class MippGraphTest {
    private static final int SAMPLES = 600;
    private static final Network NET = ArchitectureSpec.parse("conv:4c3/bn-res4-res6s2-gap")
            .build("tiny-resnet", new int[] {1, 8, 8}, List.of("a", "b", "c"), 1);

    /**
     * Random activations, except that every unit of res1_conv2 (which reads res1_conv1) is a mix of res1_conv1's
     * units 0 and 2 only: units 1 and 3 carry nothing about the consumer and must go.
     */
    private static Activations planted() {
        Random random = new Random(5);
        Map<String, Matrix> byLayer = new LinkedHashMap<>();
        for (String layer : NET.prunableLayerNames()) {
            byLayer.put(layer, gaussian(random, NET.layer(NET.indexOf(layer)).units()));
        }
        Matrix first = byLayer.get("res1_conv1");
        double[] consumer = new double[SAMPLES * 4];
        for (int s = 0; s < SAMPLES; s++) {
            for (int u = 0; u < 4; u++) {
                consumer[s * 4 + u] = (u + 1) * first.get(s, 0) - (3 - u) * first.get(s, 2) + 0.05 * random.nextGaussian();
            }
        }
        byLayer.put("res1_conv2", Matrix.wrap(SAMPLES, 4, consumer));
        byLayer.put("out", gaussian(random, 3));
        return new Activations(byLayer, "out", IntStream.range(0, SAMPLES).map(s -> s % 3).toArray());
    }

    private static Matrix gaussian(Random random, int cols) {
        double[] v = new double[SAMPLES * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        return Matrix.wrap(SAMPLES, cols, v);
    }

    @Test
    void onlyTheFirstConvOfEachBlockIsTestedAgainstTheConvThatReadsIt() {
        MippRun run = MippRun.start(NET, planted(), MippSettings.gaussian().withSeed(3));
        assertThat(run.visitOrder()).containsExactly("res2_conv1", "res1_conv1");
        assertThat(run.totalSteps()).isEqualTo(6 + 4);
        run.runToEnd(Progress.NONE);
        PruningPlan plan = run.plan();
        assertThat(plan.keptIn("res1_conv1")).containsExactly(0, 2);
        for (String coupled : List.of("conv1", "res1_conv2", "res2_conv2", "res2_proj")) {
            assertThat(plan.keptCount(coupled)).as(coupled).isEqualTo(NET.layer(NET.indexOf(coupled)).units());
        }
        assertThat(run.trace().layers()).extracting(MippTrace.LayerWidth::name).containsExactly("res2_conv1", "res1_conv1");
        assertThat(run.trace().steps()).allMatch(s -> s.layer().startsWith("res") && s.layer().endsWith("_conv1"));
        assertThatCode(() -> DependencyGroups.check(NET, plan)).doesNotThrowAnyException();
        assertThat(Surgery.apply(NET, plan).layer(NET.indexOf("res1_conv1")).units()).isEqualTo(2);
    }

    @Test
    void theSameSeedGivesTheSameTrace() {
        Activations probe = planted();
        MippRun a = MippRun.start(NET, probe, MippSettings.gaussian().withSeed(3));
        MippRun b = MippRun.start(NET, probe, MippSettings.gaussian().withSeed(3));
        a.runToEnd(Progress.NONE);
        b.runToEnd(Progress.NONE);
        assertThat(a.steps()).extracting(s -> s.layer() + ":" + s.unit() + " " + s.decision() + " " + s.delta())
                .isEqualTo(b.steps().stream().map(s -> s.layer() + ":" + s.unit() + " " + s.decision() + " " + s.delta()).toList());
    }
}
