package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.engine.Reinitialisation;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import dev.infoprune.prune.PlanFiles;
import dev.infoprune.prune.PruningPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code prune --at-init}: the untrained network is pruned, then the pruned one is trained from scratch. */
class PruneAtInitTest {
    @TempDir
    Path tmp;

    @Test
    void theReinitialisedNetworkIsPrunedAndTrainedForTheWholeBudget() throws Exception {
        Path dir = tmp.resolve("at-init");
        CliRun run = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "local-magnitude", "--sparsity", "0.5",
                "--at-init", "--seed", "5", "--out", dir.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = run.json();
        Network trained = SampleModels.load("mlp-digits");
        assertThat(json.path("atInit").asBoolean()).isTrue();
        assertThat(json.path("fineTuneEpochsFrom").asText()).isEqualTo("training");
        assertThat(json.path("fineTuneEpochs").asInt()).isEqualTo(trained.card().epochs());
        assertThat(json.path("before").path("accuracy").asDouble()).as("untrained").isLessThan(0.5);
        assertThat(json.path("afterFineTuning").path("accuracy").asDouble()).as("trained from scratch").isGreaterThan(0.9);

        // the plan is the one local magnitude makes on the re-initialised network, not on the trained one
        PruningPlan plan = PlanFiles.readFor(dir.resolve("plan.json"), trained);
        Network fresh = Reinitialisation.of(trained, 5);
        PruningPlan onFresh = dev.infoprune.prune.PruningMethods.LOCAL_MAGNITUDE.create(
                dev.infoprune.prune.PruningMethods.LOCAL_MAGNITUDE.defaults().withText("sparsity", "0.5"), null)
                .plan(fresh, null, dev.infoprune.core.Progress.NONE).plan();
        assertThat(plan.keptIn("fc1")).containsExactly(onFresh.keptIn("fc1"));
        assertThat(ModelFolder.read(dir).name()).isEqualTo("mlp-digits-local-magnitude-at-init");

        CliRun given = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "random", "--sparsity", "0.5",
                "--at-init", "--finetune-epochs", "1", "--out", tmp.resolve("one").toString(), "--json");
        assertThat(given.status()).as(given.err()).isZero();
        assertThat(given.json().path("fineTuneEpochs").asInt()).isEqualTo(1);
        assertThat(given.json().path("fineTuneEpochsFrom").asText()).isEqualTo("given");
    }
}
