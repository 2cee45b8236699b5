package dev.infoprune.cli;

import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import dev.infoprune.prune.PlanFiles;
import dev.infoprune.prune.PruningPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code infoprune prune vgg-fashion --method cmi | itpruner}: the methods read whole feature maps. */
class PruneFeatureMapMethodsTest {
    @TempDir
    Path tmp;

    @Test
    void cmiOnVggFashionRemovesOnlyConvFiltersByDefault() throws Exception {
        Network vgg = SampleModels.load("vgg-fashion");
        Path dir = tmp.resolve("cmi");
        CliRun run = CliRun.of("prune", "vgg-fashion", "--data", "fashion-mnist", "--method", "cmi", "-o", "samples=64",
                "--probe-samples", "300", "--finetune-epochs", "0", "--out", dir.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        PruningPlan plan = PlanFiles.readFor(dir.resolve("plan.json"), vgg);
        assertThat(plan.settings()).containsEntry("layers", "auto").containsEntry("maps", "flattened maps")
                .containsEntry("estimator", "renyi(alpha=1.01)");
        int convRemoved = 0;
        for (String layer : vgg.prunableLayerNames()) {
            int units = vgg.layer(vgg.indexOf(layer)).units();
            if (vgg.layer(vgg.indexOf(layer)) instanceof Conv2d) {
                convRemoved += units - plan.keptCount(layer);
            } else {
                assertThat(plan.keptCount(layer)).as(layer).isEqualTo(units);
            }
        }
        assertThat(convRemoved).isPositive();
        assertThat(run.json().path("hiddenAfter").asInt()).isEqualTo(plan.totalKept());
    }

    @Test
    void itPrunerOnVggFashionStaysInsideTheWholeNetworksMacsBudget() throws Exception {
        Network vgg = SampleModels.load("vgg-fashion");
        Path dir = tmp.resolve("itpruner");
        CliRun run = CliRun.of("prune", "vgg-fashion", "--data", "fashion-mnist", "--method", "itpruner", "-o", "macs=0.35",
                "-o", "batch=64", "--probe-samples", "300", "--finetune-epochs", "0", "--out", dir.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        PruningPlan plan = PlanFiles.readFor(dir.resolve("plan.json"), vgg);
        assertThat(plan.settings()).containsEntry("activations", "flattened post-activation maps")
                .containsEntry("solver", "relaxed").containsEntry("beta", 231.0);
        // conv and dense MACs alone, as the CLI reports them, are below the whole-network budget too
        assertThat(run.json().path("macs").path("after").asLong())
                .isLessThanOrEqualTo(((Number) plan.settings().get("macsBudget")).longValue());
    }

    @Test
    void cmiIterativelyPrunesOneLayerRetrainsAndMovesOn() throws Exception {
        Network mlp = SampleModels.load("mlp-digits");
        Path dir = tmp.resolve("iterative");
        CliRun run = CliRun.of("prune", "mlp-digits", "--data", "digits", "--method", "cmi", "-o", "iterative-epochs=1",
                "-o", "alpha=2", "-o", "samples=64", "-o", "cutoff=knee", "--finetune-epochs", "0", "--out", dir.toString(), "--json");
        assertThat(run.status()).as(run.err()).isZero();
        PruningPlan plan = PlanFiles.readFor(dir.resolve("plan.json"), mlp);
        assertThat(plan.settings()).containsEntry("iterative", true);
        Network written = dev.infoprune.model.ModelFolder.read(dir);
        for (String layer : mlp.prunableLayerNames()) {
            assertThat(written.layer(written.indexOf(layer)).units()).isEqualTo(plan.keptCount(layer));
        }
        assertThat(plan.totalKept()).isLessThan(mlp.hiddenUnitCount());
        // retrained between the layers: not the original weights cut by the plan
        assertThat(written.sameWeightsAs(dev.infoprune.prune.Surgery.apply(mlp, plan))).isFalse();
    }
}
