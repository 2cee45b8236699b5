package dev.infoprune.data;

import dev.infoprune.model.Normalization;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NormalizationsTest {
    @Test
    void tabularInputsGetOneMeanAndStandardDeviationPerFeature() {
        // columns: (1, 3, 5) mean 3 std sqrt(8/3); (10, 10, 10) constant; (0, 0, 6) mean 2 std sqrt(8)
        Dataset d = new Dataset("t", new int[] {3}, new float[] {1, 10, 0, 3, 10, 0, 5, 10, 6}, new int[] {0, 1, 0},
                List.of("a", "b"));
        Normalization n = Normalizations.fit(d);
        assertThat(n.mean()).containsExactly(3f, 10f, 2f);
        assertThat(n.std()[0]).isCloseTo((float) Math.sqrt(8.0 / 3), within(1e-6f));
        assertThat(n.std()[1]).isEqualTo(1f);
        assertThat(n.std()[2]).isCloseTo((float) Math.sqrt(8), within(1e-6f));
        Dataset z = d.normalized(n);
        assertThat(z.row(1)).containsExactly(0f, 0f, -2 / (float) Math.sqrt(8));
    }

    @Test
    void imageInputsGetOneGlobalPair() {
        Dataset d = new Dataset("i", new int[] {1, 2, 2}, new float[] {0, 2, 4, 6, 8, 10, 12, 14}, new int[] {0, 1},
                List.of("a", "b"));
        Normalization n = Normalizations.fit(d);
        assertThat(n.mean()).containsExactly(7f);
        assertThat(n.std()[0]).isCloseTo((float) Math.sqrt(21), within(1e-6f));
        Dataset z = d.normalized(n);
        double mean = 0;
        double sq = 0;
        for (float v : z.features()) {
            mean += v;
            sq += v * v;
        }
        assertThat(mean / 8).isCloseTo(0, within(1e-6));
        assertThat(sq / 8).isCloseTo(1, within(1e-6));
    }

    @Test
    void aConstantImageIsOnlyCentred() {
        Dataset d = new Dataset("c", new int[] {1, 1, 2}, new float[] {3, 3, 3, 3}, new int[] {0, 0}, List.of("a"));
        Normalization n = Normalizations.fit(d);
        assertThat(n.mean()).containsExactly(3f);
        assertThat(n.std()).containsExactly(1f);
    }
}
