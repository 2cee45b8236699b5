package dev.infoprune.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code compare --seeds} and the {@code M@mipp} controls refuse what cannot run, naming the option. */
class CompareControlsOptionTest {
    @TempDir
    Path tmp;

    @Test
    void aControlWithoutMippIsRefused() {
        CliRun run = CliRun.of("compare", "mlp-digits", "--data", "digits", "--methods", "random,random@mipp",
                "--sparsity", "0.5", "--out", tmp.resolve("a").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--methods", "random@mipp", "mipp must be among the methods");
    }

    @Test
    void aControlWithoutASelectionRuleIsRefused() {
        CliRun run = CliRun.of("compare", "mlp-digits", "--data", "digits", "--methods", "mipp,global-topk@mipp",
                "--out", tmp.resolve("b").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("random@mipp and local-magnitude@mipp");
    }

    @Test
    void noSeedsIsRefused() {
        CliRun run = CliRun.of("compare", "mlp-digits", "--data", "digits", "--methods", "random", "--sparsity", "0.5",
                "--seeds", "0", "--out", tmp.resolve("c").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--seeds");
    }
}
