package dev.infoprune.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Evaluation;
import dev.infoprune.prune.PruningPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** results.json read back: every number, plan and flag of a real comparison, and clear messages for bad documents. */
class ExperimentResultJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ExperimentResult sweep;
    private static ExperimentResult matched;

    @BeforeAll
    static void runComparisons() {
        // every method of the catalogue but mipp (planned redundancies are not needed here), a 95% sweep point
        // collapses layers; itpruner's plan carries a long setting (its MACs budget), global-topk an int
        sweep = new Experiment(ExperimentSpec.sweep(StudyFixtures.mlp(), StudyFixtures.blobs(4),
                List.of("cmi", "itpruner", "global-topk", "local-magnitude", "random"), new double[] {0.5, 0.95}, 3)
                .withOrigin("blobs.csv#label=y", 11), new StudyMethods(), FineTuner.NONE).run(Progress.NONE);
        matched = new Experiment(ExperimentSpec.matching(StudyFixtures.mlp(), StudyFixtures.blobs(5),
                List.of("mipp", "random"), 2), new StudyMethods(), FineTuner.NONE).run(Progress.NONE);
    }

    private static ExperimentResult throughText(ExperimentResult r) throws Exception {
        String text = ReportWriter.MAPPER.writeValueAsString(ExperimentResultJson.write(r));
        return ExperimentResultJson.read(JSON.readTree(text), "results.json");
    }

    @Test
    void writingAndReadingGivesTheSameResult() throws Exception {
        for (ExperimentResult r : List.of(sweep, matched)) {
            ExperimentResult back = throughText(r);
            assertThat(back).isEqualTo(r);
            assertThat(back.hashCode()).isEqualTo(r.hashCode());
            // and what the views derive from it
            assertThat(back.groups().keySet()).containsExactlyElementsOf(r.groups().keySet());
            for (int i = 0; i < r.results().size(); i++) {
                MethodResult a = r.results().get(i);
                MethodResult b = back.results().get(i);
                assertThat(b.collapsedLayers()).isEqualTo(a.collapsedLayers());
                assertThat(b.sparsity()).isEqualTo(a.sparsity());
                assertThat(b.widths()).isEqualTo(a.widths());
                assertThat(b.plan().kept()).usingRecursiveComparison().isEqualTo(a.plan().kept());
            }
            // the document in memory (as a session keeps it) reads the same
            assertThat(ExperimentResultJson.read(ExperimentResultJson.write(r), "session")).isEqualTo(r);
        }
        assertThat(sweep.results()).anyMatch(m -> !m.collapsedLayers().isEmpty());
        assertThat(sweep.results()).anyMatch(m -> m.plan().settings().get("macsBudget") instanceof Long);
        assertThat(throughText(sweep).results()).anyMatch(m -> m.plan().settings().get("macsBudget") instanceof Integer);
    }

    @Test
    void theSplitSeedAndDataAreRecorded() {
        JsonNode doc = ReportWriter.json(sweep);
        assertThat(doc.path("data").path("spec").asText()).isEqualTo("blobs.csv#label=y");
        assertThat(doc.path("data").path("splitSeed").asLong()).isEqualTo(11);
        assertThat(ExperimentResultJson.read(doc, "x").origin()).isEqualTo(new SplitOrigin("blobs.csv#label=y", 11));
        // splits handed over as they are have no origin, and the document says nothing about one
        assertThat(ReportWriter.json(matched).has("data")).isFalse();
        assertThat(ExperimentResultJson.read(ReportWriter.json(matched), "x").origin()).isNull();
    }

    @Test
    void aResultDiffersWhenAnyNumberOrPlanDiffers() throws Exception {
        ObjectNode doc = ExperimentResultJson.write(sweep);
        ObjectNode first = (ObjectNode) doc.path("results").get(0);
        first.with("afterFineTuning").put("accuracy", first.path("afterFineTuning").path("accuracy").asDouble() + 1e-9);
        assertThat(ExperimentResultJson.read(doc, "x")).isNotEqualTo(sweep);

        ObjectNode again = ExperimentResultJson.write(sweep);
        var kept = (com.fasterxml.jackson.databind.node.ArrayNode) again.path("results").get(0).path("plan").path("kept").path("fc1");
        kept.remove(kept.size() - 1);
        assertThat(ExperimentResultJson.read(again, "x")).isNotEqualTo(sweep);
    }

    @Test
    void anEvaluationOnNoSamplesKeepsItsNaNs() throws Exception {
        Evaluation none = new Evaluation(0, Double.NaN, Double.NaN);
        ExperimentResult r = new ExperimentResult(sweep.model(), sweep.dataset(), sweep.mode(), sweep.hiddenLayers(),
                sweep.hiddenWidths(), sweep.parameters(), sweep.macs(), none, sweep.probeSamples(), sweep.trainSamples(),
                0, sweep.fineTuneEpochs(), sweep.learningRate(), sweep.seed(), sweep.origin(), sweep.results(), sweep.seconds());
        ExperimentResult back = throughText(r);
        assertThat(back).isEqualTo(r);
        assertThat(back.baseline().accuracy()).isNaN();
    }

    @Test
    void plansCompareByValueWithNumbersOfEitherWidth() {
        PruningPlan a = new PruningPlan("m", Map.of("n", 5, "x", 0.5), 1, Map.of("fc1", new int[] {3, 1}));
        PruningPlan b = new PruningPlan("m", Map.of("n", 5L, "x", 0.5), 1, Map.of("fc1", new int[] {1, 3}));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new PruningPlan("m", Map.of("n", 6, "x", 0.5), 1, Map.of("fc1", new int[] {1, 3})));
        assertThat(a).isNotEqualTo(new PruningPlan("m", Map.of("n", 5, "x", 0.5), 2, Map.of("fc1", new int[] {1, 3})));
        assertThat(a).isNotEqualTo(new PruningPlan("m", Map.of("n", 5, "x", 0.5), 1, Map.of("fc1", new int[] {1, 2})));
    }

    @Test
    void aDocumentThatIsNotAComparisonIsOneClearMessage(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ExperimentResultJson.read(JSON.readTree("{\"format\": \"infoprune-plan\"}"), "a.json"))
                .isInstanceOf(BadInputException.class).hasMessage("a.json: not a comparison (\"format\" is not \"infoprune-comparison\")");
        ObjectNode future = ExperimentResultJson.write(sweep).put("version", 7);
        assertThatThrownBy(() -> ExperimentResultJson.read(future, "b.json")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("b.json: unsupported comparison version 7");
        ObjectNode broken = ExperimentResultJson.write(sweep);
        ((ObjectNode) broken.path("results").get(1)).remove("plan");
        assertThatThrownBy(() -> ExperimentResultJson.read(broken, "c.json")).isInstanceOf(BadInputException.class)
                .hasMessage("c.json results[1]: \"plan\" must be an object");
        ObjectNode badMode = ExperimentResultJson.write(sweep).put("mode", "sideways");
        assertThatThrownBy(() -> ExperimentResultJson.read(badMode, "d.json")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("d.json: mode must be match, fixed or sweep");
        // the file ReportWriter writes is what the reader takes
        List<Path> written = new ArrayList<>(ReportWriter.write(sweep, dir));
        assertThat(written).contains(dir.resolve(ReportWriter.JSON));
        assertThat(ExperimentResultJson.read(JSON.readTree(Files.readString(dir.resolve(ReportWriter.JSON))), "results.json"))
                .isEqualTo(sweep);
    }
}
