package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code prune --method mipp} with nothing else set (the paper's estimator, g fitted on 20 batches, x = 0.95) prunes
 * the trained {@code mlp-digits} visibly (issue 11: at least 40 % of its hidden units) without emptying a layer.
 */
class PruneMippDefaultsTest {
    @TempDir
    Path tmp;

    @Test
    void theDefaultsRemoveAtLeastFortyPercentOfMlpDigitsAndEmptyNoLayer() throws Exception {
        Path out = tmp.resolve("pruned");
        CliRun run = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "mipp", "--finetune-epochs", "0",
                "--out", out.toString());
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode plan = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
        assertThat(plan.path("settings").path("estimator").asText()).contains("fit=budget", "batches=20", "batch=256");
        int units = 0;
        int kept = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = plan.path("units").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> layer = it.next();
            int keptHere = plan.path("kept").path(layer.getKey()).size();
            assertThat(keptHere).as("units kept in " + layer.getKey()).isGreaterThan(1);
            units += layer.getValue().asInt();
            kept += keptHere;
        }
        assertThat(units).isEqualTo(192);
        assertThat(1.0 - (double) kept / units).as("share of hidden units removed").isGreaterThanOrEqualTo(0.40);
    }
}
