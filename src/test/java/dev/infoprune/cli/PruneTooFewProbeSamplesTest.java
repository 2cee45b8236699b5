package dev.infoprune.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code infoprune prune --method mipp} on a probe sample too small for the estimator: one line, exit 2, nothing written. */
class PruneTooFewProbeSamplesTest {
    @TempDir
    Path tmp;

    private static String lastLine(String err) {
        String[] lines = err.replace('\r', '\n').split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void theGaussianEstimateOnTooFewSamplesIsOneLineNamingHowManyItNeeds() {
        Path out = tmp.resolve("pruned");
        // mlp-digits: fc2 has 64 units and 10 outputs follow; 74 variables need 75 rows per 80% subsample, 94 samples
        CliRun run = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "mipp", "--estimator", "gaussian", "--probe-samples", "40",
                "--out", out.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(lastLine(run.err())).isEqualTo("infoprune: probe samples: MIPP needs at least 94 probe samples, got 40: "
                + "the bias-corrected gaussian estimate of layer fc2 (64 units against the 10 outputs) needs more samples "
                + "in each subsample (80% of the probe samples) than variables (74). Use more probe samples or a larger "
                + "subsample share.");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void ksgWithNoMoreSamplesThanNeighboursIsOneLineToo() {
        CliRun run = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "mipp", "--estimator", "ksg",
                "-o", "estimator.k=20", "--probe-samples", "20", "--out", tmp.resolve("k").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(lastLine(run.err())).isEqualTo("infoprune: probe samples: MIPP needs at least 26 probe samples, got 20: "
                + "the ksg estimate with k = 20 needs more samples in each subsample (80% of the probe samples) than k. "
                + "Use more probe samples, a larger subsample share or a smaller k.");
        assertThat(run.err()).doesNotContain("Exception");
    }
}
