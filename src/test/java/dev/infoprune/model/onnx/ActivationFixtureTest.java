package dev.infoprune.model.onnx;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.Activation;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.Pool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.infoprune.model.onnx.OnnxChecks.TOLERANCE;
import static dev.infoprune.model.onnx.PyTorchFixtureTest.expected;
import static dev.infoprune.model.onnx.PyTorchFixtureTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PyTorch's exports of the modern activations and of padded pooling
 * ({@code src/test/resources/onnx/make_activation_fixtures.py}, torch 1.13, opsets 13 and 17): each imports as a chain
 * that reproduces PyTorch's outputs to 1e-4 (reference forward pass and DJL engine), our re-export does too in ONNX
 * Runtime, and the model folder keeps every parameter.
 */
class ActivationFixtureTest {
    private static final String[] MODELS = {"act_leakyrelu", "act_elu", "act_relu6", "act_hardtanh", "act_gelu", "act_silu",
            "act_hardswish", "act_hardsigmoid", "act_cnn", "pool_padded"};

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"act_leakyrelu_op13", "act_leakyrelu_op17", "act_elu_op13", "act_elu_op17", "act_relu6_op13",
            "act_relu6_op17", "act_hardtanh_op13", "act_hardtanh_op17", "act_gelu_op13", "act_gelu_op17", "act_silu_op13",
            "act_silu_op17", "act_hardswish_op13", "act_hardswish_op17", "act_hardsigmoid_op13", "act_hardsigmoid_op17",
            "act_cnn_op13", "act_cnn_op17", "pool_padded_op13", "pool_padded_op17", "pool_ceil_op13", "pool_ceil_op17"})
    void importReproducesPyTorchOutputsAndSurvivesExportAndTheModelFolder(String file) throws IOException {
        String model = file.substring(0, file.lastIndexOf("_op"));
        PyTorchFixtureTest.Expected e = expected(model);
        Path onnx = fixture(file + ".onnx");
        Network net = OnnxImport.read(onnx);
        assertThat(net.inputShape()).isEqualTo(e.inputShape());

        double reference = OnnxChecks.maxAbsDiff(e.logits(), toFloat(OnnxChecks.referenceOutputs(net, e.inputs(), e.batch())));
        assertThat(reference).as("imported network (reference forward) vs PyTorch").isLessThan(TOLERANCE);
        assertThat(OnnxChecks.maxAbsDiff(e.logits(), djl(net, e))).as("imported network (DJL) vs PyTorch").isLessThan(TOLERANCE);

        // unoptimised: ONNX Runtime 1.19's Pad fusion changes what Pad + AveragePool computes (see openUnoptimised)
        try (OnnxRuntimeRunner original = OnnxRuntimeRunner.openUnoptimised(onnx)) {
            assertThat(OnnxChecks.maxAbsDiff(e.outputs(), original.run(e.inputs(), e.batch())))
                    .as("the PyTorch file in ONNX Runtime vs PyTorch").isLessThan(TOLERANCE);
        }
        try (OnnxRuntimeRunner exported = OnnxRuntimeRunner.open(OnnxExport.toBytes(net), "re-export")) {
            assertThat(OnnxChecks.maxAbsDiff(e.logits(), exported.run(e.inputs(), e.batch())))
                    .as("our re-export in ONNX Runtime vs PyTorch").isLessThan(TOLERANCE);
        }
        assertThat(OnnxImport.fromBytes(OnnxExport.toBytes(net), "re-export", net.name()).sameWeightsAs(net))
                .as("re-import of our export").isTrue();

        Path folder = dir.resolve(file);
        ModelFolder.write(net, folder);
        Network back = ModelFolder.read(folder);
        assertThat(back.sameWeightsAs(net)).as("model folder round trip").isTrue();
        assertThat(OnnxChecks.maxAbsDiff(e.logits(), djl(back, e))).as("model folder (DJL) vs PyTorch").isLessThan(TOLERANCE);
    }

    @Test
    void eachActivationModuleBecomesOneLayerNamedAfterIt() {
        assertLayers("act_leakyrelu_op13", "leakyrelu");
        assertLayers("act_elu_op17", "elu");
        assertLayers("act_relu6_op13", "relu6");
        assertLayers("act_hardtanh_op17", "clip");
        assertLayers("act_gelu_op13", "gelu");
        assertLayers("act_silu_op17", "silu");
        assertLayers("act_hardswish_op13", "hardswish"); // HardSigmoid(alpha 1/6) · x
        assertLayers("act_hardswish_op17", "hardswish"); // HardSwish
        assertLayers("act_hardsigmoid_op13", "hardsigmoid");

        Network leaky = OnnxImport.read(fixture("act_leakyrelu_op17.onnx"));
        assertThat(((Activation) leaky.layer(1)).alpha()).isEqualTo(0.1);
        assertThat(((Activation) OnnxImport.read(fixture("act_elu_op13.onnx")).layer(3)).alpha()).isEqualTo(0.7);
        Activation clip = (Activation) OnnxImport.read(fixture("act_hardtanh_op13.onnx")).layer(1);
        assertThat(List.of(clip.min(), clip.max())).containsExactly(-0.5, 1.5);
        Activation hardSigmoid = (Activation) OnnxImport.read(fixture("act_hardsigmoid_op17.onnx")).layer(1);
        assertThat(List.of(hardSigmoid.alpha(), hardSigmoid.beta())).containsExactly(1.0 / 6, 0.5);
    }

    @Test
    void onnxRuntimeOptimisationsAverageAPaddedPoolWronglyButOurExportIsUnaffected() throws IOException {
        // documents why the PyTorch file runs unoptimised above: if ONNX Runtime fixes its Pad fusion, this fails
        // and the workaround can go
        PyTorchFixtureTest.Expected e = expected("pool_padded");
        Path onnx = fixture("pool_padded_op13.onnx");
        try (OnnxRuntimeRunner optimised = OnnxRuntimeRunner.open(onnx)) {
            assertThat(OnnxChecks.maxAbsDiff(e.outputs(), optimised.run(e.inputs(), e.batch()))).isGreaterThan(0.01);
        }
        // our export writes the padding into the AveragePool with count_include_pad = 1: right when optimised too
        try (OnnxRuntimeRunner ours = OnnxRuntimeRunner.open(OnnxExport.toBytes(OnnxImport.read(onnx)), "ours")) {
            assertThat(OnnxChecks.maxAbsDiff(e.outputs(), ours.run(e.inputs(), e.batch()))).isLessThan(TOLERANCE);
        }
    }

    @Test
    void paddedPoolingKeepsItsPaddingAndWhetherTheAverageCountsIt() {
        Network net = OnnxImport.read(fixture("pool_padded_op17.onnx"));
        assertThat(net.layers()).extracting(Layer::name).containsExactly("conv1", "relu1", "pool1", "conv2", "leaky2",
                "pool2", "conv3", "tanh3", "pool3", "flatten", "fc");
        // MaxPool pads; Pad + AveragePool (count_include_pad=True); AveragePool pads (count_include_pad=False)
        assertThat(net.layer(2)).isEqualTo(new Pool("pool1", Pool.Kind.MAX, 3, 2, 1, true));
        assertThat(net.layer(5)).isEqualTo(new Pool("pool2", Pool.Kind.AVG, 3, 2, 1, true));
        assertThat(net.layer(8)).isEqualTo(new Pool("pool3", Pool.Kind.AVG, 2, 1, 1, false));
    }

    @Test
    void ceilModeMaxPoolingRoundsItsOutputUpAndKeepsThatInTheModelFolder() throws IOException {
        Network net = OnnxImport.read(fixture("pool_ceil_op13.onnx"));
        // 10x10 maps, window 3, stride 2: floor rounding gives 4x4, ceil 5x5 (a last window over the edge)
        assertThat(net.layer(2)).isEqualTo(new Pool("pool1", Pool.Kind.MAX, 3, 2, 0, true, true));
        assertThat(net.outputShapeOf(2)).containsExactly(4, 5, 5);
        Path folder = dir.resolve("ceil");
        ModelFolder.write(net, folder);
        assertThat(java.nio.file.Files.readString(folder.resolve(ModelFolder.MODEL_JSON))).contains("\"ceil_mode\" : true");
        assertThat(ModelFolder.read(folder).layer(2)).isEqualTo(net.layer(2));
    }

    private static void assertLayers(String file, String activation) {
        Network net = OnnxImport.read(fixture(file + ".onnx"));
        assertThat(net.layers()).as(file).extracting(Layer::type)
                .containsExactly("dense", activation, "dense", activation, "dense");
        assertThat(net.layers()).as(file).extracting(Layer::name).containsExactly("fc1", "act1", "fc2", "act2", "out");
    }

    static float[][] djl(Network net, PyTorchFixtureTest.Expected e) {
        Dataset data = new Dataset("x", net.inputShape(), e.inputs(), new int[e.batch()], net.classes());
        Matrix out = Inference.outputs(net, data, Progress.NONE);
        float[][] rows = new float[e.batch()][out.cols()];
        for (int b = 0; b < e.batch(); b++) {
            for (int i = 0; i < out.cols(); i++) {
                rows[b][i] = (float) out.get(b, i);
            }
        }
        return rows;
    }

    private static float[][] toFloat(double[][] d) {
        return Arrays.stream(d).map(row -> {
            float[] f = new float[row.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) row[i];
            }
            return f;
        }).toArray(float[][]::new);
    }
}
