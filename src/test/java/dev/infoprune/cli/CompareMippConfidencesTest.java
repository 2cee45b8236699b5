package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code compare --mipp-confidences}: MIPP once per confidence beside a sweep, and the layer-collapse table. */
class CompareMippConfidencesTest {
    @TempDir
    Path tmp;

    @Test
    void runsMippOncePerConfidenceAndReportsHowOftenEachMethodCollapsesALayer() throws Exception {
        Path out = tmp.resolve("sweep");
        CliRun run = CliRun.of("compare", "mlp-digits", "--data", "digits", "--methods", "mipp,global-topk",
                "--sweep", "0.5,0.9,0.97", "--mipp-confidences", "0.99,0.5", "--finetune-epochs", "0",
                "--option", "mipp.estimator=ridge-cv", "--out", out.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = run.json();
        List<String> rows = new ArrayList<>();
        json.path("results").forEach(r -> rows.add(r.path("method").asText() + " " + r.path("setting").asText()));
        assertThat(rows).containsExactly("mipp x=0.5", "mipp x=0.99", "global-topk 0.5000", "global-topk 0.9000",
                "global-topk 0.9700");
        assertThat(json.path("results").get(0).path("sparsity").asDouble())
                .as("a higher confidence prunes more").isLessThan(json.path("results").get(1).path("sparsity").asDouble());

        JsonNode collapse = json.path("collapse");
        int runs = 0;
        boolean topkCollapsesAtHighSparsity = false;
        for (JsonNode b : collapse) {
            runs += b.path("runs").asInt();
            assertThat(b.path("share").asDouble()).isEqualTo(b.path("collapsed").asDouble() / b.path("runs").asInt());
            if (b.path("method").asText().equals("global-topk") && b.path("from").asDouble() >= 0.9) {
                topkCollapsesAtHighSparsity |= b.path("collapsed").asInt() > 0 && b.path("perLayer").size() > 0;
            }
        }
        assertThat(runs).as("every run in one bin").isEqualTo(5);
        assertThat(topkCollapsesAtHighSparsity).as(collapse.toString()).isTrue();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("<h2>Layer collapse</h2>", "[0.9, 1.0]");
        assertThat(out.resolve("layer-collapse.png")).isRegularFile();
    }

    @Test
    void refusesSeveralConfidencesWhenTheOthersMatchMippsSparsity() {
        CliRun run = CliRun.of("compare", "mlp-digits", "--data", "digits", "--methods", "mipp,global-topk",
                "--mipp-confidences", "0.5,0.99", "--out", tmp.resolve("match").toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("--mipp-confidences", "--sweep");
    }

    @Test
    void refusesAConfidenceOutsideZeroToOne() {
        CliRun run = CliRun.of("compare", "mlp-digits", "--data", "digits", "--methods", "mipp,global-topk",
                "--sweep", "0.5", "--mipp-confidences", "0.5,1.5", "--out", tmp.resolve("range").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--mipp-confidences");
    }

    @Test
    void printsTheCollapseTableBesideTheRuns() {
        CliRun run = CliRun.of("compare", "mlp-digits", "--data", "digits", "--methods", "global-topk",
                "--sweep", "0.5,0.97", "--finetune-epochs", "0", "--out", tmp.resolve("text").toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Layer collapse", "[0.5, 0.6)", "[0.9, 1.0]");
    }

    @Test
    void aComparisonWithOneRunPerMethodHasNoCollapseTable() throws Exception {
        CliRun run = CliRun.of("compare", "mlp-digits", "--data", "digits", "--methods", "global-topk,random",
                "--sparsity", "0.5", "--finetune-epochs", "0", "--out", tmp.resolve("one").toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json().has("collapse")).isFalse();
        assertThat(Files.readString(tmp.resolve("one").resolve("report.html"))).doesNotContain("Layer collapse");
    }
}
