package dev.infoprune.cli;

import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.onnx.OnnxImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** PyTorch's ResNet-8 fixture imported, pruned by local-magnitude a dependency group at a time, evaluated and exported. */
class GraphPruneCommandTest {
    @TempDir
    Path dir;

    @Test
    void theResNetPrunesIntoASmallerModelThatEvaluatesAndRunsInOnnxRuntime() throws Exception {
        Path folder = dir.resolve("resnet8");
        CliRun imported = CliRun.of("import", OnnxCommandsTest.fixture("graph_resnet8_op17.onnx").toString(), "--out",
                folder.toString());
        assertThat(imported.status()).as(imported.err()).isZero();
        Path csv = csv(24);
        Path pruned = dir.resolve("pruned");
        CliRun prune = CliRun.of("prune", folder.toString(), "--data", csv.toString(), "--method", "local-magnitude",
                "--sparsity", "0.3", "--finetune-epochs", "0", "--out", pruned.toString());
        assertThat(prune.status()).as(prune.err()).isZero();
        Network original = ModelFolder.read(folder);
        Network smaller = ModelFolder.read(pruned);
        assertThat(smaller.isGraph()).isTrue();
        assertThat(smaller.parameterCount()).isLessThan(original.parameterCount());
        assertThat(smaller.inputs()).isEqualTo(original.inputs());

        CliRun evaluate = CliRun.of("evaluate", pruned.toString(), "--data", csv.toString(), "--split", "train");
        assertThat(evaluate.status()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("accuracy");

        Path onnx = dir.resolve("pruned.onnx");
        CliRun export = CliRun.of("export", pruned.toString(), "--format", "onnx", "--out", onnx.toString(), "--json");
        assertThat(export.status()).as(export.err()).isZero();
        assertThat(export.json().get("maxAbsDifferenceOnnxRuntimeVsDjl").asDouble()).isLessThan(1e-4);
        assertThat(OnnxImport.read(onnx).sameWeightsAs(smaller)).isTrue();
    }

    @Test
    void compareRunsTheGraphMethodsOnTheResNet() throws Exception {
        Path folder = dir.resolve("resnet8");
        assertThat(CliRun.of("import", OnnxCommandsTest.fixture("graph_resnet8_op13.onnx").toString(), "--out",
                folder.toString()).status()).isZero();
        Path report = dir.resolve("report");
        CliRun compare = CliRun.of("compare", folder.toString(), "--data", csv(24).toString(), "--methods",
                "local-magnitude,random,global-topk", "--sparsity", "0.3", "--finetune-epochs", "0", "--out",
                report.toString());
        assertThat(compare.status()).as(compare.err()).isZero();
        assertThat(report.resolve("results.json")).exists();
    }

    /** Random 3 x 32 x 32 inputs with a label (0..9) in the last column. */
    private Path csv(int rows) throws Exception {
        Random random = new Random(rows);
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < 3 * 32 * 32; i++) {
                s.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.4f", random.nextGaussian()));
            }
            s.append(',').append(r % 10).append('\n');
        }
        Path file = dir.resolve("data" + rows + ".csv");
        Files.writeString(file, s);
        return file;
    }
}
