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

/** A graph network (PyTorch's concat fixture) through the commands: what works, and the unit scores refused up front. */
class GraphCommandsTest {
    private static final String REFUSED = "scores works on chains only: ";

    @TempDir
    Path dir;

    @Test
    void aGraphImportsAndWorksWithInfoEvaluatePredictAndExport() throws Exception {
        Path folder = imported();
        CliRun info = CliRun.of("info", folder.toString());
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).contains("concat", "Graph: ", "reads ");
        CliRun json = CliRun.of("info", folder.toString(), "--json");
        assertThat(json.json().get("layers").get(0).get("inputs").get(0).asText()).isEqualTo(Network.INPUT);

        Path csv = csv(12, true);
        CliRun evaluate = CliRun.of("evaluate", folder.toString(), "--data", csv.toString(), "--split", "train");
        assertThat(evaluate.status()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("accuracy");

        CliRun predict = CliRun.of("predict", folder.toString(), csv(3, false).toString());
        assertThat(predict.status()).as(predict.err()).isZero();
        assertThat(predict.out().strip().lines()).hasSizeGreaterThanOrEqualTo(3);

        Path onnx = dir.resolve("again.onnx");
        CliRun export = CliRun.of("export", folder.toString(), "--format", "onnx", "--out", onnx.toString());
        assertThat(export.status()).as(export.err()).isZero();
        assertThat(export.out()).contains("checked in ONNX Runtime: max |ORT - DJL| = ");
        assertThat(OnnxImport.read(onnx).sameWeightsAs(ModelFolder.read(folder))).isTrue();
    }

    @Test
    void scoresRefuseAGraphWithOneMessage() throws Exception {
        Path folder = imported();
        CliRun scores = CliRun.of("scores", folder.toString(), "--data", csv(12, true).toString());
        assertThat(scores.status()).isNotZero();
        assertThat(scores.err()).contains(REFUSED).doesNotContain("Exception");
    }

    private Path imported() throws Exception {
        Path folder = dir.resolve("concat");
        CliRun r = CliRun.of("import", OnnxCommandsTest.fixture("graph_concat_op13.onnx").toString(), "--out",
                folder.toString());
        assertThat(r.status()).as(r.err()).isZero();
        Network net = ModelFolder.read(folder);
        assertThat(net.isGraph()).isTrue();
        return folder;
    }

    /** Random rows of the fixture's 3 x 8 x 8 inputs, with a label (0..2) in the last column when asked. */
    private Path csv(int rows, boolean labelled) throws Exception {
        Random random = new Random(rows);
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < 3 * 8 * 8; i++) {
                s.append(i == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.4f", random.nextGaussian()));
            }
            s.append(labelled ? "," + r % 3 : "").append('\n');
        }
        Path file = dir.resolve((labelled ? "data" : "inputs") + rows + ".csv");
        Files.writeString(file, s);
        return file;
    }
}
