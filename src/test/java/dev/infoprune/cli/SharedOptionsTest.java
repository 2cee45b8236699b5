package dev.infoprune.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** An option that several commands take says the same thing, with the same default, in each of them. */
class SharedOptionsTest {
    private static final List<String> SHARED = List.of("--data", "--split-seed", "--probe-samples", "--estimator",
            "--finetune-epochs", "--lr", "--overwrite", "--json");

    private static Map<String, Set<String>> texts(List<String> names, Set<String> commands) {
        Map<String, Set<String>> texts = new TreeMap<>();
        for (Map.Entry<String, CommandLine> c : InfoPruneCli.commandLine().getSubcommands().entrySet()) {
            if (!commands.contains(c.getKey())) {
                continue;
            }
            for (OptionSpec o : c.getValue().getCommandSpec().options()) {
                boolean trainingRate = c.getKey().equals("train") && o.longestName().equals("--lr"); // not fine-tuning's
                if (names.contains(o.longestName()) && !trainingRate) {
                    texts.computeIfAbsent(o.longestName(), k -> new TreeSet<>())
                            .add(o.longestName().equals("--finetune-epochs") // the one default each command chooses
                                    ? String.join(" ", o.description()).replaceAll("\\(default \\d+\\)", "")
                                    : String.join(" ", o.description()) + " | default " + o.defaultValue());
                }
            }
        }
        return texts;
    }

    @Test
    void eachSharedOptionHasOneTextAndOneDefault() {
        Map<String, Set<String>> texts = texts(SHARED, Set.of("prune", "compare", "scores", "mi", "evaluate", "datasets",
                "models", "info", "predict", "train"));
        assertThat(texts.keySet()).containsAll(SHARED);
        texts.forEach((option, seen) -> assertThat(seen).as(option).hasSize(1));
        // elsewhere --out is a file or a model folder
        assertThat(texts(List.of("--out"), Set.of("prune", "compare")).get("--out")).hasSize(1);
    }

    @Test
    void theRunSeedIsTheSameOptionWhereverItIsNotTheOldSpellingOfTheSplitSeed() {
        Map<String, Set<String>> texts = texts(List.of("--seed"), Set.of("prune", "compare", "scores"));
        assertThat(texts.get("--seed")).hasSize(1);
        assertThat(texts.get("--seed").iterator().next()).contains("not the split").endsWith("default 0");
    }

    @Test
    void theOldSpellingsStillWork() {
        CliRun old = CliRun.of("datasets", "wine", "--seed", "3", "--json");
        CliRun current = CliRun.of("datasets", "wine", "--split-seed", "3", "--json");
        assertThat(old.status()).isZero();
        assertThat(old.out()).isEqualTo(current.out());
        assertThat(CliRun.of("evaluate", "mlp-digits", "--data", "digits", "--seed", "4", "--json").json().path("seed")
                .asLong()).isEqualTo(4);
    }

    @Test
    void tooFewProbeSamplesAreRefusedBeforeAnyWork() {
        CliRun run = CliRun.of("scores", "mlp-digits", "--data", "digits", "--samples", "5");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("infoprune: --probe-samples: needs at least 10 samples, got 5" + System.lineSeparator());
    }
}
