package dev.infoprune.engine;

import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import dev.infoprune.model.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Pruning at initialisation starts from the same architecture with fresh, seeded weights. */
class ReinitialisationTest {
    @Test
    void theSameArchitectureWithHeNormalWeightsZeroBiasesAndIdentityBatchNorm() {
        Network trained = SampleModels.load("lenet5-fashion");
        Network fresh = Reinitialisation.of(trained, 7);
        assertThat(fresh.layers()).hasSameSizeAs(trained.layers());
        assertThat(fresh.parameterCount()).isEqualTo(trained.parameterCount());
        assertThat(fresh.normalization()).isEqualTo(trained.normalization());
        assertThat(fresh.card().testAccuracy()).isNull();
        assertThat(fresh.card().epochs()).isEqualTo(trained.card().epochs());
        boolean sawConv = false;
        for (int i = 0; i < fresh.layers().size(); i++) {
            Layer l = fresh.layers().get(i);
            assertThat(l.name()).isEqualTo(trained.layers().get(i).name());
            if (l instanceof Dense d) {
                assertThat(d.bias().data()).containsOnly(0f);
                boolean last = i == fresh.layers().size() - 1;
                assertThat(std(d.weight())).as(d.name()).isCloseTo(Math.sqrt((last ? 1.0 : 2.0) / d.in()), within(0.1 * Math.sqrt(2.0 / d.in())));
                assertThat(d.weight().data()).isNotEqualTo(((Dense) trained.layers().get(i)).weight().data());
            } else if (l instanceof Conv2d c) {
                sawConv = true;
                assertThat(c.bias().data()).containsOnly(0f);
                int fanIn = c.in() * c.kernel() * c.kernel();
                assertThat(std(c.weight())).as(c.name()).isCloseTo(Math.sqrt(2.0 / fanIn), within(0.15 * Math.sqrt(2.0 / fanIn)));
            } else if (l instanceof BatchNorm b) {
                assertThat(b.weight().data()).containsOnly(1f);
                assertThat(b.bias().data()).containsOnly(0f);
                assertThat(b.runningMean().data()).containsOnly(0f);
                assertThat(b.runningVar().data()).containsOnly(1f);
            }
        }
        assertThat(sawConv).isTrue();
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        Network trained = SampleModels.load("mlp-digits");
        Network a = Reinitialisation.of(trained, 3);
        assertThat(a.sameWeightsAs(Reinitialisation.of(trained, 3))).isTrue();
        assertThat(a.sameWeightsAs(Reinitialisation.of(trained, 4))).isFalse();
        assertThat(a.sameWeightsAs(trained)).isFalse();
    }

    private static double std(Tensor t) {
        double sum = 0;
        double sq = 0;
        for (float v : t.data()) {
            sum += v;
            sq += (double) v * v;
        }
        double mean = sum / t.data().length;
        return Math.sqrt(sq / t.data().length - mean * mean);
    }
}
