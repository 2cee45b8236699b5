package dev.infoprune.info;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpdInverseTest {
    @Test
    void timesTheMatrixGivesTheIdentityAndAnIndefiniteMatrixHasNone() {
        Random r = new Random(2);
        int d = 60;
        int n = 80;
        double[] x = new double[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        double[] a = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < n; k++) {
                    a[i * d + j] += x[k * d + i] * x[k * d + j] / n;
                }
            }
        }
        double[] inv = SpdInverse.of(a, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += a[i * d + k] * inv[k * d + j];
                }
                assertThat(s).isCloseTo(i == j ? 1 : 0, within(1e-9));
            }
        }
        assertThat(SpdInverse.of(new double[] {1, 2, 2, 1}, 2)).isNull();
    }
}
