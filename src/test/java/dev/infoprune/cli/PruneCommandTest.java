package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import dev.infoprune.prune.PlanFiles;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.Surgery;
import dev.infoprune.prune.mipp.MippTrace;
import dev.infoprune.prune.mipp.TraceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code infoprune prune} on the bundled mlp-digits sample (64-128-64-10) and the digits data set. */
class PruneCommandTest {
    @TempDir
    Path tmp;

    @Test
    void mippWritesAModelFolderPlanAndTraceThatEvaluateAccepts() throws Exception {
        Path dir = tmp.resolve("pruned");
        CliRun run = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "mipp", "--confidence", "0.95",
                "--seed", "3", "--finetune-epochs", "0", "--out", dir.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        JsonNode json = run.json();
        Network original = SampleModels.load("mlp-digits");
        PruningPlan plan = PlanFiles.readFor(dir.resolve("plan.json"), original);
        assertThat(plan.method()).isEqualTo("mipp");
        assertThat(plan.seed()).isEqualTo(3);
        MippTrace trace = TraceFiles.read(dir.resolve("trace.json"));
        assertThat(trace.steps()).hasSize(128 + 64);
        assertThat(json.path("mippSteps").asInt()).isEqualTo(192);

        Network pruned = ModelFolder.read(dir);
        assertThat(pruned.sameWeightsAs(Surgery.apply(original, plan))).isTrue();
        assertThat(pruned.normalization().mean()).containsExactly(original.normalization().mean());
        assertThat(pruned.normalization().std()).containsExactly(original.normalization().std());
        assertThat(pruned.card().seed()).isEqualTo(original.card().seed());
        int hiddenAfter = plan.keptCount("fc1") + plan.keptCount("fc2");
        assertThat(json.path("hiddenAfter").asInt()).isEqualTo(hiddenAfter).isLessThan(192).isGreaterThan(1);
        assertThat(json.path("layers").get(0).path("after").asInt()).isEqualTo(plan.keptCount("fc1"));
        assertThat(json.path("parameters").path("after").asLong()).isEqualTo(pruned.parameterCount())
                .isLessThan(original.parameterCount());
        assertThat(json.path("macs").path("after").asLong()).isEqualTo(pruned.macs());
        assertThat(json.path("before").path("accuracy").asDouble()).isGreaterThan(0.9);
        assertThat(json.path("afterFineTuning").isNull()).isTrue();

        CliRun eval = CliRun.of("evaluate", dir.toString(), "--data", "digits", "--json");
        assertThat(eval.status()).as(eval.err()).isZero();
        assertThat(eval.json().path("accuracy").asDouble()).isEqualTo(json.path("afterPruning").path("accuracy").asDouble());
        assertThat(eval.json().path("samples").asInt()).isEqualTo(json.path("testSamples").asInt());
    }

    @Test
    void globalTopKBySaliencyWithFineTuningPrintsTheSummaryTable() throws Exception {
        Path dir = tmp.resolve("topk");
        CliRun run = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "global-topk", "--score", "saliency",
                "--sparsity", "0.8", "--finetune-epochs", "2", "--seed", "1", "--out", dir.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("mlp-digits pruned by global-topk", "LAYER", "fc1", "fc2", "hidden  192",
                "parameters", "MACs", "test accuracy", "(after 2 fine-tuning epochs)", "collapsed layers");
        assertThat(dir.resolve("trace.json")).doesNotExist();
        PruningPlan plan = PlanFiles.read(dir.resolve("plan.json"));
        assertThat(plan.totalKept()).isEqualTo(Math.round(0.2 * 192));
        assertThat(plan.settings()).containsEntry("score", "saliency");
        assertThat(run.err()).contains("%"); // the progress bar
        Network tuned = ModelFolder.read(dir);
        assertThat(tuned.sameWeightsAs(Surgery.apply(SampleModels.load("mlp-digits"), plan))).isFalse();
        assertThat(tuned.card().notes()).contains("fine-tuned 2 epochs");
    }

    @Test
    void cmiAndItPrunerRunThroughPruneAndWriteTheirPlans() throws Exception {
        Network original = SampleModels.load("mlp-digits");
        Path cmiDir = tmp.resolve("cmi");
        CliRun cmi = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "cmi", "-o", "cutoff=knee",
                "-o", "direction=independent", "--seed", "2", "--finetune-epochs", "0", "--out", cmiDir.toString(), "--json");
        assertThat(cmi.status()).as(cmi.err()).isZero();
        PruningPlan cmiPlan = PlanFiles.readFor(cmiDir.resolve("plan.json"), original);
        assertThat(cmiPlan.method()).isEqualTo("cmi");
        assertThat(cmiPlan.seed()).isEqualTo(2);
        assertThat(cmiPlan.settings()).containsEntry("cutoff", "knee").containsEntry("direction", "independent");
        assertThat(ModelFolder.read(cmiDir).sameWeightsAs(Surgery.apply(original, cmiPlan))).isTrue();
        assertThat(cmi.json().path("hiddenAfter").asInt()).isEqualTo(cmiPlan.totalKept()).isLessThan(192);

        Path itDir = tmp.resolve("itpruner");
        CliRun it = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "itpruner", "--sparsity", "0.5",
                "--finetune-epochs", "0", "--out", itDir.toString(), "--json");
        assertThat(it.status()).as(it.err()).isZero();
        PruningPlan itPlan = PlanFiles.readFor(itDir.resolve("plan.json"), original);
        assertThat(itPlan.method()).isEqualTo("itpruner");
        // the MACs budget is that of keeping half of every hidden layer (64 of 128, 32 of 64)
        long uniformHalf = 64L * 64 + 64L * 32 + 32L * 10;
        assertThat(it.json().path("macs").path("after").asLong()).isLessThanOrEqualTo(uniformHalf)
                .isEqualTo(ModelFolder.read(itDir).macs());

        assertBadInput(CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "cmi", "-o", "cutoff=elbow",
                "--out", tmp.resolve("never").toString()), "--method cmi", "cutoff must be one of fraction, knee, share");
    }

    static void assertBadInput(CliRun run, String... fragments) {
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
        assertThat(run.err()).startsWith("infoprune: ").contains(fragments);
    }

    @Test
    void badInputExitsTwoWithOneLineAndWritesNothing() throws Exception {
        String out = tmp.resolve("never").toString();
        assertBadInput(CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "magic", "--out", out),
                "unknown method magic", "mipp");
        assertBadInput(CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "mipp", "--sparsity", "0.5", "--out", out),
                "unknown option sparsity");
        assertBadInput(CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "random", "--sparsity", "1.5", "--out", out),
                "sparsity must be in [0, 1)");
        assertBadInput(CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "mipp", "--confidence", "high", "--out", out),
                "confidence must be a number");
        assertBadInput(CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "mipp", "--estimator", "oracle", "--out", out),
                "unknown estimator 'oracle'");
        assertBadInput(CliRun.of("prune", "mlp-digits", "--data", "iris", "--method", "mipp", "--out", out),
                "iris", "mlp-digits");
        assertBadInput(CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "mipp", "-o", "ridge", "--out", out),
                "KEY=VALUE");
        assertBadInput(CliRun.of("prune", "no-such-model", "--data", "digits", "--method", "mipp", "--out", out),
                "no-such-model");
        assertBadInput(CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "mipp", "--estimator", "ridge-cv",
                "--null-model", "--out", out), "the null model applies to the gaussian and plug-in estimators");
        assertBadInput(CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "mipp", "-o", "estimator.hidden=abc",
                "--out", out), "hidden must be an integer");
        assertBadInput(CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "mipp", "--finetune-epochs", "x", "--out", out),
                "--finetune-epochs");
        assertThat(tmp.resolve("never")).doesNotExist();

        Path full = Files.createDirectories(tmp.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        assertBadInput(CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "random", "--out", full.toString()),
                "exists and is not empty");
        assertThat(full.resolve("keep.txt")).hasContent("mine");
    }

    @Test
    void aPlanThatEmptiesALayerIsRefusedAndNamesTheLayer() {
        Path dir = tmp.resolve("empty");
        CliRun run = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "global-topk", "--score", "l1",
                "--sparsity", "0.99", "--out", dir.toString());
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("empties layer", "--min-per-layer");
        assertThat(dir).doesNotExist();
    }
}
