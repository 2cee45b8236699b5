package dev.infoprune.model.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.infoprune.model.Activation;
import dev.infoprune.model.Add;
import dev.infoprune.model.Concat;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.ChannelShuffle;
import dev.infoprune.model.ChannelSlice;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Dropout;
import dev.infoprune.model.Flatten;
import dev.infoprune.model.GlobalAvgPool;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Multiply;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.Pool;
import dev.infoprune.model.Tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one ONNX graph as layers: starting at the single input, each step takes a node that consumes an available
 * tensor and turns it into a layer (or a normalisation, or nothing for Identity) that reads the layer holding that
 * tensor. A tensor used by several nodes starts branches, walked one after the other; an Add of two computed tensors
 * or a channel Concat joins them once all its inputs are available (a residual or concatenating graph).
 * Side computations that only produce Reshape targets (Shape, Gather, Concat, ...) are evaluated, not kept.
 */
final class OnnxGraphReader {
    /** Stands for the batch size inside evaluated shape vectors. */
    static final long BATCH = Long.MIN_VALUE;

    static final String SUPPORTED = "Gemm, MatMul+Add, Conv, BatchNormalization, Relu, Sigmoid, Tanh, LeakyRelu, Elu, "
            + "Clip, HardSigmoid, HardSwish, Gelu, " + ActivationPatterns.RECOGNISED + ", MaxPool, AveragePool, "
            + "Add (or Sum) of computed tensors, Mul of computed tensors (a squeeze-and-excitation gate), Concat of channels, "
            + "GlobalAveragePool, ReduceMean over height and width, Flatten, Reshape, channel shuffles "
            + "(Reshape, Transpose, Reshape), Slice of channels, Dropout, Identity, Pad by zero (before AveragePool), "
            + "a final Softmax/LogSoftmax, and Sub/Div at the input";

    /** Operators the reader handles alone or inside a recognised pattern: a branch into others names the operator. */
    private static final Set<String> KNOWN_OPS = Set.of("Gemm", "MatMul", "Conv", "BatchNormalization", "Relu",
            "Sigmoid", "Tanh", "LeakyRelu", "Elu", "Clip", "HardSigmoid", "HardSwish", "Gelu", "MaxPool", "AveragePool",
            "GlobalAveragePool", "ReduceMean", "Flatten", "Reshape", "Slice", "Dropout", "Identity", "Pad", "Softmax", "LogSoftmax", "Sub",
            "Div", "Mul", "Add", "Erf", "Concat", "Sum");

    /** Operators a branch may start with: the layers (not the parts of activation patterns or of the input's Sub/Div). */
    private static final Set<String> BRANCH_OPS = Set.of("Gemm", "MatMul", "Conv", "BatchNormalization", "Relu",
            "Sigmoid", "Tanh", "LeakyRelu", "Elu", "Clip", "HardSigmoid", "HardSwish", "Gelu", "MaxPool", "AveragePool",
            "GlobalAveragePool", "ReduceMean", "Flatten", "Reshape", "Slice", "Dropout", "Identity", "Pad");

    /** {@code inputs} holds the names each layer reads, as {@link Network} takes them. */
    record Result(int[] inputShape, List<Layer> layers, List<List<String>> inputs, int[] outputShape,
                  Normalization normalization, List<String> notes) {
    }

    /** A node to apply to one of its input tensors, waiting on the walk's stack. */
    private record Edge(String tensor, NodeProto node) {
    }

    private final GraphProto graph;
    private final int opset;
    private final Map<String, TensorProto> initializers = new HashMap<>();
    private final Map<String, NodeProto> producers = new HashMap<>();
    private final Map<String, List<NodeProto>> consumers = new HashMap<>();
    private final Map<String, int[]> pathShapes = new HashMap<>();
    private final Set<String> graphOutputs = new HashSet<>();
    private final ActivationPatterns patterns;
    private final LayerNamer namer = new LayerNamer();
    private final List<Layer> layers = new ArrayList<>();
    private final List<List<String>> layerInputs = new ArrayList<>();
    private final Map<String, String> layerOf = new HashMap<>();
    private final Set<NodeProto> joined = new HashSet<>();
    private final Deque<Edge> pending = new ArrayDeque<>();
    private final List<String> notes = new ArrayList<>();
    private String branchedAt;
    /** How many node inputs read a tensor: a bound on the walk's steps (DenseNet's blocks reuse each tensor often). */
    private int uses;
    /** The layer (or {@link Network#INPUT}) the next added layer reads. */
    private String source;
    private int[] shape;
    private int[] inputShape;
    private float[] normMean;
    private float[] normStd;
    private boolean normPerFeature;

    OnnxGraphReader(GraphProto graph, int opset) {
        this.graph = graph;
        this.opset = opset;
        for (TensorProto t : graph.getInitializerList()) {
            initializers.put(t.getName(), t);
        }
        for (NodeProto n : graph.getNodeList()) {
            for (String out : n.getOutputList()) {
                if (!out.isEmpty()) {
                    producers.put(out, n);
                }
            }
            for (String in : n.getInputList()) {
                if (!in.isEmpty()) {
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                    uses++;
                }
            }
        }
        graph.getOutputList().forEach(v -> graphOutputs.add(v.getName()));
        patterns = new ActivationPatterns(consumers, this::constant, graphOutputs);
    }

    Result read() {
        ValueInfoProto input = singleInput();
        String outputName = singleOutput();
        inputShape = staticShape(input);
        shape = inputShape;
        int size = (int) Tensor.sizeOf(inputShape);
        normMean = new float[size];
        normStd = new float[size];
        Arrays.fill(normStd, 1f);

        available(input.getName(), Network.INPUT, inputShape, outputName);
        int steps = 0;
        while (!pending.isEmpty()) {
            // each tensor is made available once and puts each of its users on the stack once
            if (++steps > 2 * (graph.getNodeCount() + uses) + 2) {
                throw new OnnxProblem("the graph has a cycle");
            }
            Edge edge = pending.pop();
            if (isJoin(edge.node())) {
                join(edge.node(), outputName);
                continue;
            }
            source = layerOf.get(edge.tensor());
            shape = pathShapes.get(edge.tensor());
            String out = apply(edge.node(), edge.tensor(), outputName);
            available(out, source, shape, outputName);
        }
        if (!layerOf.containsKey(outputName)) {
            throw new OnnxProblem((branchedAt == null ? "an Add or Concat never gets all its inputs"
                    : "the graph branches at tensor " + branchedAt + " and its branches do not all join again")
                    + " before the output " + outputName + "; InfoPrune reads networks whose branches end in an Add "
                    + "of two computed tensors or a channel Concat");
        }
        if (!layers.isEmpty() && !layerOf.get(outputName).equals(layers.get(layers.size() - 1).name())) {
            throw new OnnxProblem("the output " + outputName + " is not computed last; InfoPrune reads networks whose "
                    + "last layer is the output");
        }
        return new Result(inputShape, layers, layerInputs, pathShapes.get(outputName), normalization(), notes);
    }

    /**
     * Tensor {@code tensor}, held by layer {@code holder}, can be read: applies an activation pattern at once, or
     * puts each node using it on the stack (the first on top, so that a branch is walked before the next one).
     */
    private void available(String tensor, String holder, int[] tensorShape, String outputName) {
        layerOf.put(tensor, holder);
        pathShapes.put(tensor, tensorShape);
        if (tensor.equals(outputName)) {
            return;
        }
        List<NodeProto> users = users(tensor);
        source = holder;
        shape = tensorShape;
        ActivationPatterns.Match match = patterns.at(tensor, users);
        if (match != null) {
            add(new Activation(namer.forNode(match.first(), match.kind().type()), match.kind()));
            available(match.output(), source, shape, outputName);
            return;
        }
        List<NodeProto> next;
        if (users.size() == 1) {
            next = isJoin(users.get(0)) ? users : List.of(nextNode(tensor, outputName));
        } else if (users.isEmpty() && branchedAt != null) {
            throw new OnnxProblem("the graph branches at tensor " + branchedAt + " and tensor " + tensor + " on one "
                    + "branch is used by no node and is not the output " + outputName + "; InfoPrune reads networks "
                    + "whose branches end in an Add, a Mul (a channel gate) or a channel Concat");
        } else if (users.isEmpty()) {
            next = List.of(nextNode(tensor, outputName));
        } else {
            requireJoiningBranches(tensor, users);
            branchedAt = branchedAt == null ? tensor : branchedAt;
            next = users;
        }
        for (int i = next.size() - 1; i >= 0; i--) {
            pending.push(new Edge(tensor, next.get(i)));
        }
    }

    /** Branches InfoPrune can follow: known operators reading the tensor as their data input, or joins. */
    private void requireJoiningBranches(String tensor, List<NodeProto> users) {
        for (NodeProto user : users) {
            boolean layer = (user.getDomain().isEmpty() || user.getDomain().equals("ai.onnx"))
                    && BRANCH_OPS.contains(user.getOpType()) && user.getInputCount() > 0 && user.getInput(0).equals(tensor);
            if (patterns.nearMiss(tensor, users) != null || !(layer || isJoin(user))) {
                throw branches(tensor, users);
            }
        }
    }

    /** An Add or Sum of computed tensors (a residual join), a Mul of computed tensors (a channel gate) or a Concat. */
    private boolean isJoin(NodeProto node) {
        if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
            return false;
        }
        if (node.getOpType().equals("Concat")) {
            return true;
        }
        boolean binary = (node.getOpType().equals("Add") || node.getOpType().equals("Mul")) && node.getInputCount() == 2;
        return (node.getOpType().equals("Sum") || binary) && node.getInputList().stream().allMatch(in -> !in.isEmpty() && constant(in) == null);
    }

    /** Adds the join layer once every input of {@code node} is available; until then the node waits. */
    private void join(NodeProto node, String outputName) {
        if (joined.contains(node) || !node.getInputList().stream().allMatch(layerOf::containsKey)) {
            return;
        }
        joined.add(node);
        requireUnusedExtraOutputs(node);
        if (node.getInputCount() == 1) {
            // torch.cat of a one-tensor list (DenseNet's first layer of a block) passes the tensor on
            available(node.getOutput(0), layerOf.get(node.getInput(0)), pathShapes.get(node.getInput(0)), outputName);
            return;
        }
        List<int[]> shapes = node.getInputList().stream().map(pathShapes::get).toList();
        Layer layer;
        if (node.getOpType().equals("Concat")) {
            long axis = new OnnxAttributes(node).getInt("axis", 1);
            if (shapes.get(0).length != 3 || (axis != 1 && axis != -3)) {
                throw new OnnxAttributes(node).unsupported("axis", axis, "only concatenating images along the channel axis");
            }
            layer = new Concat(namer.forNode(node, "concat"));
        } else if (node.getOpType().equals("Mul")) {
            layer = new Multiply(namer.forNode(node, "mul"));
        } else {
            layer = new Add(namer.forNode(node, "add"));
        }
        int[] out;
        try {
            out = layer.outputShape(shapes);
        } catch (IllegalArgumentException e) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + ": " + e.getMessage(), e);
        }
        layers.add(layer);
        layerInputs.add(node.getInputList().stream().map(layerOf::get).toList());
        available(node.getOutput(0), layer.name(), out, outputName);
    }

    private ValueInfoProto singleInput() {
        List<ValueInfoProto> inputs = graph.getInputList().stream()
                .filter(v -> !initializers.containsKey(v.getName())).toList();
        if (inputs.size() != 1) {
            throw new OnnxProblem("the model has " + inputs.size() + " inputs " + names(inputs)
                    + "; InfoPrune reads models with exactly one input");
        }
        return inputs.get(0);
    }

    private String singleOutput() {
        if (graph.getOutputCount() != 1) {
            throw new OnnxProblem("the model has " + graph.getOutputCount() + " outputs " + names(graph.getOutputList())
                    + "; InfoPrune reads models with exactly one output");
        }
        return graph.getOutput(0).getName();
    }

    private static String names(List<ValueInfoProto> values) {
        return values.stream().map(ValueInfoProto::getName).toList().toString();
    }

    private static int[] staticShape(ValueInfoProto input) {
        String name = input.getName();
        TypeProto type = input.getType();
        if (!type.hasTensorType()) {
            throw new OnnxProblem("input " + name + " is not a tensor");
        }
        int elem = type.getTensorType().getElemType();
        if (elem != TensorProto.DataType.FLOAT_VALUE) {
            throw new OnnxProblem("input " + name + " has element type " + OnnxTensors.typeName(elem)
                    + "; InfoPrune needs a FLOAT input");
        }
        if (!type.getTensorType().hasShape()) {
            throw new OnnxProblem("input " + name + " has no shape; export with a fixed example input so that every "
                    + "dimension except the batch is known");
        }
        List<TensorShapeProto.Dimension> dims = type.getTensorType().getShape().getDimList();
        if (dims.size() != 2 && dims.size() != 4) {
            throw new OnnxProblem("input " + name + " has " + dims.size() + " dimensions " + describeDims(dims)
                    + "; InfoPrune reads vectors [batch, features] and images [batch, channels, height, width]");
        }
        int[] shape = new int[dims.size() - 1];
        for (int i = 1; i < dims.size(); i++) {
            TensorShapeProto.Dimension d = dims.get(i);
            if (!d.hasDimValue() || d.getDimValue() < 1) {
                String what = d.hasDimParam() ? "'" + d.getDimParam() + "'" : "unknown";
                throw new OnnxProblem("input " + name + " has a dynamic dimension " + i + " (" + what + ") in shape "
                        + describeDims(dims) + "; every dimension except the batch (dimension 0) must be fixed");
            }
            if (d.getDimValue() > Network.MAX_INPUT_SIZE) {
                throw new OnnxProblem("input " + name + " has dimension " + i + " of " + d.getDimValue() + " in shape "
                        + describeDims(dims) + ", more than the " + Network.MAX_INPUT_SIZE + " values an input may have");
            }
            shape[i - 1] = (int) d.getDimValue();
        }
        if (Tensor.sizeOf(shape) > Network.MAX_INPUT_SIZE) {
            throw new OnnxProblem("input " + name + " of shape " + describeDims(dims) + " has more than the "
                    + Network.MAX_INPUT_SIZE + " values an input may have");
        }
        return shape;
    }

    private static String describeDims(List<TensorShapeProto.Dimension> dims) {
        return dims.stream().map(d -> d.hasDimValue() ? String.valueOf(d.getDimValue())
                : d.hasDimParam() ? d.getDimParam() : "?").toList().toString();
    }

    private List<NodeProto> users(String tensor) {
        return consumers.getOrDefault(tensor, List.of()).stream().filter(n -> !n.getOpType().equals("Shape")).toList();
    }

    private NodeProto nextNode(String current, String outputName) {
        List<NodeProto> users = users(current);
        if (users.isEmpty()) {
            throw new OnnxProblem("tensor " + current + " is used by no node and is not the output " + outputName
                    + "; the graph is not a chain from input to output");
        }
        if (users.size() > 1) {
            throw branches(current, users);
        }
        NodeProto node = users.get(0);
        if (node.getInputCount() == 0 || !node.getInput(0).equals(current)) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + " takes " + current
                    + " as a parameter, not as its data input; only chains of layers are supported");
        }
        return node;
    }

    private String apply(NodeProto node, String current, String outputName) {
        if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
            throw unsupported(node);
        }
        OnnxAttributes attrs = new OnnxAttributes(node);
        requireUnusedExtraOutputs(node);
        switch (node.getOpType()) {
            case "Gemm" -> gemm(node, attrs);
            case "MatMul" -> {
                return matMul(node, outputName);
            }
            case "Conv" -> conv(node, attrs);
            case "BatchNormalization" -> batchNorm(node, attrs);
            case "Relu" -> add(new Activation(namer.forNode(node, "relu"), Activation.Kind.RELU));
            case "Sigmoid" -> add(new Activation(namer.forNode(node, "sigmoid"), Activation.Kind.SIGMOID));
            case "Tanh" -> add(new Activation(namer.forNode(node, "tanh"), Activation.Kind.TANH));
            case "LeakyRelu" -> add(Activation.leakyRelu(namer.forNode(node, "leakyrelu"), exact(attrs.getFloat("alpha", 0.01f))));
            case "Elu" -> add(Activation.elu(namer.forNode(node, "elu"), exact(attrs.getFloat("alpha", 1f))));
            case "HardSigmoid" -> hardSigmoid(node, attrs);
            case "HardSwish" -> add(new Activation(namer.forNode(node, "hardswish"), Activation.Kind.HARDSWISH));
            case "Gelu" -> gelu(node, attrs);
            case "Clip" -> clip(node, attrs);
            case "MaxPool" -> pool(node, attrs, Pool.Kind.MAX);
            case "AveragePool" -> pool(node, attrs, Pool.Kind.AVG);
            case "GlobalAveragePool" -> {
                requireImage(node);
                add(new GlobalAvgPool(namer.forNode(node, "gap")));
            }
            case "ReduceMean" -> spatialMean(node, attrs);
            case "Flatten" -> flatten(node, attrs);
            case "Reshape" -> {
                return reshape(node, attrs, outputName);
            }
            case "Slice" -> channelSlice(node, attrs);
            case "Dropout" -> dropout(node, attrs);
            case "Identity" -> {
                // nothing to do
            }
            case "Pad" -> {
                return pad(node, attrs, outputName);
            }
            case "Softmax", "LogSoftmax" -> softmax(node, attrs, outputName);
            case "Sub", "Div" -> normalizationStep(node);
            default -> throw unsupported(node);
        }
        return node.getOutput(0);
    }

    /**
     * The real reason a tensor used twice cannot be read: an operator InfoPrune does not know on one of the paths, a
     * near miss of a recognised activation pattern, or a genuine branch (a skip connection, several heads).
     */
    private OnnxProblem branches(String current, List<NodeProto> users) {
        for (NodeProto user : users) {
            if ((!user.getDomain().isEmpty() && !user.getDomain().equals("ai.onnx")) || !KNOWN_OPS.contains(user.getOpType())) {
                return unsupported(user);
            }
        }
        String nearMiss = patterns.nearMiss(current, users);
        if (nearMiss != null) {
            return new OnnxProblem(nearMiss);
        }
        return new OnnxProblem("the graph branches at tensor " + current + " (used by "
                + users.stream().map(OnnxAttributes::describe).toList()
                + "); InfoPrune reads sequential networks (one chain of layers) and, where a tensor is used twice "
                + "inside one activation, recognises " + ActivationPatterns.RECOGNISED + "; it follows branches of layers "
                + "that join again at an Add or Mul of computed tensors or a channel Concat (residual, gated and concatenating "
                + "networks)");
    }

    private OnnxProblem unsupported(NodeProto node) {
        String op = node.getDomain().isEmpty() || node.getDomain().equals("ai.onnx") ? node.getOpType()
                : node.getDomain() + ":" + node.getOpType();
        return new OnnxProblem("unsupported operator " + op + " (" + OnnxAttributes.describe(node)
                + "); InfoPrune reads " + SUPPORTED);
    }

    private void add(Layer layer) {
        try {
            shape = layer.outputShape(shape);
        } catch (IllegalArgumentException e) {
            throw new OnnxProblem(e.getMessage(), e);
        }
        layers.add(layer);
        layerInputs.add(List.of(source));
        source = layer.name();
    }

    private void requireUnusedExtraOutputs(NodeProto node) {
        Set<String> graphOutputs = new HashSet<>();
        graph.getOutputList().forEach(v -> graphOutputs.add(v.getName()));
        for (int i = 1; i < node.getOutputCount(); i++) {
            String extra = node.getOutput(i);
            if (!extra.isEmpty() && (consumers.containsKey(extra) || graphOutputs.contains(extra))) {
                throw new OnnxProblem(OnnxAttributes.describe(node) + ": its output " + i + " (" + extra
                        + ") is used; only the first output of a node can be used");
            }
        }
    }

    // ---- layers with weights

    private void gemm(NodeProto node, OnnxAttributes attrs) {
        if (attrs.getInt("transA", 0) != 0) {
            throw attrs.unsupported("transA", attrs.getInt("transA", 0), "the data input must not be transposed");
        }
        requireVector(node);
        Tensor b = weight(node, 1, "B");
        if (b.rank() != 2) {
            throw weightProblem(node, node.getInput(1), b, "a matrix");
        }
        Tensor w = attrs.getInt("transB", 0) != 0 ? b : transpose(b);
        int in = shape[0];
        if (w.dim(1) != in) {
            throw weightProblem(node, node.getInput(1), b, (attrs.getInt("transB", 0) != 0 ? "[out, " + in + "]"
                    : "[" + in + ", out]") + " for an input of " + in + " features");
        }
        int out = w.dim(0);
        float alpha = attrs.getFloat("alpha", 1f);
        float beta = attrs.getFloat("beta", 1f);
        if (!Float.isFinite(alpha) || !Float.isFinite(beta)) {
            throw attrs.unsupported(Float.isFinite(alpha) ? "beta" : "alpha", Float.isFinite(alpha) ? beta : alpha,
                    "alpha and beta must be finite numbers");
        }
        if (alpha != 1f) {
            w = scaled(w, alpha);
        }
        Tensor bias = Tensor.zeros(out);
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
            bias = scaled(vector(node, 2, "C", out), beta);
        }
        add(new Dense(namer.forWeighted(node, node.getInput(1), "dense"), in, out, w, bias));
    }

    private String matMul(NodeProto node, String outputName) {
        requireVector(node);
        Tensor b = weight(node, 1, "B");
        int in = shape[0];
        if (b.rank() != 2 || b.dim(0) != in) {
            throw weightProblem(node, node.getInput(1), b, "[" + in + ", out] for an input of " + in + " features");
        }
        Tensor w = transpose(b);
        int out = w.dim(0);
        String result = node.getOutput(0);
        Tensor bias = Tensor.zeros(out);
        List<NodeProto> next = consumers.getOrDefault(result, List.of());
        if (!result.equals(outputName) && next.size() == 1 && next.get(0).getOpType().equals("Add")) {
            NodeProto addNode = next.get(0);
            int other = addNode.getInput(0).equals(result) ? 1 : 0;
            if (addNode.getInputCount() == 2 && constant(addNode.getInput(other)) != null) {
                bias = vector(addNode, other, "B", out);
                result = addNode.getOutput(0);
            }
        }
        add(new Dense(namer.forWeighted(node, node.getInput(1), "dense"), in, out, w, bias));
        return result;
    }

    private void conv(NodeProto node, OnnxAttributes attrs) {
        requireImage(node);
        Tensor w = weight(node, 1, "W");
        int in = shape[0];
        int groups = (int) attrs.getInt("group", 1);
        if (groups < 1 || in % groups != 0) {
            throw attrs.unsupported("group", groups, "a group count that divides the " + in + " input channels");
        }
        if (w.rank() != 4 || w.dim(1) != in / groups || w.dim(0) % groups != 0) {
            throw weightProblem(node, node.getInput(1), w, "[out, " + in / groups + ", k, k] for an input of " + in
                    + " channels in " + groups + " group(s)");
        }
        if (w.dim(2) != w.dim(3)) {
            throw attrs.unsupported("kernel_shape", new long[] {w.dim(2), w.dim(3)}, "only square kernels");
        }
        int k = w.dim(2);
        long[] kernelShape = attrs.getInts("kernel_shape", new long[] {k, k});
        if (kernelShape.length != 2 || kernelShape[0] != k || kernelShape[1] != k) {
            throw attrs.unsupported("kernel_shape", kernelShape, "it must match the weight's " + k + "x" + k + " kernel");
        }
        requireOnes(attrs, "dilations");
        int stride = equalPair(attrs, "strides", 1);
        int padding = symmetricPads(attrs, k, stride);
        int out = w.dim(0);
        Tensor bias = Tensor.zeros(out);
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
            bias = vector(node, 2, "B", out);
        }
        add(new Conv2d(namer.forWeighted(node, node.getInput(1), "conv"), in, out, k, stride, padding, groups, w, bias));
    }

    private void batchNorm(NodeProto node, OnnxAttributes attrs) {
        if (attrs.getInt("training_mode", 0) != 0) {
            throw attrs.unsupported("training_mode", attrs.getInt("training_mode", 0), "export the model in eval mode");
        }
        if (node.getInputCount() != 5) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + " has " + node.getInputCount() + " inputs, expected 5");
        }
        int c = shape[0];
        Tensor gamma = vector(node, 1, "scale", c);
        Tensor beta = vector(node, 2, "B", c);
        Tensor mean = vector(node, 3, "input_mean", c);
        Tensor var = vector(node, 4, "input_var", c);
        float epsilon = attrs.getFloat("epsilon", 1e-5f);
        if (!(epsilon >= 0) || Float.isInfinite(epsilon)) {
            throw attrs.unsupported("epsilon", epsilon, "epsilon must be a finite number >= 0");
        }
        double eps = Double.parseDouble(Float.toString(epsilon));
        add(new BatchNorm(namer.forWeighted(node, node.getInput(1), "bn"), c, eps, gamma, beta, mean, var));
    }

    // ---- layers without weights

    private void pool(NodeProto node, OnnxAttributes attrs, Pool.Kind kind) {
        pool(node, attrs, kind, 0);
    }

    /**
     * MaxPool or AveragePool with square windows and the same padding on all sides (explicit pads or auto_pad);
     * {@code zeroPadded} rows and columns come from a Pad node in front of an AveragePool, as PyTorch writes
     * {@code AvgPool2d(padding=p)} with its default {@code count_include_pad=True}.
     */
    private void pool(NodeProto node, OnnxAttributes attrs, Pool.Kind kind, int zeroPadded) {
        requireImage(node);
        long[] ks = attrs.getInts("kernel_shape", null);
        if (ks == null || ks.length != 2 || ks[0] != ks[1] || ks[0] < 1) {
            throw attrs.unsupported("kernel_shape", ks, "only square 2-D windows");
        }
        int k = (int) ks[0];
        int stride = equalPair(attrs, "strides", 1);
        int padding = symmetricPads(attrs, k, stride);
        boolean countIncludePad = kind == Pool.Kind.MAX || attrs.getInt("count_include_pad", 0) != 0;
        if (zeroPadded > 0) {
            if (padding != 0) {
                throw attrs.unsupported("pads", attrs.getInts("pads", null), "padding both in a Pad node before it and in "
                        + "the pooling itself");
            }
            padding = zeroPadded;
            countIncludePad = true;
        }
        requireOnes(attrs, "dilations");
        boolean roundsUp = attrs.getInt("ceil_mode", 0) != 0
                && ((shape[1] + 2 * padding - k) % stride != 0 || (shape[2] + 2 * padding - k) % stride != 0);
        if (roundsUp && kind != Pool.Kind.MAX) {
            throw attrs.unsupported("ceil_mode", 1, "ceil rounding of the output size only for MaxPool");
        }
        Pool pool;
        try {
            pool = new Pool(namer.forNode(node, kind == Pool.Kind.MAX ? "maxpool" : "avgpool"), kind, k, stride, padding,
                    countIncludePad, roundsUp);
        } catch (IllegalArgumentException e) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + ": " + e.getMessage(), e);
        }
        add(pool);
    }

    // ---- activations with parameters

    /** ONNX attributes are floats: 0.1f becomes 0.1, not 0.10000000149011612. */
    private static double exact(float f) {
        return Double.parseDouble(Float.toString(f));
    }

    /** ONNX HardSigmoid defaults to alpha 0.2, beta 0.5; PyTorch's Hardsigmoid writes alpha 1/6. */
    private void hardSigmoid(NodeProto node, OnnxAttributes attrs) {
        float alpha = attrs.getFloat("alpha", 0.2f);
        float beta = attrs.getFloat("beta", 0.5f);
        double a = alpha == (float) Activation.HARD_SIGMOID_ALPHA ? Activation.HARD_SIGMOID_ALPHA : exact(alpha);
        add(Activation.hardSigmoid(namer.forNode(node, "hardsigmoid"), a, exact(beta)));
    }

    private void gelu(NodeProto node, OnnxAttributes attrs) {
        String approximate = attrs.getString("approximate", "none");
        if (!approximate.equals("none")) {
            throw attrs.unsupported("approximate", approximate, "only the exact (erf) GELU");
        }
        add(new Activation(namer.forNode(node, "gelu"), Activation.Kind.GELU));
    }

    /** Clip(0, 6) is ReLU6, Clip(0) is ReLU, other bounds a clip layer; bounds are inputs from opset 11. */
    private void clip(NodeProto node, OnnxAttributes attrs) {
        Double min;
        Double max;
        if (opset < 11) {
            min = attrs.has("min") ? exact(attrs.getFloat("min", 0f)) : null;
            max = attrs.has("max") ? exact(attrs.getFloat("max", 0f)) : null;
        } else {
            min = clipBound(node, 1, "min");
            max = clipBound(node, 2, "max");
        }
        if (min != null && min == 0 && max != null && max == 6) {
            add(new Activation(namer.forNode(node, "relu6"), Activation.Kind.RELU6));
        } else if (min != null && min == 0 && max == null) {
            add(new Activation(namer.forNode(node, "relu"), Activation.Kind.RELU));
        } else {
            double lo = min == null ? -Float.MAX_VALUE : min;
            double hi = max == null ? Float.MAX_VALUE : max;
            if (!(lo <= hi)) {
                throw new OnnxProblem(OnnxAttributes.describe(node) + ": min " + lo + " exceeds max " + hi);
            }
            add(Activation.clip(namer.forNode(node, "clip"), lo, hi));
        }
    }

    private Double clipBound(NodeProto node, int index, String role) {
        if (node.getInputCount() <= index || node.getInput(index).isEmpty()) {
            return null;
        }
        Tensor t = weight(node, index, role);
        if (t.size() != 1) {
            throw weightProblem(node, node.getInput(index), t, "a scalar");
        }
        return exact(t.data()[0]);
    }

    /** The mean over height and width ({@code x.mean([2, 3])}, MNASNet's pooling): global average pooling. */
    private void spatialMean(NodeProto node, OnnxAttributes attrs) {
        requireImage(node);
        long[] axes = node.getInputCount() > 1 && !node.getInput(1).isEmpty() ? evaluate(node.getInput(1), node)
                : attrs.getInts("axes", new long[0]);
        long[] sorted = Arrays.stream(axes).map(a -> a < 0 ? a + 4 : a).sorted().toArray();
        if (!Arrays.equals(sorted, new long[] {2, 3})) {
            throw attrs.unsupported("axes", axes, "only the mean over height and width (axes 2 and 3)");
        }
        add(new GlobalAvgPool(namer.forNode(node, "gap")));
        if (attrs.getInt("keepdims", 1) == 0) {
            add(new Flatten(namer.forNode(node, "flatten")));
        }
    }

    private void flatten(NodeProto node, OnnxAttributes attrs) {
        long axis = attrs.getInt("axis", 1);
        int rank = shape.length + 1;
        if (axis != 1 && axis != 1 - rank) {
            throw attrs.unsupported("axis", axis, "only flattening everything but the batch axis (axis 1)");
        }
        add(new Flatten(namer.forNode(node, "flatten")));
    }

    /** A flatten, or the first of the three nodes of a channel shuffle (then the tensor after the last). */
    private String reshape(NodeProto node, OnnxAttributes attrs, String outputName) {
        long[] target = reshapeTarget(node);
        String shuffled = channelShuffle(node, target, outputName);
        if (shuffled != null) {
            return shuffled;
        }
        boolean allowZero = attrs.getInt("allowzero", 0) != 0;
        long features = Tensor.sizeOf(shape);
        boolean flattens = false;
        if (target.length == 2) {
            long first = target[0] == 0 && !allowZero ? BATCH : target[0];
            long second = target[1];
            if (second == 0 && !allowZero && shape.length == 1) {
                second = shape[0];
            }
            boolean batchFirst = first == BATCH || first == staticBatch();
            flattens = (batchFirst && (second == -1 || second == features)) || (first == -1 && second == features);
        }
        if (!flattens) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + " reshapes " + describeShape(shape) + " to "
                    + describeTarget(target) + "; only flattening to [batch, -1] is supported");
        }
        add(new Flatten(namer.forNode(node, "flatten")));
        return node.getOutput(0);
    }

    private long[] reshapeTarget(NodeProto node) {
        if (node.getInputCount() < 2) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + " has no target shape input");
        }
        try {
            return evaluate(node.getInput(1), node);
        } catch (OnnxProblem e) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + ": cannot resolve its target shape: " + e.getMessage(), e);
        }
    }

    /**
     * {@code Reshape [batch, g, c/g, h, w] -> Transpose (0, 2, 1, 3, 4) -> Reshape [batch, c, h, w]} (ShuffleNet's
     * channel shuffle) becomes a {@link ChannelShuffle}; returns the last Reshape's output, or null when
     * {@code node} does not start one.
     */
    private String channelShuffle(NodeProto node, long[] target, String outputName) {
        if (target.length != 5 || shape.length != 3 || node.getOutput(0).equals(outputName)) {
            return null;
        }
        List<NodeProto> next = users(node.getOutput(0));
        if (next.size() != 1 || !next.get(0).getOpType().equals("Transpose")
                || !Arrays.equals(new OnnxAttributes(next.get(0)).getInts("perm", null), new long[] {0, 2, 1, 3, 4})) {
            return null;
        }
        NodeProto transpose = next.get(0);
        List<NodeProto> after = users(transpose.getOutput(0));
        if (transpose.getOutput(0).equals(outputName) || after.size() != 1 || !after.get(0).getOpType().equals("Reshape")) {
            return null;
        }
        int groups = (int) target[1];
        boolean split = isBatch(target[0]) && groups > 0 && target[2] * groups == shape[0] && target[3] == shape[1]
                && target[4] == shape[2];
        long[] merged = reshapeTarget(after.get(0));
        boolean back = merged.length == 4 && isBatch(merged[0]) && (merged[1] == shape[0] || merged[1] == -1)
                && merged[2] == shape[1] && merged[3] == shape[2];
        if (!split || !back) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + ", " + OnnxAttributes.describe(transpose) + " and "
                    + OnnxAttributes.describe(after.get(0)) + " reshape " + describeShape(shape) + " to "
                    + describeTarget(target) + " and back to " + describeTarget(merged) + "; InfoPrune reads this "
                    + "pattern only as a channel shuffle [batch, groups, c / groups, h, w]");
        }
        add(new ChannelShuffle(namer.forNode(node, "shuffle"), groups));
        return after.get(0).getOutput(0);
    }

    private boolean isBatch(long dim) {
        return dim == BATCH || dim == 0 || dim == staticBatch();
    }

    /** A Slice of channels (ShuffleNet's {@code x.chunk(2, dim=1)}): steps of 1 along axis 1 only. */
    private void channelSlice(NodeProto node, OnnxAttributes attrs) {
        requireImage(node);
        long[] starts;
        long[] ends;
        long[] axes;
        long[] steps = {1};
        if (opset < 10) {
            starts = attrs.getInts("starts", new long[0]);
            ends = attrs.getInts("ends", new long[0]);
            axes = attrs.getInts("axes", null);
        } else {
            starts = evaluate(node.getInput(1), node);
            ends = evaluate(node.getInput(2), node);
            axes = node.getInputCount() > 3 && !node.getInput(3).isEmpty() ? evaluate(node.getInput(3), node) : null;
            if (node.getInputCount() > 4 && !node.getInput(4).isEmpty()) {
                steps = evaluate(node.getInput(4), node);
            }
        }
        if (axes == null) {
            axes = java.util.stream.LongStream.range(0, starts.length).toArray();
        }
        if (axes.length != 1 || (axes[0] != 1 && axes[0] != -3) || starts.length != 1 || ends.length != 1
                || steps.length != 1 || steps[0] != 1) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + " slices axes " + Arrays.toString(axes) + " with steps "
                    + Arrays.toString(steps) + "; InfoPrune reads slices of channels (axis 1, step 1) only");
        }
        int c = shape[0];
        long start = Math.max(0, Math.min(wrap(starts[0], c), c));
        long end = Math.max(0, Math.min(ends[0] < 0 ? ends[0] + c : ends[0], c));
        try {
            add(new ChannelSlice(namer.forNode(node, "slice"), (int) start, (int) end));
        } catch (IllegalArgumentException e) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + ": " + e.getMessage(), e);
        }
    }

    private long staticBatch() {
        var dims = graph.getInputList().stream().filter(v -> !initializers.containsKey(v.getName())).findFirst()
                .orElseThrow().getType().getTensorType().getShape().getDimList();
        return dims.get(0).hasDimValue() ? dims.get(0).getDimValue() : BATCH;
    }

    /**
     * A Pad of zeros that pads nothing is dropped; one that pads height and width equally, in front of an AveragePool
     * (PyTorch's {@code AvgPool2d(padding=p, count_include_pad=True)}), becomes that pooling's padding.
     */
    private String pad(NodeProto node, OnnxAttributes attrs, String outputName) {
        String mode = attrs.getString("mode", "constant");
        long[] pads = opset < 11 ? attrs.getInts("pads", new long[0]) : evaluate(node.getInput(1), node);
        if (Arrays.stream(pads).allMatch(p -> p == 0)) {
            return node.getOutput(0);
        }
        float value = opset < 11 ? attrs.getFloat("value", 0f) : padValue(node);
        if (!mode.equals("constant") || value != 0f) {
            throw attrs.unsupported(mode.equals("constant") ? "value" : "mode", mode.equals("constant") ? value : mode,
                    "only padding with zeros");
        }
        if (opset >= 18 && node.getInputCount() > 3 && !node.getInput(3).isEmpty()) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + ": Pad with axes is not supported");
        }
        requireImage(node);
        boolean spatialOnly = pads.length == 8 && pads[0] == 0 && pads[1] == 0 && pads[4] == 0 && pads[5] == 0;
        boolean equal = pads.length == 8 && pads[2] == pads[3] && pads[2] == pads[6] && pads[2] == pads[7] && pads[2] > 0;
        List<NodeProto> next = users(node.getOutput(0));
        boolean beforeAvgPool = !node.getOutput(0).equals(outputName) && next.size() == 1
                && next.get(0).getOpType().equals("AveragePool");
        if (!spatialOnly || !equal || !beforeAvgPool) {
            throw attrs.unsupported("pads", pads, "only zero padding of height and width, the same on all sides, "
                    + "directly before an AveragePool (as PyTorch writes AvgPool2d with padding)");
        }
        NodeProto pool = next.get(0);
        pool(pool, new OnnxAttributes(pool), Pool.Kind.AVG, (int) pads[2]);
        return pool.getOutput(0);
    }

    private float padValue(NodeProto node) {
        if (node.getInputCount() <= 2 || node.getInput(2).isEmpty()) {
            return 0f;
        }
        Tensor v = weight(node, 2, "constant_value");
        if (v.size() != 1) {
            throw weightProblem(node, node.getInput(2), v, "a scalar");
        }
        return v.data()[0];
    }

    private void dropout(NodeProto node, OnnxAttributes attrs) {
        double ratio = attrs.getFloat("ratio", 0.5f);
        if (node.getInputCount() > 1 && !node.getInput(1).isEmpty()) {
            Tensor r = weight(node, 1, "ratio");
            if (r.size() != 1) {
                throw weightProblem(node, node.getInput(1), r, "a scalar");
            }
            ratio = r.data()[0];
        }
        ratio = Double.parseDouble(Float.toString((float) ratio));
        if (!(ratio >= 0 && ratio < 1)) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + " has ratio " + ratio + " (must be in [0, 1))");
        }
        add(new Dropout(namer.forNode(node, "dropout"), ratio));
    }

    private void softmax(NodeProto node, OnnxAttributes attrs, String outputName) {
        if (!node.getOutput(0).equals(outputName)) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + " is not the last node; " + node.getOpType()
                    + " is only supported at the output, where it is dropped");
        }
        long axis = attrs.getInt("axis", opset >= 13 ? -1 : 1);
        if (shape.length != 1 || (axis != 1 && axis != -1)) {
            throw attrs.unsupported("axis", axis, node.getOpType() + " over the classes of a [batch, classes] output only");
        }
        notes.add("the final " + node.getOpType() + " (" + node.getName() + ") was dropped: InfoPrune networks output "
                + "the scores before it (same class ranking; apply " + node.getOpType().toLowerCase(java.util.Locale.ROOT)
                + " to get the original outputs)");
    }

    /** {@code (x - mean) / std} at the input becomes the network's {@link Normalization}. */
    private void normalizationStep(NodeProto node) {
        if (!layers.isEmpty()) {
            throw unsupported(node);
        }
        if (node.getInputCount() != 2 || constant(node.getInput(1)) == null) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + ": at the input, " + node.getOpType()
                    + " must take a constant as its second input (an input normalisation)");
        }
        Tensor c = OnnxTensors.toTensor(constant(node.getInput(1)));
        float[] values = broadcastToInput(node, c);
        normPerFeature |= c.size() != 1;
        for (int i = 0; i < values.length; i++) {
            if (node.getOpType().equals("Sub")) {
                normMean[i] += values[i] * normStd[i];
            } else {
                if (!(values[i] > 0)) {
                    throw new OnnxProblem(OnnxAttributes.describe(node) + ": divides by " + values[i]
                            + "; an input normalisation needs positive divisors");
                }
                normStd[i] *= values[i];
            }
        }
    }

    private float[] broadcastToInput(NodeProto node, Tensor c) {
        int size = (int) Tensor.sizeOf(inputShape);
        float[] out = new float[size];
        if (c.size() == 1) {
            Arrays.fill(out, c.data()[0]);
            return out;
        }
        int[] full = new int[inputShape.length + 1];
        full[0] = 1;
        System.arraycopy(inputShape, 0, full, 1, inputShape.length);
        int[] cs = c.shape();
        if (cs.length > full.length) {
            throw weightProblem(node, node.getInput(1), c, "one that broadcasts to the input " + describeShape(inputShape));
        }
        int[] aligned = new int[full.length];
        Arrays.fill(aligned, 1);
        System.arraycopy(cs, 0, aligned, full.length - cs.length, cs.length);
        for (int i = 0; i < full.length; i++) {
            if (aligned[i] != 1 && aligned[i] != full[i]) {
                throw weightProblem(node, node.getInput(1), c, "one that broadcasts to the input " + describeShape(inputShape));
            }
        }
        int[] strides = new int[full.length];
        int s = 1;
        for (int i = full.length - 1; i >= 0; i--) {
            strides[i] = aligned[i] == 1 ? 0 : s;
            s *= aligned[i];
        }
        for (int flat = 0; flat < size; flat++) {
            int rest = flat;
            int src = 0;
            for (int i = full.length - 1; i >= 1; i--) {
                int idx = rest % full[i];
                rest /= full[i];
                src += idx * strides[i];
            }
            out[flat] = c.data()[src];
        }
        return out;
    }

    private Normalization normalization() {
        boolean identity = true;
        for (int i = 0; i < normMean.length; i++) {
            identity &= normMean[i] == 0f && normStd[i] == 1f;
        }
        if (identity) {
            return Normalization.IDENTITY;
        }
        if (!normPerFeature) {
            return new Normalization(new float[] {normMean[0]}, new float[] {normStd[0]});
        }
        return new Normalization(normMean, normStd);
    }

    // ---- constants and shape arithmetic

    /** The initializer or Constant node (possibly behind Identity nodes) that gives a tensor, else null. */
    private TensorProto constant(String name) {
        TensorProto t = initializers.get(name);
        if (t != null) {
            return t;
        }
        NodeProto producer = producers.get(name);
        if (producer == null) {
            return null;
        }
        if (producer.getOpType().equals("Identity")) {
            return constant(producer.getInput(0));
        }
        if (!producer.getOpType().equals("Constant")) {
            return null;
        }
        for (AttributeProto a : producer.getAttributeList()) {
            switch (a.getName()) {
                case "value":
                    return a.getT().toBuilder().setName(name).build();
                case "value_float":
                    return OnnxTensors.scalar(name, a.getF());
                case "value_floats": {
                    float[] f = new float[a.getFloatsCount()];
                    for (int i = 0; i < f.length; i++) {
                        f[i] = a.getFloats(i);
                    }
                    return OnnxTensors.floats(name, new Tensor(new int[] {f.length}, f));
                }
                case "value_int":
                    return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                            .addInt64Data(a.getI()).build();
                case "value_ints":
                    return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE)
                            .addDims(a.getIntsCount()).addAllInt64Data(a.getIntsList()).build();
                default:
                    break;
            }
        }
        throw new OnnxProblem(OnnxAttributes.describe(producer) + " has no supported value attribute");
    }

    private Tensor weight(NodeProto node, int index, String role) {
        if (node.getInputCount() <= index || node.getInput(index).isEmpty()) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + " has no input " + role);
        }
        TensorProto t = constant(node.getInput(index));
        if (t == null) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + ": its input " + role + " (" + node.getInput(index)
                    + ") is computed at run time; weights must be initializers or Constant nodes");
        }
        return OnnxTensors.toTensor(t);
    }

    /** A per-unit vector ({@code [n]}, or any shape holding n values in one axis, or one value broadcast). */
    private Tensor vector(NodeProto node, int index, String role, int n) {
        Tensor t = weight(node, index, role);
        long nonUnit = Arrays.stream(t.shape()).filter(d -> d != 1).count();
        if (t.size() == n && nonUnit <= 1) {
            return new Tensor(new int[] {n}, t.data());
        }
        if (t.size() == 1) {
            return Tensor.filled(t.data()[0], n);
        }
        throw weightProblem(node, node.getInput(index), t, "[" + n + "]");
    }

    /** Evaluates a small integer computation (a Reshape target), with {@link #BATCH} for the batch size. */
    private long[] evaluate(String name, NodeProto user) {
        TensorProto t = constant(name);
        if (t != null) {
            return OnnxTensors.toLongs(t);
        }
        NodeProto p = producers.get(name);
        if (p == null) {
            throw new OnnxProblem(name + " is neither a constant nor computed from known shapes (a dynamic shape)");
        }
        OnnxAttributes a = new OnnxAttributes(p);
        switch (p.getOpType()) {
            case "Shape": {
                int[] s = pathShapes.get(p.getInput(0));
                if (s == null) {
                    throw new OnnxProblem(OnnxAttributes.describe(p) + ": the shape of " + p.getInput(0)
                            + " is not known (a dynamic shape that cannot be resolved)");
                }
                long[] full = new long[s.length + 1];
                full[0] = BATCH;
                for (int i = 0; i < s.length; i++) {
                    full[i + 1] = s[i];
                }
                int start = (int) wrap(a.getInt("start", 0), full.length);
                int end = (int) wrap(a.getInt("end", full.length), full.length);
                return Arrays.copyOfRange(full, Math.min(start, end), end);
            }
            case "Gather": {
                long[] data = evaluate(p.getInput(0), p);
                long[] idx = evaluate(p.getInput(1), p);
                if (a.getInt("axis", 0) != 0) {
                    throw a.unsupported("axis", a.getInt("axis", 0), "shape arithmetic gathers along axis 0");
                }
                long[] out = new long[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    out[i] = data[(int) wrap(idx[i], data.length)];
                }
                return out;
            }
            case "Unsqueeze", "Squeeze", "Cast", "Identity":
                return evaluate(p.getInput(0), p);
            case "Add", "Sub", "Mul", "Div":
                return arithmetic(p, evaluate(p.getInput(0), p), evaluate(p.getInput(1), p));
            case "Concat": {
                long[] out = new long[0];
                for (String in : p.getInputList()) {
                    long[] part = evaluate(in, p);
                    long[] joined = Arrays.copyOf(out, out.length + part.length);
                    System.arraycopy(part, 0, joined, out.length, part.length);
                    out = joined;
                }
                return out;
            }
            case "Slice": {
                long[] data = evaluate(p.getInput(0), p);
                long start;
                long end;
                if (opset < 10) {
                    start = a.getInts("starts", new long[] {0})[0];
                    end = a.getInts("ends", new long[] {data.length})[0];
                } else {
                    start = evaluate(p.getInput(1), p)[0];
                    end = evaluate(p.getInput(2), p)[0];
                    if (p.getInputCount() > 4 && !p.getInput(4).isEmpty() && evaluate(p.getInput(4), p)[0] != 1) {
                        throw new OnnxProblem(OnnxAttributes.describe(p) + ": only step 1 is supported in shape arithmetic");
                    }
                }
                int s = (int) Math.max(0, Math.min(wrap(start, data.length), data.length));
                int e = (int) Math.max(s, Math.min(end < 0 ? end + data.length : end, data.length));
                return Arrays.copyOfRange(data, s, e);
            }
            default:
                throw new OnnxProblem(name + " is computed by " + OnnxAttributes.describe(p)
                        + ", which InfoPrune cannot evaluate (a dynamic shape)");
        }
    }

    /** Integer arithmetic on shape values (a length of one broadcasts); anything involving the batch size stays it. */
    private static long[] arithmetic(NodeProto p, long[] a, long[] b) {
        if (a.length != b.length && a.length != 1 && b.length != 1) {
            throw new OnnxProblem(OnnxAttributes.describe(p) + ": shape arithmetic on " + a.length + " and " + b.length
                    + " values");
        }
        long[] out = new long[Math.max(a.length, b.length)];
        for (int i = 0; i < out.length; i++) {
            long x = a[a.length == 1 ? 0 : i];
            long y = b[b.length == 1 ? 0 : i];
            if (x == BATCH || y == BATCH) {
                out[i] = BATCH;
                continue;
            }
            out[i] = switch (p.getOpType()) {
                case "Add" -> x + y;
                case "Sub" -> x - y;
                case "Mul" -> x * y;
                default -> {
                    if (y == 0) {
                        throw new OnnxProblem(OnnxAttributes.describe(p) + " divides a shape value by zero");
                    }
                    yield Math.floorDiv(x, y);
                }
            };
        }
        return out;
    }

    private static long wrap(long index, int length) {
        return index < 0 ? index + length : index;
    }

    // ---- checks and small helpers

    private void requireVector(NodeProto node) {
        if (shape.length != 1) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + " needs a [batch, features] input but gets "
                    + describeShape(shape) + " (flatten first)");
        }
    }

    private void requireImage(NodeProto node) {
        if (shape.length != 3) {
            throw new OnnxProblem(OnnxAttributes.describe(node) + " needs a [batch, channels, height, width] input but gets "
                    + describeShape(shape));
        }
    }

    private static void requireOnes(OnnxAttributes attrs, String name) {
        long[] v = attrs.getInts(name, new long[] {1, 1});
        for (long x : v) {
            if (x != 1) {
                throw attrs.unsupported(name, v, "only 1");
            }
        }
    }

    private static int equalPair(OnnxAttributes attrs, String name, int fallback) {
        long[] v = attrs.getInts(name, new long[] {fallback, fallback});
        if (v.length != 2 || v[0] != v[1] || v[0] < 1) {
            throw attrs.unsupported(name, v, "the same positive value for height and width");
        }
        return (int) v[0];
    }

    /**
     * The padding on each side of height and width: explicit {@code pads} (the same on all four sides), VALID, or
     * SAME_UPPER/SAME_LOWER when they pad the current input equally on both sides.
     */
    private int symmetricPads(OnnxAttributes attrs, int kernel, int stride) {
        String autoPad = attrs.getString("auto_pad", "NOTSET");
        long[] pads = attrs.getInts("pads", new long[] {0, 0, 0, 0});
        switch (autoPad) {
            case "NOTSET" -> {
                // explicit pads
            }
            case "VALID" -> pads = new long[] {0, 0, 0, 0};
            case "SAME_UPPER", "SAME_LOWER" -> {
                long[] total = {samePadding(shape[1], kernel, stride), samePadding(shape[2], kernel, stride)};
                if (total[0] != total[1] || total[0] % 2 != 0) {
                    throw attrs.unsupported("auto_pad", autoPad, "for input " + describeShape(shape) + " it pads "
                            + total[0] + " rows and " + total[1] + " columns; only the same padding on all four sides");
                }
                long p = total[0] / 2;
                pads = new long[] {p, p, p, p};
            }
            default -> throw attrs.unsupported("auto_pad", autoPad, "NOTSET, VALID, SAME_UPPER or SAME_LOWER");
        }
        if (pads.length != 4 || pads[0] != pads[1] || pads[0] != pads[2] || pads[0] != pads[3] || pads[0] < 0) {
            throw attrs.unsupported("pads", pads, "only the same padding on all four sides");
        }
        return (int) pads[0];
    }

    /** ONNX SAME padding in total for one axis: the output keeps ceil(size / stride) positions. */
    private static long samePadding(int size, int kernel, int stride) {
        long out = (size + stride - 1) / stride;
        return Math.max(0, (out - 1) * stride + kernel - size);
    }

    private static OnnxProblem weightProblem(NodeProto node, String weightName, Tensor t, String expected) {
        return new OnnxProblem(OnnxAttributes.describe(node) + ": weight " + weightName + " has shape "
                + Arrays.toString(t.shape()) + ", expected " + expected);
    }

    private static Tensor transpose(Tensor m) {
        int rows = m.dim(0);
        int cols = m.dim(1);
        float[] out = new float[rows * cols];
        float[] d = m.data();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + r] = d[r * cols + c];
            }
        }
        return new Tensor(new int[] {cols, rows}, out);
    }

    private static Tensor scaled(Tensor t, float factor) {
        if (factor == 1f) {
            return t;
        }
        float[] d = t.copyData();
        for (int i = 0; i < d.length; i++) {
            d[i] *= factor;
        }
        return new Tensor(t.shape(), d);
    }

    static String describeShape(int[] s) {
        StringBuilder b = new StringBuilder("[batch");
        for (int d : s) {
            b.append(", ").append(d);
        }
        return b.append(']').toString();
    }

    private static String describeTarget(long[] t) {
        return Arrays.stream(t).mapToObj(v -> v == BATCH ? "batch" : String.valueOf(v)).toList().toString();
    }
}
