package dev.infoprune.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.Surgery;
import dev.infoprune.prune.mipp.MippRun;
import dev.infoprune.prune.mipp.MippSettings;
import dev.infoprune.prune.mipp.Step;
import dev.infoprune.prune.mipp.TraceFiles;
import dev.infoprune.study.Experiment;
import dev.infoprune.study.ExperimentSpec;
import dev.infoprune.study.FineTuner;
import dev.infoprune.study.ReportWriter;
import dev.infoprune.study.StudyMethods;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Session files: everything a session holds comes back, MIPP resumes where it stood, bad files are one message. */
class SessionFilesTest {
    @TempDir
    static Path shared;
    private static Network network;
    private static Path modelFolder;
    private static DataChoice data;
    private static ProbeScores.Result scored;

    @BeforeAll
    static void scoreASmallNetwork() throws Exception {
        network = RandomNetworks.mlp(21, 64, 16, 8, 10).withName("session-mlp")
                .withCard(new ModelCard("digits", 1L, 1, null, null, null, null));
        modelFolder = shared.resolve("session-mlp");
        ModelFolder.write(network, modelFolder);
        data = new DataChoice("digits", 3, 300);
        scored = ProbeScores.compute(network, data, new EstimatorChoice("ksg", Map.of("k", "4")), Progress.NONE);
    }

    @Test
    void aSessionComesBackWithModelDataScoresMippPositionAndComparisons(@TempDir Path tmp) throws Exception {
        MippRun run = MippRun.start(network, scored.probe(), MippSettings.gaussian().withSeed(5));
        for (int i = 0; i < 14; i++) {
            run.next();
        }
        run.goTo(9);
        MippState mipp = MippState.of(run, null);
        assertThat(run.position()).isEqualTo(9);
        assertThat(mipp.trace().steps()).hasSize(14);
        JsonNode comparison = ReportWriter.json(new Experiment(ExperimentSpec.sweep(network, DatasetLocator.resolve("digits", 3),
                List.of("local-magnitude"), new double[] {0.25, 0.5}, 3), new StudyMethods(), FineTuner.NONE).run(Progress.NONE));

        Session session = new Session(ModelSource.of(modelFolder.toString()), null, data, new EstimatorChoice("ksg", Map.of("k", "4")),
                scored.scores(), "label-cmi", mipp, List.of(SessionComparison.read(comparison, "test")), 0);
        Path file = tmp.resolve("work" + SessionFiles.EXTENSION);
        Session written = SessionFiles.write(session, file);
        Session back = SessionFiles.read(file);

        assertThat(back.savedAt()).isEqualTo(written.savedAt()).isPositive();
        assertThat(back.model()).isEqualTo(new ModelSource(ModelSource.Kind.PATH, modelFolder.toAbsolutePath().toString()));
        assertThat(back.model().read().sameWeightsAs(network)).isTrue();
        assertThat(back.data()).isEqualTo(data);
        assertThat(back.estimator()).isEqualTo(new EstimatorChoice("ksg", Map.of("k", "4")));
        assertThat(back.shownScore()).isEqualTo("label-cmi");
        assertThat(back.scores()).hasSameSizeAs(scored.scores());
        for (int i = 0; i < scored.scores().size(); i++) {
            var a = scored.scores().get(i);
            var b = back.scores().get(i);
            assertThat(b.kind()).isEqualTo(a.kind());
            assertThat(b.describe()).isEqualTo(a.describe()).contains("k=4");
            assertThat(b.settings()).isEqualTo(a.settings());
            for (String layer : network.prunableLayerNames()) {
                assertThat(b.of(layer)).containsExactly(a.of(layer));
            }
        }
        assertThat(back.comparisons()).hasSize(1);
        assertThat(back.comparisons().get(0).document().toString()).isEqualTo(comparison.toString());
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(TraceFiles.toJson(back.mipp().trace()))).isEqualTo(json.readTree(TraceFiles.toJson(mipp.trace())));
        assertThat(back.mipp().settings()).isEqualTo(mipp.settings());
        assertThat(back.mipp().position()).isEqualTo(9);

        // MIPP resumes on recaptured activations at the same position, with the same plan and the same next steps
        ProbeScores.Result again = ProbeScores.recapture(back.model().read(), back.data(), back.scores(), Progress.NONE);
        MippRun resumed = back.mipp().resume(back.model().read(), again.probe());
        assertThat(resumed.position()).isEqualTo(9);
        assertThat(resumed.computedSteps()).isEqualTo(14);
        assertThat(resumed.plan().kept()).usingRecursiveComparison().isEqualTo(run.plan().kept());
        for (int i = 0; i < 8; i++) {
            Step expected = run.next();
            Step actual = resumed.next();
            assertThat(actual.sameOutcome(expected)).as("step %d", expected.index()).isTrue();
            assertThat(actual.miWith()).isEqualTo(expected.miWith());
        }
    }

    @Test
    void aPrunedNetworkIsEmbeddedInTheSessionFile(@TempDir Path tmp) throws Exception {
        var kept = new java.util.LinkedHashMap<String, int[]>();
        kept.put("fc1", new int[] {0, 2, 3, 7, 11});
        kept.put("fc2", new int[] {1, 4, 5});
        Network pruned = Surgery.apply(network, new PruningPlan("test", Map.of(), 0, kept));
        Session session = new Session(ModelSource.embedded("pruned by test"), pruned, null, null, List.of(), null, null, List.of(), 0);
        Path file = tmp.resolve("pruned" + SessionFiles.EXTENSION);
        SessionFiles.write(session, file);
        Session back = SessionFiles.read(file);
        assertThat(back.model().kind()).isEqualTo(ModelSource.Kind.EMBEDDED);
        assertThat(back.embedded().sameWeightsAs(pruned)).isTrue();
        assertThat(back.embedded().unitLayerWidths()).containsExactly(5, 3, 10);
        assertThat(back.estimator()).isEqualTo(EstimatorChoice.DEFAULT);
        assertThat(back.data()).isNull();
        assertThat(back.mipp()).isNull();
    }

    @Test
    void aDamagedOrForeignFileIsOneMessageNamingIt(@TempDir Path tmp) throws Exception {
        Session session = new Session(ModelSource.of(modelFolder.toString()), null, data, null, scored.scores(), null, null, List.of(), 0);
        Path good = tmp.resolve("good" + SessionFiles.EXTENSION);
        SessionFiles.write(session, good);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = tmp.resolve("truncated" + SessionFiles.EXTENSION);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> SessionFiles.read(truncated)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(truncated.toString());

        Path text = tmp.resolve("notes" + SessionFiles.EXTENSION);
        Files.writeString(text, "just some text");
        assertThatThrownBy(() -> SessionFiles.read(text)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(text.toString()).hasMessageContaining("not an InfoPrune session");

        Path missing = tmp.resolve("missing" + SessionFiles.EXTENSION);
        assertThatThrownBy(() -> SessionFiles.read(missing)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no such session file");
    }

    @Test
    void aDamagedComparisonReadsAsItsProblemNamingTheFileAndIsWrittenBackUnchanged(@TempDir Path tmp) throws Exception {
        JsonNode damaged = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"format\": \"infoprune-comparison\", \"version\": 1, \"mode\": \"fixed\"}");
        Session session = new Session(ModelSource.of(modelFolder.toString()), null, null, null, List.of(), null, null,
                List.of(SessionComparison.read(damaged, "test")), 0);
        Path file = tmp.resolve("damaged" + SessionFiles.EXTENSION);
        SessionFiles.write(session, file);

        SessionComparison back = SessionFiles.read(file).comparisons().get(0);
        assertThat(back.result()).isNull();
        assertThat(back.problem()).hasMessage(file + ": comparison 1: \"unpruned\" must be an object");
        assertThat(back.document()).isEqualTo(damaged);
        Path again = tmp.resolve("again" + SessionFiles.EXTENSION);
        SessionFiles.write(SessionFiles.read(file), again);
        assertThat(SessionFiles.read(again).comparisons().get(0).document()).isEqualTo(damaged);
    }

    @Test
    void anAutosaveIsOfferedOnlyWhenItIsNewerThanTheLastCleanExit(@TempDir Path home) throws Exception {
        Autosave autosave = new Autosave(home);
        assertThat(autosave.recoverable()).isEmpty();
        Session session = new Session(ModelSource.of(modelFolder.toString()), null, null, null, List.of(), null, null, List.of(), 0);
        autosave.save(session);
        assertThat(autosave.recoverable()).contains(autosave.file());
        Thread.sleep(5);
        autosave.markCleanExit();
        assertThat(autosave.recoverable()).isEmpty();
        Thread.sleep(5);
        autosave.save(session);
        assertThat(autosave.recoverable()).contains(autosave.file());
        Files.writeString(autosave.file(), "damaged");
        assertThat(autosave.recoverable()).isEmpty();
    }
}
