package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins what {@code prune --method mipp} and {@code compare} decide for fixed seeds, so that refactoring the pipeline
 * cannot change a plan, a trace or a measured accuracy by a single bit. The pinned files (src/test/resources/pins)
 * were written by the commands below before the typed pipeline replaced the string-option one; only wall-clock
 * fields are left out of the comparison. Regenerate them only for a deliberate change of behaviour, and say so.
 */
class PipelinePinTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CLOCK_FIELDS = Set.of("elapsedMs", "seconds", "planSeconds", "fineTuneSeconds", "out");

    @TempDir
    Path tmp;

    @Test
    void mippAtItsDefaultsPlansAndTracesExactlyAsPinned() throws IOException {
        Path dir = tmp.resolve("pruned");
        CliRun run = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "mipp",
                "--finetune-epochs", "0", "--out", dir.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(withoutClocks(run.json())).isEqualTo(pinned("prune-mipp.json"));
        assertThat(withoutClocks(JSON.readTree(dir.resolve("plan.json").toFile()))).isEqualTo(pinned("prune-mipp-plan.json"));
        assertThat(withoutClocks(JSON.readTree(dir.resolve("trace.json").toFile()))).isEqualTo(pinned("prune-mipp-trace.json"));
    }

    @Test
    void compareGivesExactlyThePinnedPlansAndAccuracies() throws IOException {
        Path dir = tmp.resolve("comparison");
        CliRun run = CliRun.of("compare", "mlp-digits", "--data", "digits", "--methods", "mipp,local-magnitude,random,global-topk",
                "--option", "mipp.estimator=ridge-cv", "--finetune-epochs", "1", "--lr-schedule", "constant", "--out", dir.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(withoutClocks(JSON.readTree(dir.resolve("results.json").toFile()))).isEqualTo(pinned("compare.json"));
    }

    private static JsonNode pinned(String name) throws IOException {
        try (InputStream in = PipelinePinTest.class.getResourceAsStream("/pins/" + name)) {
            assertThat(in).as("pinned file " + name).isNotNull();
            return withoutClocks(JSON.readTree(in));
        }
    }

    /** The document without wall-clock fields (and the output path), at any depth. */
    static JsonNode withoutClocks(JsonNode node) {
        if (node instanceof ObjectNode o) {
            ObjectNode copy = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!CLOCK_FIELDS.contains(e.getKey())) {
                    copy.set(e.getKey(), withoutClocks(e.getValue()));
                }
            }
            return copy;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = JSON.createArrayNode();
            a.forEach(n -> copy.add(withoutClocks(n)));
            return copy;
        }
        return node;
    }
}
