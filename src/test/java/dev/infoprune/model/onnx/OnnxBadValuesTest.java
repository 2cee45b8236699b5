package dev.infoprune.model.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import com.google.protobuf.ByteString;
import dev.infoprune.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static dev.infoprune.model.onnx.PyTorchFixtureTest.fixture;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values and sizes in an ONNX file are checked like its structure: one message naming the file and the tensor. */
class OnnxBadValuesTest {
    @TempDir
    Path dir;

    @Test
    void aNanOrInfiniteInitializerIsRefused() throws Exception {
        String weight = input("mlp_op17.onnx", "Gemm", 1);
        Path nan = edited("mlp_op17.onnx", "nan", m -> withInitializer(m, weight, t -> withFirstValue(t, Float.NaN)));
        assertThatThrownBy(() -> OnnxImport.read(nan)).isInstanceOf(BadInputException.class)
                .hasMessage(nan + ": tensor " + weight + " holds NaN at index 0 (weights must be finite float32 numbers)");
        Path inf = edited("mlp_op17.onnx", "inf", m -> withInitializer(m, weight, t -> withFirstValue(t, Float.POSITIVE_INFINITY)));
        assertThatThrownBy(() -> OnnxImport.read(inf))
                .hasMessage(inf + ": tensor " + weight + " holds Infinity at index 0 (weights must be finite float32 numbers)");
    }

    @Test
    void aNanGemmAlphaIsRefused() throws Exception {
        Path file = edited("mlp_op17.onnx", "alpha", m -> withAttribute(m, "Gemm", floatAttr("alpha", Float.NaN)));
        assertThatThrownBy(() -> OnnxImport.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining("alpha")
                .hasMessageContaining("alpha and beta must be finite numbers");
    }

    @Test
    void aNegativeRunningVarianceOrEpsilonIsRefused() throws Exception {
        String var = input("cnn_bn_op17.onnx", "BatchNormalization", 4);
        Path negativeVar = edited("cnn_bn_op17.onnx", "var", m -> withInitializer(m, var, t -> withFirstValue(t, -1f)));
        assertThatThrownBy(() -> OnnxImport.read(negativeVar)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(negativeVar + ": weight ")
                .hasMessageEndingWith(".running_var holds -1.0 at index 0; variances must be finite and not negative");
        Path negativeEps = edited("cnn_bn_op17.onnx", "eps", m -> withAttribute(m, "BatchNormalization", floatAttr("epsilon", -1f)));
        assertThatThrownBy(() -> OnnxImport.read(negativeEps))
                .hasMessageStartingWith(negativeEps + ": ").hasMessageContaining("epsilon must be a finite number >= 0");
    }

    @Test
    void initializerDimsThatOverflowOrAnnounceGigabytesAreRefusedBeforeAllocation() throws Exception {
        String weight = input("mlp_op17.onnx", "Gemm", 1);
        for (long[] dims : new long[][] {{46341, 46341}, {2, 1073741823}}) {
            Path file = edited("mlp_op17.onnx", "dims" + dims[1], m -> withInitializer(m, weight,
                    t -> t.toBuilder().clearDims().addDims(dims[0]).addDims(dims[1]).build()));
            assertThatThrownBy(() -> OnnxImport.read(file)).isInstanceOf(BadInputException.class)
                    .hasMessage(file + ": tensor " + weight + " declares shape [" + dims[0] + ", " + dims[1]
                            + "], more than the 268435456 values InfoPrune reads in one tensor");
        }
    }

    static String input(String fixtureName, String opType, int index) throws Exception {
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(fixture(fixtureName)));
        return m.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals(opType)).findFirst().orElseThrow()
                .getInput(index);
    }

    private Path edited(String fixtureName, String tag, UnaryOperator<ModelProto> edit) throws Exception {
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(fixture(fixtureName)));
        Path out = dir.resolve(tag + "-" + fixtureName);
        Files.write(out, edit.apply(m).toByteArray());
        return out;
    }

    static ModelProto withInitializer(ModelProto m, String name, UnaryOperator<TensorProto> edit) {
        GraphProto.Builder g = m.getGraph().toBuilder();
        for (int i = 0; i < g.getInitializerCount(); i++) {
            if (g.getInitializer(i).getName().equals(name)) {
                g.setInitializer(i, edit.apply(g.getInitializer(i)));
                return m.toBuilder().setGraph(g).build();
            }
        }
        throw new IllegalArgumentException("no initializer " + name);
    }

    static TensorProto withFirstValue(TensorProto t, float v) {
        if (t.hasRawData()) {
            byte[] raw = t.getRawData().toByteArray();
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, v);
            return t.toBuilder().setRawData(ByteString.copyFrom(raw)).build();
        }
        return t.toBuilder().setFloatData(0, v).build();
    }

    static ModelProto withAttribute(ModelProto m, String opType, AttributeProto attribute) {
        GraphProto.Builder g = m.getGraph().toBuilder();
        for (int i = 0; i < g.getNodeCount(); i++) {
            NodeProto n = g.getNode(i);
            if (n.getOpType().equals(opType)) {
                NodeProto.Builder b = n.toBuilder().clearAttribute();
                n.getAttributeList().stream().filter(a -> !a.getName().equals(attribute.getName())).forEach(b::addAttribute);
                g.setNode(i, b.addAttribute(attribute));
                return m.toBuilder().setGraph(g).build();
            }
        }
        throw new IllegalArgumentException("no " + opType + " node");
    }

    static AttributeProto floatAttr(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(v).build();
    }
}
