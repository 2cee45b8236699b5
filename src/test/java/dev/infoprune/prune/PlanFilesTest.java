package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanFilesTest {
    @TempDir
    Path dir;

    private final Network net = RandomNetworks.mlp(1, 5, 8, 6, 3);

    private PruningPlan plan() {
        Map<String, int[]> kept = new LinkedHashMap<>();
        kept.put("fc1", new int[] {7, 0, 3});
        kept.put("fc2", new int[] {2});
        return new PruningPlan("mipp", Map.of("confidence", 0.95, "estimator", "gaussian", "repeats", 5), 42, kept);
    }

    @Test
    void roundTripsEverything() throws Exception {
        Path f = dir.resolve("plan.json");
        PlanFiles.write(plan(), net, f);
        PruningPlan back = PlanFiles.readFor(f, net);
        assertThat(back.method()).isEqualTo("mipp");
        assertThat(back.seed()).isEqualTo(42);
        assertThat(back.settings()).containsEntry("confidence", 0.95).containsEntry("estimator", "gaussian")
                .containsEntry("repeats", 5);
        assertThat(back.kept().keySet()).containsExactly("fc1", "fc2");
        assertThat(back.keptIn("fc1")).containsExactly(0, 3, 7);
        assertThat(back.keptIn("fc2")).containsExactly(2);
        String text = Files.readString(f);
        assertThat(text).contains("\"format\" : \"infoprune-plan\"").contains("\"units\"");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("plan.json");
        }
    }

    private Path writeRaw(String json) throws Exception {
        Path f = dir.resolve("bad-plan.json");
        Files.writeString(f, json);
        return f;
    }

    private static String planJson(String kept) {
        return "{\"format\":\"infoprune-plan\",\"version\":1,\"method\":\"x\",\"seed\":1,\"settings\":{},\"kept\":" + kept + "}";
    }

    @Test
    void rejectsAnUnknownLayerNamingTheFile() throws Exception {
        Path f = writeRaw(planJson("{\"fc9\":[0]}"));
        assertThatThrownBy(() -> PlanFiles.readFor(f, net)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(f.toString() + ": ").hasMessageContaining("fc9").hasMessageContaining("fc1, fc2");
    }

    @Test
    void rejectsTheOutputLayer() throws Exception {
        Path f = writeRaw(planJson("{\"out\":[0]}"));
        assertThatThrownBy(() -> PlanFiles.readFor(f, net)).hasMessageContaining("output layer").hasMessageContaining(f.toString());
    }

    @Test
    void rejectsAnIndexOutOfRange() throws Exception {
        Path f = writeRaw(planJson("{\"fc1\":[0, 8]}"));
        assertThatThrownBy(() -> PlanFiles.readFor(f, net)).isInstanceOf(BadInputException.class)
                .hasMessage(f + ": layer fc1 has units 0..7, but the plan keeps unit 8");
    }

    @Test
    void rejectsAnEmptiedLayer() throws Exception {
        Path f = writeRaw(planJson("{\"fc2\":[]}"));
        assertThatThrownBy(() -> PlanFiles.readFor(f, net)).hasMessageContaining("fc2 keeps no units").hasMessageContaining(f.toString());
    }

    @Test
    void rejectsDuplicatesNonIntegersBrokenJsonAndOtherFormats() throws Exception {
        Path dup = writeRaw(planJson("{\"fc1\":[1, 1]}"));
        assertThatThrownBy(() -> PlanFiles.read(dup)).isInstanceOf(BadInputException.class).hasMessageContaining("twice");
        Path frac = writeRaw(planJson("{\"fc1\":[1.5]}"));
        assertThatThrownBy(() -> PlanFiles.read(frac)).hasMessageContaining("kept.fc1[0] is not an integer");
        Path broken = writeRaw("{\"format\":\"infoprune-plan\", ");
        assertThatThrownBy(() -> PlanFiles.read(broken)).isInstanceOf(BadInputException.class).hasMessageContaining("not valid JSON");
        Path model = writeRaw("{\"format\":\"infoprune-model\"}");
        assertThatThrownBy(() -> PlanFiles.read(model)).hasMessageContaining("not a pruning plan");
        assertThatThrownBy(() -> PlanFiles.read(dir.resolve("missing.json"))).hasMessageContaining("no such plan file");
    }

    @Test
    void rejectsAPlanMadeForAnotherWidth() throws Exception {
        Path f = dir.resolve("plan.json");
        PlanFiles.write(plan(), net, f);
        Network other = RandomNetworks.mlp(1, 5, 9, 6, 3);
        assertThatThrownBy(() -> PlanFiles.readFor(f, other)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("layer fc1 of 8 units").hasMessageContaining("has 9");
    }
}
