package dev.infoprune.prune;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Random plans on every bundled sample model: the shrunk network computes what the masked one does (outputs
 * through the engine's DJL inference, on random inputs of the model's input shape, to 1e-5).
 */
class SampleModelSurgeryTest {
    static final int INPUTS = 40;
    static final int PLANS = 3;

    @Test
    void shrunkOutputsEqualMaskedOutputsOnEverySampleModel() {
        List<String> names = SampleModels.names();
        assertThat(names).isNotEmpty();
        for (String name : names) {
            Network net = SampleModels.load(name);
            Random r = new Random(name.hashCode());
            float[] x = new float[INPUTS * net.inputSize()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            for (int p = 0; p < PLANS; p++) {
                PruningPlan plan = TestPlans.random(net, name.hashCode() * 31L + p);
                Network shrunk = Surgery.apply(net, plan);
                assertThat(shrunk.parameterCount()).as(name).isLessThanOrEqualTo(net.parameterCount());
                Matrix a = Inference.outputsOfRawInputs(shrunk, x, INPUTS, name, Progress.NONE);
                Matrix b = Inference.outputsOfRawInputs(Masking.apply(net, plan), x, INPUTS, name, Progress.NONE);
                double spread = 0;
                for (int i = 0; i < a.data().length; i++) {
                    assertThat(a.data()[i]).as("%s plan %d output %d", name, p, i).isCloseTo(b.data()[i], within(1e-5));
                    spread = Math.max(spread, Math.abs(b.data()[i] - b.data()[0]));
                }
                assertThat(spread).as("%s gives varied outputs, so the comparison can fail", name).isGreaterThan(1e-3);
            }
        }
    }
}
