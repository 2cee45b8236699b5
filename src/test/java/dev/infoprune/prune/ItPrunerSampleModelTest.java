package dev.infoprune.prune;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetFit;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ITPruner on the bundled vgg-fashion with its flattened feature maps of a small fashion-mnist batch. */
class ItPrunerSampleModelTest {
    private static Network vgg;
    private static Dataset probe;
    private static Activations means;

    @BeforeAll
    static void load() {
        vgg = SampleModels.load("vgg-fashion");
        probe = DatasetFit.fit(DatasetLocator.resolve("fashion-mnist", 1).probe(), vgg).head(64);
        means = ActivationCapture.capture(vgg, probe, Progress.NONE);
    }

    private static ItPrunerAllocation.Result run(Map<String, String> options) {
        ItPrunerAllocation method = (ItPrunerAllocation) MethodsByText.create("itpruner", options, probe);
        return method.allocate(vgg, means, Progress.NONE);
    }

    @Test
    void widthsOnVggFashionVaryWithBeta() {
        ItPrunerAllocation.Result flat = run(Map.of("macs", "0.35", "beta", "1", "batch", "64"));
        ItPrunerAllocation.Result steep = run(Map.of("macs", "0.35", "beta", "500", "batch", "64"));
        assertThat(flat.plan().settings()).containsEntry("activations", "flattened post-activation maps")
                .containsEntry("solver", "relaxed").doesNotContainKey("allocation");
        for (int i = 0; i < flat.cka().length; i++) {
            for (int j = 0; j < flat.cka().length; j++) {
                assertThat(flat.cka()[i][j]).isCloseTo(steep.cka()[i][j], org.assertj.core.api.Assertions.within(1e-9));
            }
        }
        for (ItPrunerAllocation.Result r : new ItPrunerAllocation.Result[] {flat, steep}) {
            assertThat(r.allocation().macs()).isLessThanOrEqualTo(r.budget());
            assertThat(r.budget()).isEqualTo(0.35 * WidthFlops.wholeNetwork(vgg).fullMacs());
        }
        assertThat(flat.allocation().kept()).as("beta 1 %s vs beta 500 %s", Arrays.toString(flat.allocation().kept()),
                Arrays.toString(steep.allocation().kept())).isNotEqualTo(steep.allocation().kept());
    }

    @Test
    void flattenedMapsGiveOtherSimilaritiesThanSpatialMeans() {
        ItPrunerAllocation.Result flat = run(Map.of("macs", "0.5", "batch", "64"));
        ItPrunerAllocation.Result averaged = new ItPrunerAllocation(ItPrunerAllocation.Settings.atMacsFraction(0.5)
                .withBatch(64)).allocate(vgg, means, Progress.NONE);
        assertThat(averaged.plan().settings().get("activations").toString()).startsWith("given activations");
        assertThat(Math.abs(flat.cka()[0][1] - averaged.cka()[0][1])).isGreaterThan(1e-3);
        ItPrunerAllocation.Result sampled = run(Map.of("macs", "0.5", "batch", "64", "positions", "20"));
        assertThat(sampled.plan().settings().get("activations").toString()).contains("20 seeded positions");
        assertThat(sampled.cka()[0][1]).isNotEqualTo(flat.cka()[0][1]);
    }

    @Test
    void theExactSolverStaysSelectable() {
        ItPrunerAllocation.Result exact = run(Map.of("macs", "0.35", "batch", "64", "solver", "exact"));
        ItPrunerAllocation.Result relaxed = run(Map.of("macs", "0.35", "batch", "64"));
        assertThat(exact.relaxed()).isNull();
        assertThat(exact.plan().settings()).containsEntry("solver", "exact");
        assertThat(exact.allocation().objective()).isGreaterThanOrEqualTo(relaxed.allocation().objective());
        assertThat(exact.allocation().macs()).isLessThanOrEqualTo(exact.budget());
    }
}
