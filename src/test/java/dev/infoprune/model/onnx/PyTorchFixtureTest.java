package dev.infoprune.model.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static dev.infoprune.model.onnx.OnnxChecks.TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files written by PyTorch's own exporter ({@code src/test/resources/onnx/make_fixtures.py}, torch 1.13):
 * the imported network reproduces PyTorch's outputs (reference forward pass and DJL engine), and so do the original
 * file and our re-export in ONNX Runtime.
 */
class PyTorchFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path fixture(String file) {
        try {
            return Path.of(PyTorchFixtureTest.class.getResource("/onnx/" + file).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + file, e);
        }
    }

    record Expected(int[] inputShape, float[] inputs, double[][] outputs, double[][] logits) {
        int batch() {
            return outputs.length;
        }
    }

    static Expected expected(String model) throws IOException {
        return expectedFrom(fixture(model + ".json"));
    }

    static Expected expectedFrom(Path json) throws IOException {
        JsonNode root = JSON.readTree(json.toFile());
        int[] shape = JSON.treeToValue(root.get("input_shape"), int[].class);
        float[][] rows = JSON.treeToValue(root.get("inputs"), float[][].class);
        float[] flat = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[i].length, rows[i].length);
        }
        return new Expected(shape, flat, JSON.treeToValue(root.get("outputs"), double[][].class),
                JSON.treeToValue(root.get("logits"), double[][].class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp_op11", "mlp_op17", "cnn_bn_op11", "cnn_bn_op17", "cnn_flatten_op11", "cnn_flatten_op17",
            "cnn_view_op11", "cnn_view_op17", "cnn_view_static_op13", "mlp_matmul_op11", "mlp_matmul_op17",
            "mlp_normalised_op13"})
    void importReproducesPyTorchOutputs(String file) throws IOException {
        String model = file.substring(0, file.lastIndexOf("_op"));
        Expected e = expected(model);
        Path onnx = fixture(file + ".onnx");
        Network net = OnnxImport.read(onnx);

        assertThat(net.inputShape()).isEqualTo(e.inputShape());
        assertThat(net.classes()).hasSize(e.logits()[0].length).first().isEqualTo("0");
        // the imported network applies the file's input Sub/Div as its normalisation (only mlp_normalised has one)
        double reference = OnnxChecks.maxAbsDiff(e.logits(), toFloat(OnnxChecks.referenceOutputs(net, e.inputs(), e.batch(), true)));
        assertThat(reference).as("imported network (reference forward) vs PyTorch").isLessThan(TOLERANCE);

        // the DJL engine, through the data-set path that applies the model's normalisation
        Dataset data = new Dataset(model, net.inputShape(), e.inputs(), new int[e.batch()], net.classes());
        Matrix djl = Inference.outputs(net, data, Progress.NONE);
        float[][] djlRows = new float[e.batch()][djl.cols()];
        for (int b = 0; b < e.batch(); b++) {
            for (int i = 0; i < djl.cols(); i++) {
                djlRows[b][i] = (float) djl.get(b, i);
            }
        }
        assertThat(OnnxChecks.maxAbsDiff(e.logits(), djlRows)).as("imported network (DJL) vs PyTorch").isLessThan(TOLERANCE);

        try (OnnxRuntimeRunner original = OnnxRuntimeRunner.open(onnx)) {
            int batch = model.endsWith("static") ? 1 : e.batch();
            double ortOriginal = OnnxChecks.maxAbsDiff(java.util.Arrays.copyOf(e.outputs(), batch),
                    original.run(java.util.Arrays.copyOf(e.inputs(), batch * net.inputSize()), batch));
            assertThat(ortOriginal).as("the PyTorch file in ONNX Runtime vs PyTorch").isLessThan(TOLERANCE);
        }
        try (OnnxRuntimeRunner exported = OnnxRuntimeRunner.open(OnnxExport.toBytes(net), "re-export")) {
            // our export leaves the normalisation to the caller, like predict
            float[] normalised = e.inputs().clone();
            for (int b = 0; b < e.batch(); b++) {
                net.normalization().applyInPlace(normalised, b * net.inputSize(), net.inputSize());
            }
            double ortExport = OnnxChecks.maxAbsDiff(e.logits(), exported.run(normalised, e.batch()));
            assertThat(ortExport).as("our re-export in ONNX Runtime vs PyTorch").isLessThan(TOLERANCE);
        }
        Network again = OnnxImport.fromBytes(OnnxExport.toBytes(net), "re-export", net.name());
        assertThat(again.sameWeightsAs(net)).isTrue();
    }

    @Test
    void mlpKeepsPyTorchModuleNamesSoTheWeightsLoadWithLoadStateDict() {
        Network net = OnnxImport.read(fixture("mlp_op17.onnx"));
        assertThat(names(net)).containsExactly("fc1", "relu1", "fc2", "bn2", "tanh2", "out");
        assertThat(net.name()).isEqualTo("mlp_op17");
        assertThat(net.card().notes()).contains("imported from mlp_op17.onnx (pytorch 1.13", "opset 17");
        assertThat(((BatchNorm) net.layer(3)).eps()).isEqualTo(1e-5);
    }

    @Test
    void cnnKeepsBatchNormAfterReluAndDropsTheFinalSoftmaxWithANote() {
        Network net = OnnxImport.read(fixture("cnn_bn_op11.onnx"));
        // the exporter folded bn1 into conv1; bn2 follows a ReLU and stays a layer
        assertThat(names(net)).containsExactly("conv1", "relu1", "pool1", "conv2", "relu2", "bn2", "pool2", "flatten", "fc");
        assertThat(net.card().notes()).contains("final Softmax", "dropped");
    }

    @Test
    void viewBecomesAFlattenWhetherTheBatchIsDynamicOrFixed() {
        for (String file : List.of("cnn_view_op11.onnx", "cnn_view_op17.onnx", "cnn_view_static_op13.onnx")) {
            Network net = OnnxImport.read(fixture(file));
            assertThat(names(net)).as(file).containsExactly("features.0", "features.1", "features.2", "features.3",
                    "features.4", "features.5", "flatten1", "classifier.0", "classifier.1", "classifier.2");
            assertThat(net.layer(6).type()).isEqualTo("flatten");
        }
    }

    @Test
    void matMulAndAddBecomeOneDenseLayer() {
        Network net = OnnxImport.read(fixture("mlp_matmul_op11.onnx"));
        assertThat(net.layers()).extracting(Layer::type).containsExactly("dense", "sigmoid", "dense");
        assertThat(net.unitLayerWidths()).containsExactly(9, 3);
    }

    @Test
    void subAndDivAtTheInputBecomeTheNormalisation() {
        Network net = OnnxImport.read(fixture("mlp_normalised_op13.onnx"));
        assertThat(net.normalization().mean()).containsExactly(-0.5f, -0.25f, 0f, 0.25f, 0.5f);
        assertThat(net.normalization().std()).containsExactly(0.5f, 0.875f, 1.25f, 1.625f, 2f);
        assertThat(names(net)).containsExactly("net.fc1", "net.relu1", "net.out");
        assertThat(net.card().notes()).contains("became the model's input normalisation");
    }

    private static List<String> names(Network net) {
        return net.layers().stream().map(Layer::name).toList();
    }

    private static float[][] toFloat(double[][] d) {
        float[][] f = new float[d.length][];
        for (int i = 0; i < d.length; i++) {
            f[i] = new float[d[i].length];
            for (int j = 0; j < d[i].length; j++) {
                f[i][j] = (float) d[i][j];
            }
        }
        return f;
    }
}
