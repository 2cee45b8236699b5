package dev.infoprune.model.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.infoprune.core.AtomicFiles;
import dev.infoprune.model.Activation;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.ChannelShuffle;
import dev.infoprune.model.ChannelSlice;
import dev.infoprune.model.Concat;
import dev.infoprune.model.Multiply;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Dropout;
import dev.infoprune.model.Flatten;
import dev.infoprune.model.Join;
import dev.infoprune.model.GlobalAvgPool;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.Pool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Network} (pruned or not) as an ONNX model, opset {@value #OPSET}, that ONNX Runtime runs with the
 * same outputs: input {@code "input"} of shape {@code [batch, ...inputShape]} with a dynamic batch axis, output
 * {@code "output"}. Weights are initializers named like {@code weights.npz} ({@code <layer>.weight}, ...), nodes
 * are named after the layers. The graph is the network alone, like {@code weights.npz} and like
 * {@code infoprune predict}, which feeds its inputs as they are: the model's input normalisation is not part of the
 * graph but recorded in the metadata ({@value #META_NORMALIZATION}: {@code {"mean": [...], "std": [...]}}), which
 * {@link OnnxImport} reads back; a caller with raw data applies {@code (x - mean) / std} first.
 */
public final class OnnxExport {
    public static final int OPSET = 13;
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    static final String META_NAME = "infoprune.name";
    static final String META_CLASSES = "infoprune.classes";
    public static final String META_NORMALIZATION = "infoprune.normalization";
    private static final int IR_VERSION = 7;
    private static final ObjectMapper JSON = new ObjectMapper();

    private OnnxExport() {
    }

    /** Writes the ONNX file atomically (a temporary file, then a move). */
    public static void write(Network network, Path file) throws IOException {
        ModelProto model = toModel(network);
        AtomicFiles.writeFile(file, model::writeTo);
    }

    public static byte[] toBytes(Network network) {
        return toModel(network).toByteArray();
    }

    public static ModelProto toModel(Network network) {
        GraphProto.Builder g = GraphProto.newBuilder().setName(network.name());
        g.addInput(valueInfo(INPUT, network.inputShape()));
        g.addOutput(valueInfo(OUTPUT, network.outputShape()));
        List<Layer> layers = network.layers();
        List<String> outputs = new java.util.ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            String out = i == layers.size() - 1 ? OUTPUT : layers.get(i).name() + "_out";
            List<String> ins = java.util.Arrays.stream(network.sourcesOf(i)).mapToObj(s -> s < 0 ? INPUT : outputs.get(s))
                    .toList();
            if (layers.get(i) instanceof Join join) {
                joinNode(g, join, ins, out);
            } else if (layers.get(i) instanceof ChannelShuffle shuffle) {
                shuffleNodes(g, shuffle, network.inputShapeOf(i), ins.get(0), out);
            } else {
                layerNode(g, layers.get(i), ins.get(0), out);
            }
            outputs.add(out);
        }
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("InfoPrune")
                .setProducerVersion("0.1.0")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .addMetadataProps(StringStringEntryProto.newBuilder().setKey(META_NAME).setValue(network.name()))
                .addMetadataProps(meta(META_CLASSES, network.classes()));
        Normalization n = network.normalization();
        if (!n.isIdentity()) {
            model.addMetadataProps(meta(META_NORMALIZATION, java.util.Map.of("mean", n.mean(), "std", n.std())));
        }
        return model.setGraph(g).build();
    }

    private static StringStringEntryProto meta(String key, Object value) {
        try {
            return StringStringEntryProto.newBuilder().setKey(key).setValue(JSON.writeValueAsString(value)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Add and Mul are binary in ONNX: two inputs are an Add (what PyTorch writes), more a Sum; a product of more is a
     * chain of Mul nodes; Concat along the channels.
     */
    private static void joinNode(GraphProto.Builder g, Join join, List<String> ins, String out) {
        if (join instanceof Concat) {
            g.addNode(node("Concat", join.name(), ins, out).toBuilder().addAttribute(intAttr("axis", 1)).build());
        } else if (join instanceof Multiply) {
            String product = ins.get(0);
            for (int i = 1; i < ins.size(); i++) {
                String next = i == ins.size() - 1 ? out : join.name() + ".product" + i;
                g.addNode(node("Mul", i == 1 ? join.name() : join.name() + "." + i, List.of(product, ins.get(i)), next));
                product = next;
            }
        } else {
            g.addNode(node(ins.size() == 2 ? "Add" : "Sum", join.name(), ins, out));
        }
    }

    /** Reshape to {@code [batch, g, c / g, h, w]}, swap the two channel axes, reshape back (what PyTorch writes). */
    private static void shuffleNodes(GraphProto.Builder g, ChannelShuffle shuffle, int[] s, String in, String out) {
        String name = shuffle.name();
        g.addInitializer(int64s(name + ".split", 0, shuffle.groups(), s[0] / shuffle.groups(), s[1], s[2]));
        g.addInitializer(int64s(name + ".merged", 0, s[0], s[1], s[2]));
        g.addNode(node("Reshape", name, List.of(in, name + ".split"), name + ".split_out"));
        g.addNode(node("Transpose", name + ".transpose", List.of(name + ".split_out"), name + ".transposed").toBuilder()
                .addAttribute(intsAttr("perm", 0, 2, 1, 3, 4)).build());
        g.addNode(node("Reshape", name + ".merge", List.of(name + ".transposed", name + ".merged"), out));
    }

    private static TensorProto int64s(String name, long... values) {
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                .addDims(values.length).addAllInt64Data(java.util.Arrays.stream(values).boxed().toList()).build();
    }

    private static void layerNode(GraphProto.Builder g, Layer layer, String in, String out) {
        String name = layer.name();
        if (layer instanceof Dense) {
            weights(g, layer, "weight", "bias");
            g.addNode(node("Gemm", name, List.of(in, name + ".weight", name + ".bias"), out).toBuilder()
                    .addAttribute(intAttr("transB", 1)).build());
        } else if (layer instanceof Conv2d c) {
            weights(g, layer, "weight", "bias");
            int p = c.padding();
            g.addNode(node("Conv", name, List.of(in, name + ".weight", name + ".bias"), out).toBuilder()
                    .addAttribute(intsAttr("kernel_shape", c.kernel(), c.kernel()))
                    .addAttribute(intsAttr("strides", c.stride(), c.stride()))
                    .addAttribute(intsAttr("pads", p, p, p, p))
                    .addAttribute(intsAttr("dilations", 1, 1))
                    .addAttribute(intAttr("group", c.groups())).build());
        } else if (layer instanceof BatchNorm b) {
            weights(g, layer, "weight", "bias", "running_mean", "running_var");
            g.addNode(node("BatchNormalization", name, List.of(in, name + ".weight", name + ".bias",
                    name + ".running_mean", name + ".running_var"), out).toBuilder()
                    .addAttribute(AttributeProto.newBuilder().setName("epsilon").setType(AttributeProto.AttributeType.FLOAT)
                            .setF((float) b.eps())).build());
        } else if (layer instanceof Activation a) {
            activationNodes(g, a, in, out);
        } else if (layer instanceof Pool p) {
            int pad = p.padding();
            NodeProto.Builder pool = node(p.kind() == Pool.Kind.MAX ? "MaxPool" : "AveragePool", name, List.of(in), out)
                    .toBuilder()
                    .addAttribute(intsAttr("kernel_shape", p.kernel(), p.kernel()))
                    .addAttribute(intsAttr("strides", p.stride(), p.stride()))
                    .addAttribute(intsAttr("pads", pad, pad, pad, pad));
            if (p.kind() == Pool.Kind.AVG && pad > 0) {
                pool.addAttribute(intAttr("count_include_pad", p.countIncludePad() ? 1 : 0));
            }
            if (p.ceilMode()) {
                pool.addAttribute(intAttr("ceil_mode", 1));
            }
            g.addNode(pool.build());
        } else if (layer instanceof GlobalAvgPool) {
            g.addNode(node("GlobalAveragePool", name, List.of(in), out));
        } else if (layer instanceof Flatten) {
            g.addNode(node("Flatten", name, List.of(in), out).toBuilder().addAttribute(intAttr("axis", 1)).build());
        } else if (layer instanceof ChannelSlice c) {
            g.addInitializer(int64s(name + ".starts", c.start()));
            g.addInitializer(int64s(name + ".ends", c.end()));
            g.addInitializer(int64s(name + ".axes", 1));
            g.addNode(node("Slice", name, List.of(in, name + ".starts", name + ".ends", name + ".axes"), out));
        } else if (layer instanceof Dropout d) {
            g.addInitializer(OnnxTensors.scalar(name + ".ratio", (float) d.rate()));
            g.addNode(node("Dropout", name, List.of(in, name + ".ratio"), out));
        } else {
            throw new IllegalArgumentException("no ONNX operator for layer " + name + " (" + layer.type() + ")");
        }
    }

    /**
     * One operator where opset {@value #OPSET} has it; otherwise the pattern PyTorch's exporter writes at that opset
     * (x·Sigmoid(x) for SiLU, x·HardSigmoid(x) for Hardswish, the erf form of GELU), which {@link OnnxImport} reads
     * back as one layer. Helper nodes are named {@code <layer>/<op>}.
     */
    private static void activationNodes(GraphProto.Builder g, Activation a, String in, String out) {
        String name = a.name();
        switch (a.kind()) {
            case RELU -> g.addNode(node("Relu", name, List.of(in), out));
            case SIGMOID -> g.addNode(node("Sigmoid", name, List.of(in), out));
            case TANH -> g.addNode(node("Tanh", name, List.of(in), out));
            case LEAKYRELU -> g.addNode(node("LeakyRelu", name, List.of(in), out).toBuilder()
                    .addAttribute(floatAttr("alpha", a.alpha())).build());
            case ELU -> g.addNode(node("Elu", name, List.of(in), out).toBuilder()
                    .addAttribute(floatAttr("alpha", a.alpha())).build());
            case RELU6, CLIP -> {
                double min = a.kind() == Activation.Kind.RELU6 ? 0 : a.min();
                double max = a.kind() == Activation.Kind.RELU6 ? 6 : a.max();
                g.addInitializer(OnnxTensors.scalar(name + ".min", (float) min));
                g.addInitializer(OnnxTensors.scalar(name + ".max", (float) max));
                g.addNode(node("Clip", name, List.of(in, name + ".min", name + ".max"), out));
            }
            case HARDSIGMOID -> g.addNode(hardSigmoid(name, in, out, a.alpha(), a.beta()));
            case SILU -> {
                g.addNode(node("Sigmoid", name, List.of(in), name + "/Sigmoid_out"));
                g.addNode(node("Mul", name + "/Mul", List.of(in, name + "/Sigmoid_out"), out));
            }
            case HARDSWISH -> {
                g.addNode(hardSigmoid(name, in, name + "/HardSigmoid_out", Activation.HARD_SIGMOID_ALPHA,
                        Activation.HARD_SIGMOID_BETA));
                g.addNode(node("Mul", name + "/Mul", List.of(in, name + "/HardSigmoid_out"), out));
            }
            case GELU -> {
                g.addInitializer(OnnxTensors.scalar(name + ".sqrt2", (float) Math.sqrt(2)));
                g.addInitializer(OnnxTensors.scalar(name + ".one", 1f));
                g.addInitializer(OnnxTensors.scalar(name + ".half", 0.5f));
                g.addNode(node("Div", name, List.of(in, name + ".sqrt2"), name + "/Div_out"));
                g.addNode(node("Erf", name + "/Erf", List.of(name + "/Div_out"), name + "/Erf_out"));
                g.addNode(node("Add", name + "/Add", List.of(name + "/Erf_out", name + ".one"), name + "/Add_out"));
                g.addNode(node("Mul", name + "/Mul", List.of(in, name + "/Add_out"), name + "/Mul_out"));
                g.addNode(node("Mul", name + "/Mul_1", List.of(name + "/Mul_out", name + ".half"), out));
            }
        }
    }

    private static NodeProto hardSigmoid(String name, String in, String out, double alpha, double beta) {
        return node("HardSigmoid", name, List.of(in), out).toBuilder()
                .addAttribute(floatAttr("alpha", alpha)).addAttribute(floatAttr("beta", beta)).build();
    }

    private static AttributeProto floatAttr(String name, double v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF((float) v).build();
    }

    private static void weights(GraphProto.Builder g, Layer layer, String... suffixes) {
        for (String s : suffixes) {
            g.addInitializer(OnnxTensors.floats(layer.name() + "." + s, layer.weights().get(s)));
        }
    }

    private static NodeProto node(String op, String name, List<String> inputs, String output) {
        return NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(inputs).addOutput(output).build();
    }

    private static AttributeProto intAttr(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    private static AttributeProto intsAttr(String name, long... v) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long x : v) {
            b.addInts(x);
        }
        return b.build();
    }

    private static ValueInfoProto valueInfo(String name, int[] shape) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"));
        for (int d : shape) {
            s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
    }
}
