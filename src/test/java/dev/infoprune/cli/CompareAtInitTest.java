package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Reinitialisation;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.ExperimentResultJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code compare --at-init}: every seed prunes its own re-initialised network, which is then trained from scratch. */
class CompareAtInitTest {
    @TempDir
    Path tmp;

    @Test
    void everySeedPrunesItsOwnUntrainedNetworkAndTrainsItFromScratch() throws Exception {
        Path out = tmp.resolve("at-init");
        CliRun run = CliRun.of("compare", "mlp-digits", "--data", "digits", "--methods", "local-magnitude,random",
                "--sparsity", "0.5", "--at-init", "--seeds", "2", "--finetune-epochs", "3", "--out", out.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.path("atInit").asBoolean()).isTrue();
        Network trained = SampleModels.load("mlp-digits");
        for (JsonNode r : json.path("results")) {
            assertThat(r.path("beforeFineTuning").path("accuracy").asDouble()).as("untrained").isLessThan(0.5);
            assertThat(r.path("afterFineTuning").path("accuracy").asDouble()).as("trained from scratch")
                    .isGreaterThan(r.path("beforeFineTuning").path("accuracy").asDouble() + 0.2);
        }
        ExperimentResult read = ExperimentResultJson.read(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve("results.json").toFile()), "results.json");
        assertThat(read.atInit()).isTrue();
        for (long seed : new long[] {0, 1}) {
            PruningPlan planned = read.results().stream().filter(r -> r.method().equals("local-magnitude") && r.seed() == seed)
                    .findFirst().orElseThrow().plan();
            PruningPlan onFresh = PruningMethods.LOCAL_MAGNITUDE.create(PruningMethods.LOCAL_MAGNITUDE.defaults()
                    .withText("sparsity", "0.5"), null).plan(Reinitialisation.of(trained, seed), null, Progress.NONE).plan();
            assertThat(planned.keptIn("fc1")).as("seed " + seed).containsExactly(onFresh.keptIn("fc1"));
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("Pruned at initialisation");
    }
}
