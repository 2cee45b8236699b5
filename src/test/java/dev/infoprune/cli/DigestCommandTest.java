package dev.infoprune.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code infoprune digest} (the generator of docs/results.md) on tiny inputs: the pinned one-seed comparison, and a
 * three-seed copy of it whose fine-tuned accuracies are set so that MIPP wins against one method, ties with one and
 * loses against one.
 */
class DigestCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static ObjectNode pinned() throws IOException {
        try (InputStream in = DigestCommandTest.class.getResourceAsStream("/pins/compare.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    /** The pinned comparison run with seeds 0, 1, 2, each method's fine-tuned accuracy per seed as given. */
    private static ObjectNode threeSeeds(Map<String, double[]> accuracies) throws IOException {
        ObjectNode doc = pinned();
        ArrayNode one = (ArrayNode) doc.get("results");
        ArrayNode all = JSON.createArrayNode();
        for (int seed = 0; seed < 3; seed++) {
            for (int i = 0; i < one.size(); i++) {
                ObjectNode run = one.get(i).deepCopy();
                run.put("seed", seed);
                ((ObjectNode) run.get("afterFineTuning")).put("accuracy", accuracies.get(run.get("method").asText())[seed]);
                all.add(run);
            }
        }
        doc.set("results", all);
        doc.put("seeds", 3);
        return doc;
    }

    private Path folder(String name, ObjectNode doc, String command) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("results").resolve(name));
        JSON.writeValue(dir.resolve("results.json").toFile(), doc);
        if (command != null) {
            Files.writeString(dir.resolve("command.txt"), command + "\n");
        }
        return dir;
    }

    @Test
    void thePageHasEveryComparisonsTableSeedsVerdictsAndTheTally() throws IOException {
        Path single = folder("one-seed", pinned(), "infoprune compare mlp-digits --data digits --methods mipp,random");
        Path seeds = folder("three-seeds", threeSeeds(Map.of(
                "mipp", new double[] {0.95, 0.96, 0.97},
                "local-magnitude", new double[] {0.90, 0.91, 0.92},
                "random", new double[] {0.955, 0.96, 0.965},
                "global-topk", new double[] {0.99, 0.995, 1.0})), null);
        Path intro = Files.writeString(tmp.resolve("intro.md"), "Conditions shared by every run.");
        Path page = tmp.resolve("results.md");
        CliRun run = CliRun.of("digest", single.toString(), seeds.toString(), "--out", page.toString(), "--title",
                "Results on tiny inputs", "--intro", intro.toString(), "--note", "Took 1 min.");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("from 2 comparisons");
        String md = Files.readString(page);
        assertThat(md).startsWith("# Results on tiny inputs\n").contains("Conditions shared by every run.")
                .contains("```\ninfoprune compare mlp-digits --data digits --methods mipp,random\n```")
                .contains("[Full report](results/one-seed/report.html)")
                .contains("![accuracy against sparsity](results/three-seeds/accuracy-vs-sparsity.png)")
                .contains("CKA (HSIC normalised").endsWith("Took 1 min.\n");
        // three seeds: mean ± sd and every seed's value
        assertThat(md).contains("| mipp | own | 3.13 % ± 0.00 | ").contains("| 96.00 % ± 1.00 | 95.00 % / 96.00 % / 97.00 % |");
        assertThat(md).contains("* **MIPP better** against local-magnitude at 3.13 %: MIPP (own) 96.00 % ± 1.00 vs 91.00 % ± 1.00 (+5.00 points)\n")
                .contains("* tie against random at 3.13 %")
                .contains("* **MIPP worse** against global-topk at 3.13 %");
        // one seed: 98.89 against 98.61 is within a point
        assertThat(md).contains("* tie against local-magnitude at 3.13 %: MIPP (own) 98.89 % ± 0.00 vs 98.61 % ± 0.00 (+0.28 points) (one seed)");
        assertThat(md).contains("| **all** | **1** | **4** | **1** |");
        assertThat(md).contains("Layer collapse (runs that left a layer with at most one unit)");
    }

    @Test
    void itprunerIsJudgedAgainstUniformWidthAtTheSameSettingWithItsMacsShown() throws IOException {
        ObjectNode doc = threeSeeds(Map.of(
                "mipp", new double[] {0.95, 0.96, 0.97},
                "local-magnitude", new double[] {0.90, 0.91, 0.92},
                "random", new double[] {0.95, 0.955, 0.96},
                "global-topk", new double[] {0.90, 0.905, 0.91}));
        for (var run : doc.get("results")) {
            if (run.get("method").asText().equals("random")) {
                ((ObjectNode) run).put("method", "itpruner").put("macs", 16000);
            }
        }
        Path dir = folder("itpruner", doc, null);
        Path page = tmp.resolve("results.md");
        CliRun run = CliRun.of("digest", dir.toString(), "--out", page.toString());
        assertThat(run.status()).as(run.err()).isZero();
        String md = Files.readString(page);
        assertThat(md).contains("Hidden layers: fc1 128, fc2 64.").contains("| method | setting | sparsity | MACs | widths (seed 0) |")
                .contains("| itpruner | matched | 3.13 % ± 0.00 | 16,000 | ")
                .contains("| local-magnitude | matched | 3.13 % ± 0.00 | 16,244 | ");
        // 95.50 ± 0.50 against 91.00 ± 1.00 over three seeds: more than twice the standard error apart
        assertThat(md).contains("* **itpruner better** at setting matched: itpruner 95.50 % ± 0.50 (MACs 16,000) vs "
                + "local-magnitude 91.00 % ± 1.00 (MACs 16,244), +4.50 points");
        assertThat(md).contains("## ITPruner's allocation against uniform width")
                .contains("| itpruner better | tie | itpruner worse |").contains("| **all** | **1** | **0** | **0** |");
    }

    @Test
    void redrawWritesTheChartsAndReportFromResultsJsonAndKeepsTheResults() throws IOException {
        Path dir = folder("redrawn", pinned(), "infoprune compare mlp-digits --data digits --methods mipp,random");
        Files.writeString(dir.resolve("seconds.txt"), "12\n");
        String before = Files.readString(dir.resolve("results.json"));
        CliRun run = CliRun.of("digest", dir.toString(), "--out", tmp.resolve("r.md").toString(), "--redraw");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(dir.resolve("accuracy-vs-sparsity.png")).isNotEmptyFile();
        assertThat(dir.resolve("report.html")).content().contains("<html");
        assertThat(dir.resolve("results.csv")).content().contains("mipp");
        assertThat(JSON.readTree(dir.resolve("results.json").toFile())).isEqualTo(JSON.readTree(before));
        assertThat(dir.resolve("seconds.txt")).hasContent("12\n");
        assertThat(Files.readString(tmp.resolve("r.md"))).contains("![accuracy against sparsity](results/redrawn/accuracy-vs-sparsity.png)");
    }

    @Test
    void aFolderWithoutResultsIsOneMessageNamingTheFile() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        CliRun run = CliRun.of("digest", empty.toString(), "--out", tmp.resolve("r.md").toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains(empty.resolve("results.json").toString()).contains("file not found");
        assertThat(tmp.resolve("r.md")).doesNotExist();
    }

    @Test
    void jsonSaysWhatWasWritten() throws IOException {
        Path dir = folder("one", pinned(), null);
        CliRun run = CliRun.of("digest", dir.toString(), "--out", tmp.resolve("r.md").toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.json().path("comparisons").asInt()).isEqualTo(1);
        assertThat(run.json().path("out").asText()).isEqualTo(tmp.resolve("r.md").toString());
        assertThat(Files.readString(tmp.resolve("r.md"))).contains("## mlp-digits on digits");
    }

    @Test
    void aDamagedResultsFileNamesItselfAndThePlace() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(dir.resolve("results.json"), "{\"format\": \"infoprune-comparison\", ");
        CliRun run = CliRun.of("digest", dir.toString(), "--out", tmp.resolve("r.md").toString());
        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains(dir.resolve("results.json").toString()).contains("not valid JSON");
    }
}
