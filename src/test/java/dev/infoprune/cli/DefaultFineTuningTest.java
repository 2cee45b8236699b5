package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The default fine-tuning budget retrains a pruned network until it is back where it started (issue 14). */
class DefaultFineTuningTest {
    @TempDir
    Path tmp;

    @Test
    void localMagnitudeAtHalfSparsityRecoversWithinOnePointWithTheCardsBudget() {
        CliRun run = CliRun.of("compare", "mlp-digits", "--data", "digits", "--methods", "local-magnitude",
                "--sparsity", "0.5", "--out", tmp.resolve("c").toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.path("fineTuneEpochsFrom").asText()).isEqualTo("card");
        assertThat(json.path("fineTuneEpochs").asInt()).isEqualTo(20); // two thirds of the card's 30
        assertThat(json.path("lrSchedule").asText()).isEqualTo("cosine");
        double unpruned = json.path("unpruned").path("test").path("accuracy").asDouble();
        double tuned = json.path("results").get(0).path("afterFineTuning").path("accuracy").asDouble();
        assertThat(tuned).isGreaterThanOrEqualTo(unpruned - 0.01);
    }

    @Test
    void givenEpochsOverrideTheCardAndTheReportSaysSo() {
        CliRun run = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "random", "--sparsity", "0.5",
                "--finetune-epochs", "1", "--lr-schedule", "constant", "--out", tmp.resolve("p").toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json().path("fineTuneEpochs").asInt()).isEqualTo(1);
        assertThat(run.json().path("fineTuneEpochsFrom").asText()).isEqualTo("given");
        assertThat(run.json().path("lrSchedule").asText()).isEqualTo("constant");
        assertThat(run.json().path("afterFineTuning").isObject()).isTrue();
    }

    @Test
    void anUnknownScheduleIsRefused() {
        CliRun run = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "random", "--lr-schedule", "step",
                "--out", tmp.resolve("q").toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("--lr-schedule");
    }
}
