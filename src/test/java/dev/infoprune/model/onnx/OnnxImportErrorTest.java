package dev.infoprune.model.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.infoprune.core.BadInputException;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;

import static dev.infoprune.model.onnx.PyTorchFixtureTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way an ONNX file can be unusable gives one message naming the file and the node or problem. */
class OnnxImportErrorTest {
    @TempDir
    Path dir;

    @Test
    void unsupportedOperatorNamesTheOperatorAndTheNode() {
        Path file = fixture("unsupported_softplus_op13.onnx");
        assertThatThrownBy(() -> OnnxImport.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": unsupported operator Softplus (Softplus node /1/Softplus)")
                .hasMessageContaining("InfoPrune reads Gemm, MatMul+Add, Conv");
        // LeakyRelu, once the example of an unsupported operator, is read since activations became first-class
        assertThat(OnnxImport.read(fixture("unsupported_leakyrelu_op13.onnx")).layer(1).type()).isEqualTo("leakyrelu");
    }

    @Test
    void aTensorUsedTwiceNamesTheRealReason() throws IOException {
        // x · Softplus(x): the operator on one of the two paths is what InfoPrune lacks, not a chain
        Path softplus = edited("act_silu_op17.onnx", m -> retype(m, "Sigmoid", "Softplus"));
        assertThatThrownBy(() -> OnnxImport.read(softplus))
                .hasMessageStartingWith(softplus + ": unsupported operator Softplus (Softplus node /act1/Sigmoid)");
        // x · HardSigmoid(x) with ONNX's default parameters is not Hardswish
        Path hard = edited("act_hardswish_op13.onnx", m -> {
            GraphProto.Builder g = m.getGraph().toBuilder();
            for (int i = 0; i < g.getNodeCount(); i++) {
                if (g.getNode(i).getOpType().equals("HardSigmoid")) {
                    g.setNode(i, g.getNode(i).toBuilder().clearAttribute());
                }
            }
            return m.toBuilder().setGraph(g).build();
        });
        assertThatThrownBy(() -> OnnxImport.read(hard))
                .hasMessage(hard + ": x·HardSigmoid(x) at tensor /fc1/Gemm_output_0 has alpha 0.2 and beta 0.5; it is "
                        + "Hardswish only with alpha 1/6 and beta 0.5, and InfoPrune has no layer for other values");
        // the erf form of GELU with 0.25 instead of 0.5 is a real branch: no recognised activation
        Path gelu = edited("act_gelu_op13.onnx", m -> {
            GraphProto.Builder g = m.getGraph().toBuilder();
            for (int i = 0; i < g.getNodeCount(); i++) {
                if (g.getNode(i).getName().equals("/act1/Constant_2")) {
                    g.setNode(i, g.getNode(i).toBuilder().setAttribute(0, g.getNode(i).getAttribute(0).toBuilder()
                            .setT(OnnxTensors.scalar("", 0.25f))));
                }
            }
            return m.toBuilder().setGraph(g).build();
        });
        assertThatThrownBy(() -> OnnxImport.read(gelu))
                .hasMessageStartingWith(gelu + ": the graph branches at tensor /fc1/Gemm_output_0 (used by [Div node "
                        + "/act1/Div, Mul node /act1/Mul]); InfoPrune reads sequential networks (one chain of layers) and, "
                        + "where a tensor is used twice inside one activation, recognises x·Sigmoid(x) (SiLU)");
        assertThat(OnnxImport.read(fixture("act_gelu_op13.onnx")).layer(1).type()).isEqualTo("gelu");
    }

    @Test
    void clipBoundsAreReadFromAttributesBeforeOpset11AndFromInputsAfter() throws IOException {
        // opset 13: Clip(x, 0, 6) -> relu6; without the max it is a ReLU; other bounds a clip layer
        assertThat(OnnxImport.read(fixture("act_relu6_op13.onnx")).layer(1).type()).isEqualTo("relu6");
        Path noMax = edited("act_relu6_op13.onnx", m -> {
            GraphProto.Builder g = m.getGraph().toBuilder();
            for (int i = 0; i < g.getNodeCount(); i++) {
                if (g.getNode(i).getOpType().equals("Clip")) {
                    g.setNode(i, g.getNode(i).toBuilder().setInput(2, ""));
                }
            }
            return m.toBuilder().setGraph(g).build();
        });
        assertThat(OnnxImport.read(noMax).layers()).extracting(l -> l.type()).containsExactly("dense", "relu", "dense", "relu", "dense");
        // opset 9: the bounds are attributes
        Path op9 = edited("act_relu6_op13.onnx", m -> {
            GraphProto.Builder g = m.getGraph().toBuilder();
            for (int i = 0; i < g.getNodeCount(); i++) {
                NodeProto n = g.getNode(i);
                if (n.getOpType().equals("Clip")) {
                    g.setNode(i, n.toBuilder().clearInput().addInput(n.getInput(0))
                            .addAttribute(floatAttr("min", -1f)).addAttribute(floatAttr("max", 2.5f)));
                }
            }
            return m.toBuilder().setGraph(g).setOpsetImport(0, m.getOpsetImport(0).toBuilder().setVersion(9)).build();
        });
        dev.infoprune.model.Network net = OnnxImport.read(op9);
        assertThat(net.layer(1)).isEqualTo(dev.infoprune.model.Activation.clip("act1", -1, 2.5));
        try (OnnxRuntimeRunner ort = OnnxRuntimeRunner.open(op9)) {
            float[] x = OnnxChecks.randomInputs(3, 4, net.inputSize());
            for (int i = 0; i < x.length; i++) {
                x[i] *= 4;
            }
            assertThat(OnnxChecks.maxAbsDiff(OnnxChecks.referenceOutputs(net, x, 4), ort.run(x, 4))).isLessThan(OnnxChecks.TOLERANCE);
        }
    }

    @Test
    void autoPadSameBecomesSymmetricPaddingWhenItIsAndIsRejectedWhenNot() throws IOException {
        // pool1 is MaxPool 3/2 with pads 1 on a 7x7 map: SAME_UPPER pads (ceil(7/2)-1)*2+3-7 = 2, one per side
        Path same = edited("pool_padded_op13.onnx", m -> withPoolAttribute(m, "/pool1/MaxPool", "SAME_UPPER"));
        assertThat(OnnxImport.read(same).sameWeightsAs(OnnxImport.read(fixture("pool_padded_op13.onnx")))).isTrue();
        // conv1 (3x3, stride 1) on 7x7: SAME pads 2 in total, one per side, as its explicit pads
        Path conv = edited("pool_padded_op13.onnx", m -> withPoolAttribute(m, "/conv1/Conv", "SAME_LOWER"));
        assertThat(OnnxImport.read(conv).sameWeightsAs(OnnxImport.read(fixture("pool_padded_op13.onnx")))).isTrue();
        // pool3 is 2x2 with stride 1: SAME pads one row, on one side only
        Path odd = edited("pool_padded_op13.onnx", m -> withPoolAttribute(m, "/pool3/AveragePool", "SAME_UPPER"));
        assertThatThrownBy(() -> OnnxImport.read(odd)).hasMessageStartingWith(odd + ": AveragePool node /pool3/AveragePool: "
                + "attribute auto_pad = SAME_UPPER is not supported (for input [batch, 5, 2, 2] it pads 1 rows and 1 columns");
    }

    private static ModelProto withPoolAttribute(ModelProto m, String node, String autoPad) {
        GraphProto.Builder g = m.getGraph().toBuilder();
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto n = g.getNode(i);
            if (n.getName().equals(node)) {
                NodeProto.Builder b = n.toBuilder().clearAttribute();
                n.getAttributeList().stream().filter(a -> !a.getName().equals("pads")).forEach(b::addAttribute);
                b.addAttribute(AttributeProto.newBuilder().setName("auto_pad").setType(AttributeProto.AttributeType.STRING)
                        .setS(com.google.protobuf.ByteString.copyFromUtf8(autoPad)));
                g.setNode(i, b);
            }
        }
        return m.toBuilder().setGraph(g).build();
    }

    private static ModelProto retype(ModelProto m, String from, String to) {
        GraphProto.Builder g = m.getGraph().toBuilder();
        for (int i = 0; i < g.getNodeCount(); i++) {
            if (g.getNode(i).getOpType().equals(from)) {
                g.setNode(i, g.getNode(i).toBuilder().setOpType(to));
            }
        }
        return m.toBuilder().setGraph(g).build();
    }

    private static AttributeProto floatAttr(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(v).build();
    }

    @Test
    void moreThanOneInputIsRejected() {
        Path file = fixture("two_inputs_op13.onnx");
        assertThatThrownBy(() -> OnnxImport.read(file))
                .hasMessage(file + ": the model has 2 inputs [a, b]; InfoPrune reads models with exactly one input");
    }

    @Test
    void moreThanOneOutputIsRejected() throws IOException {
        Path file = edited("mlp_op17.onnx", m -> m.toBuilder().setGraph(m.getGraph().toBuilder()
                .addOutput(m.getGraph().getOutput(0).toBuilder().setName("/fc1/Gemm_output_0"))).build());
        assertThatThrownBy(() -> OnnxImport.read(file))
                .hasMessage(file + ": the model has 2 outputs [output, /fc1/Gemm_output_0]; InfoPrune reads models "
                        + "with exactly one output");
    }

    @Test
    void dynamicImageSizeIsRejected() {
        Path file = fixture("dynamic_size_op13.onnx");
        assertThatThrownBy(() -> OnnxImport.read(file))
                .hasMessage(file + ": input input has a dynamic dimension 2 ('height') in shape [batch, 1, height, width]; "
                        + "every dimension except the batch (dimension 0) must be fixed");
    }

    @Test
    void reshapeTargetThatCannotBeResolvedIsRejected() throws IOException {
        // the batch size of PyTorch's x.view(x.size(0), -1) now comes out of an operator InfoPrune does not evaluate
        Path file = edited("cnn_view_op17.onnx", m -> {
            GraphProto.Builder g = m.getGraph().toBuilder();
            for (int i = 0; i < g.getNodeCount(); i++) {
                if (g.getNode(i).getOpType().equals("Gather")) {
                    g.setNode(i, g.getNode(i).toBuilder().setOpType("ReduceMax").clearInput().addInput("/Shape_output_0"));
                }
            }
            return m.toBuilder().setGraph(g).build();
        });
        assertThatThrownBy(() -> OnnxImport.read(file))
                .hasMessage(file + ": Reshape node /Reshape: cannot resolve its target shape: /Gather_output_0 is computed "
                        + "by ReduceMax node /Gather, which InfoPrune cannot evaluate (a dynamic shape)");
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        byte[] bytes = Files.readAllBytes(fixture("cnn_bn_op17.onnx"));
        for (int length : new int[] {bytes.length / 3, bytes.length / 2, bytes.length - 7}) {
            Path file = dir.resolve("truncated" + length + ".onnx");
            Files.write(file, Arrays.copyOf(bytes, length));
            assertThatThrownBy(() -> OnnxImport.read(file))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(file + ": not an ONNX model, or a truncated one");
        }
    }

    @Test
    void filesThatAreNotOnnxAreRejected() throws IOException {
        Path text = dir.resolve("notes.onnx");
        Files.writeString(text, "hello, this is not a model\n");
        assertThatThrownBy(() -> OnnxImport.read(text)).hasMessageStartingWith(text + ": not an ONNX model");
        Path empty = dir.resolve("empty.onnx");
        Files.write(empty, new byte[0]);
        assertThatThrownBy(() -> OnnxImport.read(empty)).hasMessage(empty + ": the file is empty (not an ONNX model)");
        Path missing = dir.resolve("missing.onnx");
        assertThatThrownBy(() -> OnnxImport.read(missing)).hasMessage(missing + ": file not found");
        Path npz = dir.resolve("weights.onnx");
        try (var out = Files.newOutputStream(npz)) {
            dev.infoprune.model.NpzWeights.write(java.util.Map.of("a.weight", Tensor.filled(1f, 3, 3)), out);
        }
        assertThatThrownBy(() -> OnnxImport.read(npz)).hasMessageStartingWith(npz + ": not an ONNX model");
    }

    @Test
    void weightOfTheWrongShapeNamesTheNodeAndTheWeight() throws IOException {
        Path file = edited("mlp_op11.onnx", m -> replaceInitializer(m, "fc2.weight", Tensor.filled(0.1f, 12, 15)));
        assertThatThrownBy(() -> OnnxImport.read(file))
                .hasMessage(file + ": Gemm node /fc2/Gemm: weight fc2.weight has shape [12, 15], expected [out, 16] "
                        + "for an input of 16 features");
        Path bn = edited("mlp_op11.onnx", m -> replaceInitializer(m, "bn2.running_var", Tensor.filled(1f, 11)));
        assertThatThrownBy(() -> OnnxImport.read(bn))
                .hasMessage(bn + ": BatchNormalization node /bn2/BatchNormalization: weight bn2.running_var has shape [11], expected [12]");
    }

    @Test
    void unsupportedConvAttributesNameTheNodeAndTheAttribute() throws IOException {
        // groups are read (grouped and depthwise convs) when they divide the input channels
        assertConvAttribute("group", attr("group", 3), "Conv node /conv1/Conv: attribute group = 3 is not supported");
        assertConvAttribute("pads", ints("pads", 1, 0, 1, 0), "Conv node /conv1/Conv: attribute pads = [1, 0, 1, 0] is not supported");
        assertConvAttribute("strides", ints("strides", 1, 2), "Conv node /conv1/Conv: attribute strides = [1, 2] is not supported");
        assertConvAttribute("dilations", ints("dilations", 2, 2), "Conv node /conv1/Conv: attribute dilations = [2, 2] is not supported");
        Path nonSquare = edited("cnn_bn_op17.onnx", m -> replaceInitializer(m, m.getGraph().getNode(0).getInput(1),
                Tensor.filled(0.1f, 4, 2, 3, 1)));
        assertThatThrownBy(() -> OnnxImport.read(nonSquare))
                .hasMessage(nonSquare + ": Conv node /conv1/Conv: attribute kernel_shape = [3, 1] is not supported (only square kernels)");
    }

    @Test
    void branchesSoftmaxInTheMiddleAndUnknownOpsetsAreRejected() throws IOException {
        Path branch = edited("mlp_op17.onnx", m -> {
            GraphProto.Builder g = m.getGraph().toBuilder();
            g.addNode(NodeProto.newBuilder().setOpType("Relu").setName("side").addInput("/fc1/Gemm_output_0").addOutput("side_out"));
            return m.toBuilder().setGraph(g).build();
        });
        assertThatThrownBy(() -> OnnxImport.read(branch))
                .hasMessageStartingWith(branch + ": the graph branches at tensor /fc1/Gemm_output_0");
        Path softmax = edited("mlp_op17.onnx", m -> {
            GraphProto.Builder g = m.getGraph().toBuilder();
            for (int i = 0; i < g.getNodeCount(); i++) {
                if (g.getNode(i).getOpType().equals("Tanh")) {
                    g.setNode(i, g.getNode(i).toBuilder().setOpType("Softmax").setName("/mid/Softmax"));
                }
            }
            return m.toBuilder().setGraph(g).build();
        });
        assertThatThrownBy(() -> OnnxImport.read(softmax))
                .hasMessage(softmax + ": Softmax node /mid/Softmax is not the last node; Softmax is only supported at the "
                        + "output, where it is dropped");
        Path opset = edited("mlp_op17.onnx", m -> m.toBuilder().setOpsetImport(0, m.getOpsetImport(0).toBuilder().setVersion(5)).build());
        assertThatThrownBy(() -> OnnxImport.read(opset)).hasMessageStartingWith(opset + ": opset 5 is not supported");
    }

    @Test
    void identityDeduplicatedInitializersAreResolved() throws IOException {
        // PyTorch 1.13 writes a fresh BatchNorm's running_var as Identity(weight) when both are ones
        Path file = edited("mlp_op11.onnx", m -> {
            GraphProto.Builder g = m.getGraph().toBuilder();
            int idx = indexOfInitializer(g, "bn2.running_var");
            TensorProto ones = g.getInitializer(idx);
            g.removeInitializer(idx);
            g.addInitializer(ones.toBuilder().setName("bn2.ones"));
            g.addNode(0, NodeProto.newBuilder().setOpType("Identity").setName("Identity_0").addInput("bn2.ones").addOutput("bn2.running_var"));
            return m.toBuilder().setGraph(g).build();
        });
        assertThat(OnnxImport.read(file).sameWeightsAs(OnnxImport.read(fixture("mlp_op11.onnx")))).isTrue();
    }

    @Test
    void exportedNetworksAreNotMistakenForOthers() {
        // sanity: a correct file passes all the checks above
        assertThat(OnnxImport.fromBytes(OnnxExport.toBytes(RandomNetworks.mlp(1, 3, 4, 4, 2)), "x", "x").layers()).hasSize(6);
    }

    private void assertConvAttribute(String name, AttributeProto replacement, String expected) throws IOException {
        Path file = edited("cnn_bn_op17.onnx", m -> {
            GraphProto.Builder g = m.getGraph().toBuilder();
            NodeProto conv = g.getNode(0);
            NodeProto.Builder b = conv.toBuilder().clearAttribute();
            conv.getAttributeList().stream().filter(a -> !a.getName().equals(name)).forEach(b::addAttribute);
            g.setNode(0, b.addAttribute(replacement));
            return m.toBuilder().setGraph(g).build();
        });
        assertThatThrownBy(() -> OnnxImport.read(file)).hasMessageStartingWith(file + ": " + expected);
    }

    private Path edited(String fixtureName, UnaryOperator<ModelProto> edit) throws IOException {
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(fixture(fixtureName)));
        Path out = dir.resolve("edited-" + fixtureName);
        Files.write(out, edit.apply(m).toByteArray());
        return out;
    }

    private static ModelProto replaceInitializer(ModelProto m, String name, Tensor value) {
        GraphProto.Builder g = m.getGraph().toBuilder();
        g.setInitializer(indexOfInitializer(g, name), OnnxTensors.floats(name, value));
        return m.toBuilder().setGraph(g).build();
    }

    private static int indexOfInitializer(GraphProto.Builder g, String name) {
        for (int i = 0; i < g.getInitializerCount(); i++) {
            if (g.getInitializer(i).getName().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no initializer " + name);
    }

    private static AttributeProto attr(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    private static AttributeProto ints(String name, long... v) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        Arrays.stream(v).forEach(b::addInts);
        return b.build();
    }
}
