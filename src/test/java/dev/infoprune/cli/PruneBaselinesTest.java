package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import dev.infoprune.prune.PlanFiles;
import dev.infoprune.prune.PruningPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code infoprune prune --method snip | grasp | synflow | thinet}, on a dense and on a conv sample model. */
class PruneBaselinesTest {
    @TempDir
    Path tmp;

    @Test
    void theFourBaselinesPruneTheDenseAndTheConvSampleAtTheirSparsity() throws Exception {
        for (String model : new String[] {"mlp-digits", "lenet5-fashion"}) {
            Network original = SampleModels.load(model);
            String data = model.equals("mlp-digits") ? "digits" : "fashion-mnist";
            for (String method : new String[] {"snip", "grasp", "synflow", "thinet"}) {
                Path dir = tmp.resolve(model + "-" + method);
                CliRun run = CliRun.of("prune", model, "--data", data, "--method", method, "--sparsity", "0.5",
                        "--probe-samples", "200", "--finetune-epochs", "0", "--out", dir.toString(), "--json");
                assertThat(run.status()).as(model + " " + method + ": " + run.err()).isZero();
                PruningPlan plan = PlanFiles.readFor(dir.resolve("plan.json"), original);
                assertThat(plan.method()).isEqualTo(method);
                assertThat(plan.settings()).containsEntry("sparsity", 0.5);
                if (method.equals("thinet")) {
                    for (String layer : original.prunableLayerNames()) {
                        int units = original.layer(original.indexOf(layer)).units();
                        assertThat(plan.keptCount(layer)).as(model + " thinet " + layer).isEqualTo(Math.round(units / 2.0f));
                    }
                } else {
                    assertThat(plan.totalKept()).as(model + " " + method).isEqualTo(Math.round(original.hiddenUnitCount() / 2.0));
                }
                assertThat(run.json().path("hiddenAfter").asInt()).isEqualTo(plan.totalKept());
            }
        }
    }

    @Test
    void compareRunsTheFourWithTheProbeDataHandedOverLater() throws Exception {
        Path out = tmp.resolve("compare");
        CliRun run = CliRun.of("compare", "mlp-digits", "--data", "digits", "--methods", "snip,grasp,synflow,thinet",
                "--sparsity", "0.7", "--finetune-epochs", "0", "--out", out.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode results = run.json().path("results");
        assertThat(results).hasSize(4);
        for (JsonNode r : results) {
            assertThat(r.path("method").asText()).isIn("snip", "grasp", "synflow", "thinet");
        }
    }
}
