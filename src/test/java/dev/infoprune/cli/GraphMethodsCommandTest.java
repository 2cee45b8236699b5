package dev.infoprune.cli;

import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import dev.infoprune.prune.DependencyGroups;
import dev.infoprune.prune.PlanFiles;
import dev.infoprune.prune.PruningMethods;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.mipp.Mipp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every pruning method prunes the ResNet sample through {@code infoprune prune} into a smaller graph model that
 * evaluates; the MIPP-pruned one exports to ONNX and runs in ONNX Runtime with DJL's outputs; compare runs MIPP's
 * width controls on it.
 */
class GraphMethodsCommandTest {
    private static final String SAMPLE = "resnet8-fashion";

    @TempDir
    Path dir;

    static List<String> methods() {
        return PruningMethods.names();
    }

    @ParameterizedTest
    @MethodSource("methods")
    void theMethodPrunesTheResNetSampleIntoAModelThatEvaluates(String method) throws Exception {
        Network original = SampleModels.load(SAMPLE);
        Path out = dir.resolve(method);
        List<String> args = new ArrayList<>(List.of("prune", SAMPLE, "--data", "fashion-mnist", "--method", method,
                "--probe-samples", "500", "--finetune-epochs", "0", "--out", out.toString()));
        if (!method.equals(Mipp.NAME)) {
            args.addAll(List.of("--sparsity", "0.5"));
        }
        if (method.equals("synflow")) {
            args.addAll(List.of("-o", "rounds=5"));
        }
        CliRun prune = CliRun.of(args.toArray(String[]::new));
        assertThat(prune.status()).as(prune.err()).isZero();
        PruningPlan plan = PlanFiles.readFor(out.resolve("plan.json"), original);
        assertThatCode(() -> DependencyGroups.check(original, plan)).doesNotThrowAnyException();
        Network pruned = ModelFolder.read(out);
        assertThat(pruned.isGraph()).isTrue();
        assertThat(pruned.inputs()).isEqualTo(original.inputs());
        assertThat(pruned.parameterCount()).isLessThan(original.parameterCount());

        CliRun evaluate = CliRun.of("evaluate", out.toString(), "--data", "fashion-mnist", "--split", "probe", "--json");
        assertThat(evaluate.status()).as(evaluate.err()).isZero();
        assertThat(evaluate.json().path("accuracy").asDouble()).as(method).isBetween(0.0, 1.0);

        if (method.equals(Mipp.NAME)) {
            Path onnx = dir.resolve("pruned.onnx");
            CliRun export = CliRun.of("export", out.toString(), "--format", "onnx", "--out", onnx.toString(), "--json");
            assertThat(export.status()).as(export.err()).isZero();
            assertThat(export.json().get("maxAbsDifferenceOnnxRuntimeVsDjl").asDouble()).isLessThan(1e-4);
        }
    }

    @Test
    void compareRunsMippAndItsWidthControlsOnTheResNetSample() throws Exception {
        Path report = dir.resolve("report");
        CliRun compare = CliRun.of("compare", SAMPLE, "--data", "fashion-mnist", "--methods",
                "mipp,random@mipp,local-magnitude@mipp", "--option", "mipp.estimator=gaussian", "--probe-samples", "500",
                "--finetune-epochs", "0", "--out", report.toString());
        assertThat(compare.status()).as(compare.err()).isZero();
        assertThat(Files.readString(report.resolve("results.json"))).contains("\"random@mipp\"", "\"local-magnitude@mipp\"");
    }
}
