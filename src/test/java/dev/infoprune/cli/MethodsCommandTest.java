package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.prune.MethodType;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.prune.Setting;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The methods and their settings as the command line lists them: made from the registry, nothing typed twice. */
class MethodsCommandTest {
    @Test
    void methodsListsEveryMethodWithEverySettingOfTheRegistry() throws Exception {
        CliRun run = CliRun.of("methods", "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode all = run.json();
        assertThat(all.size()).isEqualTo(PruningMethods.all().size());
        for (int i = 0; i < all.size(); i++) {
            MethodType type = PruningMethods.all().get(i);
            JsonNode m = all.get(i);
            assertThat(m.path("name").asText()).isEqualTo(type.name());
            assertThat(m.path("settings").size()).isEqualTo(type.settings().size());
            for (int k = 0; k < type.settings().size(); k++) {
                Setting<?> s = type.settings().get(k);
                assertThat(m.path("settings").get(k).path("key").asText()).isEqualTo(s.key());
                assertThat(m.path("settings").get(k).path("range").asText()).isEqualTo(s.range());
            }
        }
        JsonNode confidence = all.get(0).path("settings").get(0);
        assertThat(confidence.path("key").asText()).isEqualTo("confidence");
        assertThat(confidence.path("default").asText()).isEqualTo("0.95");

        CliRun one = CliRun.of("methods", "itpruner");
        assertThat(one.status()).as(one.err()).isZero();
        assertThat(one.out()).startsWith("  itpruner: ").contains("beta").doesNotContain("confidence");
        assertThat(CliRun.of("methods", "magic").status()).isEqualTo(2);
    }

    @Test
    void pruneAndCompareHelpEndWithTheMethodsAndTheirSettings() {
        CliRun prune = CliRun.of("prune", "--help");
        assertThat(prune.out()).contains("Methods and their settings").contains("      confidence ").contains("  cmi: ");
        CliRun compare = CliRun.of("compare", "--help");
        assertThat(compare.out()).contains("Methods and their settings (--option METHOD.KEY=VALUE)");
    }
}
