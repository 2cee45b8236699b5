package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.NpzWeights;
import dev.infoprune.model.PythonCheck;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.Tensor;
import dev.infoprune.model.onnx.OnnxImport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OnnxCommandsTest {
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = InfoPruneCli.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(OnnxCommandsTest.class.getResource("/onnx/" + name).toURI());
    }

    @Test
    void importWritesAModelFolderWithTheSameNetwork() throws Exception {
        Path out = dir.resolve("cnn");
        Run r = run("import", fixture("cnn_bn_op17.onnx").toString(), "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("imported", "conv1:conv2d", "bn2:batchnorm", "Softmax");
        Network written = ModelFolder.read(out);
        assertThat(written.sameWeightsAs(OnnxImport.read(fixture("cnn_bn_op17.onnx")))).isTrue();
        assertThat(written.classes()).containsExactly("0", "1", "2", "3", "4");
    }

    @Test
    void commandsThatTakeAModelAcceptAnOnnxFile() throws Exception {
        Run r = run("info", fixture("cnn_view_op11.onnx").toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("features.0");
    }

    @Test
    void exportToOnnxIsCheckedInOnnxRuntimeAndImportsBack() throws Exception {
        Network net = RandomNetworks.cnn(3, 1, 10, 10, 4);
        Path folder = dir.resolve("model");
        ModelFolder.write(net, folder);
        Path file = dir.resolve("out/model.onnx");
        Run r = run("export", folder.toString(), "--format", "onnx", "--out", file.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote " + file, "checked in ONNX Runtime: max |ORT - DJL| = ");
        assertThat(OnnxImport.read(file).sameWeightsAs(net)).isTrue();

        Run json = run("export", folder.toString(), "--out", dir.resolve("again.onnx").toString(), "--json");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("format").asText()).isEqualTo("onnx");
        assertThat(doc.get("maxAbsDifferenceOnnxRuntimeVsDjl").asDouble()).isLessThan(1e-4);
    }

    @Test
    void exportToNpzWritesPyTorchNamedWeightsFromAnOnnxModel() throws Exception {
        Path npz = dir.resolve("weights.npz");
        Run r = run("export", fixture("mlp_op11.onnx").toString(), "--format", "npz", "--out", npz.toString());
        assertThat(r.status()).as(r.err()).isZero();
        Map<String, Tensor> weights = NpzWeights.read(npz);
        assertThat(weights.keySet()).containsExactly("fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "bn2.weight",
                "bn2.bias", "bn2.running_mean", "bn2.running_var", "out.weight", "out.bias");
        assertThat(weights.get("fc1.weight").shape()).containsExactly(16, 8);

        Path python = PythonCheck.pythonWithNumpy();
        Assumptions.assumeTrue(python != null, "python3 with numpy");
        Process p = new ProcessBuilder(python.toString(), "-c",
                "import numpy, sys; a = numpy.load(sys.argv[1]); print(sorted(a.files)); print(a['out.weight'].shape, a['out.weight'].dtype)",
                npz.toString()).redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(printed).isZero();
        assertThat(printed).contains("'bn2.running_var'", "(4, 12) float32");
    }

    @Test
    void badInputExitsWithStatusTwoAndOneLine() throws Exception {
        Path out = dir.resolve("m");
        assertBadInput(run("import", fixture("unsupported_softplus_op13.onnx").toString(), "--out", out.toString()),
                "unsupported operator Softplus (Softplus node /1/Softplus)");
        assertBadInput(run("import", fixture("two_inputs_op13.onnx").toString(), "--out", out.toString()), "2 inputs");
        assertBadInput(run("import", fixture("dynamic_size_op13.onnx").toString(), "--out", out.toString()),
                "dynamic dimension 2 ('height')");
        Path truncated = dir.resolve("truncated.onnx");
        byte[] bytes = Files.readAllBytes(fixture("mlp_op17.onnx"));
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertBadInput(run("import", truncated.toString(), "--out", out.toString()), truncated + ": not an ONNX model, or a truncated one");
        assertThat(out).doesNotExist();

        assertBadInput(run("export", dir.resolve("nothing").toString(), "--format", "onnx", "--out", dir.resolve("x.onnx").toString()),
                "no such model folder, .onnx file or bundled sample model");
        assertBadInput(run("export", truncated.toString(), "--out", dir.resolve("x.npz").toString()), "truncated");
        assertBadInput(run("export", fixture("mlp_op17.onnx").toString(), "--out", dir.resolve("x.bin").toString()),
                "give --format onnx or --format npz");
        assertBadInput(run("export", fixture("mlp_op17.onnx").toString(), "--format", "tflite", "--out", dir.resolve("x").toString()),
                "tflite");
    }

    @Test
    void importNeverReplacesAFolderThatIsNotAModel() throws Exception {
        Path precious = dir.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("thesis.tex"), "years of work");
        assertBadInput(run("import", fixture("mlp_op17.onnx").toString(), "--out", precious.toString()),
                precious + ": exists and is not a model folder; refusing to replace it");
        assertThat(Files.readString(precious.resolve("thesis.tex"))).isEqualTo("years of work");
    }

    @Test
    void importWithMeanAndStdStoresTheNormalisationSoRawInputsGivePyTorchsOutputs() throws Exception {
        // act_cnn's PyTorch inputs are what a DataLoader with Normalize(mean, std) hands the model; raw = x * std + mean
        Path out = dir.resolve("normalised");
        Run r = run("import", fixture("act_cnn_op13.onnx").toString(), "--out", out.toString(), "--mean", "0.5,-2",
                "--std", "0.25,4");
        assertThat(r.status()).as(r.err()).isZero();
        Network net = ModelFolder.read(out);
        assertThat(net.card().notes()).contains("input normalisation from --mean 0.5,-2.0 --std 0.25,4.0");
        JsonNode expected = new ObjectMapper().readTree(fixture("act_cnn.json").toFile());
        int size = net.inputSize();
        int rows = expected.get("inputs").size();
        float[] raw = new float[rows * size];
        for (int b = 0; b < rows; b++) {
            for (int i = 0; i < size; i++) {
                int channel = i / (size / 2);
                float x = (float) expected.get("inputs").get(b).get(i).asDouble();
                raw[b * size + i] = channel == 0 ? x * 0.25f + 0.5f : x * 4f - 2f;
            }
        }
        var outputs = dev.infoprune.engine.Inference.outputs(net, new dev.infoprune.data.Dataset("raw", net.inputShape(),
                raw, new int[rows], net.classes()), dev.infoprune.core.Progress.NONE);
        for (int b = 0; b < rows; b++) {
            for (int j = 0; j < outputs.cols(); j++) {
                assertThat(outputs.get(b, j)).isCloseTo(expected.get("outputs").get(b).get(j).asDouble(),
                        org.assertj.core.api.Assertions.within(1e-4));
            }
        }
        // without the normalisation the same raw inputs give something else: what the issue saw
        Network plain = OnnxImport.read(fixture("act_cnn_op13.onnx"));
        var wrong = dev.infoprune.engine.Inference.outputs(plain, new dev.infoprune.data.Dataset("raw", net.inputShape(),
                raw, new int[rows], net.classes()), dev.infoprune.core.Progress.NONE);
        assertThat(Math.abs(wrong.get(0, 0) - outputs.get(0, 0)) + Math.abs(wrong.get(1, 1) - outputs.get(1, 1)))
                .isGreaterThan(1e-3);
    }

    @Test
    void importRefusesAnIncompleteOrMisfittingNormalisation() throws Exception {
        String file = fixture("act_cnn_op13.onnx").toString();
        String out = dir.resolve("m").toString();
        assertBadInput(run("import", file, "--out", out, "--mean", "0.5"), "--mean: needs --std too");
        assertBadInput(run("import", file, "--out", out, "--mean", "1,2,3", "--std", "1,1,1"),
                "--mean/--std: 3 values do not fit inputs of shape [2, 7, 7] (give 1 value, 2 (one per channel) or 98");
        assertBadInput(run("import", file, "--out", out, "--mean", "1,2", "--std", "1"), "mean has 2 values but std has 1");
        assertBadInput(run("import", file, "--out", out, "--mean", "1", "--std", "0"), "standard deviations must be positive");
        assertBadInput(run("import", fixture("mlp_normalised_op13.onnx").toString(), "--out", out, "--mean", "1", "--std", "2"),
                "already carries an input normalisation");
        assertThat(Files.exists(dir.resolve("m"))).isFalse();
    }

    private static void assertBadInput(Run r, String expected) {
        assertThat(r.status()).as(r.err()).isEqualTo(InfoPruneCli.BAD_INPUT);
        assertThat(r.err()).contains(expected);
        assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("infoprune: ");
    }
}
