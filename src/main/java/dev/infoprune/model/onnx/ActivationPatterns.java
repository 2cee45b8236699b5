package dev.infoprune.model.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.infoprune.model.Activation;
import dev.infoprune.model.Tensor;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The small sub-graphs exporters write for one activation, where a tensor is used twice although the network is a
 * chain: SiLU as {@code x · Sigmoid(x)}, Hardswish (before opset 14) as {@code x · HardSigmoid(x)} with alpha 1/6
 * and beta 1/2, and GELU in its erf form {@code x · (Erf(x / sqrt 2) + 1) · 0.5} (torch 1.13 writes
 * {@code Div, Erf, Add, Mul(x, ·), Mul(·, 0.5)}; {@code Mul(x, 0.5)} first and a multiplication by
 * {@code 1 / sqrt 2} instead of the division are read too).
 */
final class ActivationPatterns {
    /** A recognised sub-graph: the activation it computes, its first node (for the layer name) and its result. */
    record Match(Activation.Kind kind, NodeProto first, String output) {
    }

    static final String RECOGNISED = "x·Sigmoid(x) (SiLU), x·HardSigmoid(x) (Hardswish) and the erf form of GELU";
    private static final double SQRT2 = Math.sqrt(2);

    private final Map<String, List<NodeProto>> consumers;
    private final Function<String, TensorProto> constants;
    private final Set<String> graphOutputs;

    ActivationPatterns(Map<String, List<NodeProto>> consumers, Function<String, TensorProto> constants,
                       Set<String> graphOutputs) {
        this.consumers = consumers;
        this.constants = constants;
        this.graphOutputs = graphOutputs;
    }

    /** The activation computed from tensor {@code x}, whose consumers are {@code users}; null when none matches. */
    Match at(String x, List<NodeProto> users) {
        if (users.size() != 2) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            NodeProto a = users.get(i);
            NodeProto b = users.get(1 - i);
            Match m = gated(x, a, b);
            if (m == null) {
                m = gelu(x, a, b);
            }
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /**
     * Why {@code x · HardSigmoid(x)} with other parameters than Hardswish's is not read, or null when the users are
     * not such a product.
     */
    String nearMiss(String x, List<NodeProto> users) {
        if (users.size() != 2) {
            return null;
        }
        for (int i = 0; i < 2; i++) {
            NodeProto h = users.get(i);
            NodeProto mul = users.get(1 - i);
            if (h.getOpType().equals("HardSigmoid") && isProductOf(mul, x, h.getOutput(0)) && onlyFeeds(h, mul)) {
                OnnxAttributes attrs = new OnnxAttributes(h);
                return "x·HardSigmoid(x) at tensor " + x + " has alpha " + attrs.getFloat("alpha", 0.2f) + " and beta "
                        + attrs.getFloat("beta", 0.5f) + "; it is Hardswish only with alpha 1/6 and beta 0.5, and "
                        + "InfoPrune has no layer for other values";
            }
        }
        return null;
    }

    /** {@code x · Sigmoid(x)} or {@code x · HardSigmoid(x)} (Hardswish's parameters). */
    private Match gated(String x, NodeProto gate, NodeProto mul) {
        if (!isProductOf(mul, x, gate.getOutput(0)) || !onlyFeeds(gate, mul) || !takes(gate, x)) {
            return null;
        }
        if (gate.getOpType().equals("Sigmoid")) {
            return new Match(Activation.Kind.SILU, gate, mul.getOutput(0));
        }
        if (gate.getOpType().equals("HardSigmoid")) {
            OnnxAttributes attrs = new OnnxAttributes(gate);
            if (isHardswishGate(attrs.getFloat("alpha", 0.2f), attrs.getFloat("beta", 0.5f))) {
                return new Match(Activation.Kind.HARDSWISH, gate, mul.getOutput(0));
            }
        }
        return null;
    }

    static boolean isHardswishGate(float alpha, float beta) {
        return alpha == (float) Activation.HARD_SIGMOID_ALPHA && beta == (float) Activation.HARD_SIGMOID_BETA;
    }

    /** {@code (x / sqrt2 | x · (1/sqrt2)) -> Erf -> Add 1 -> A}, then {@code (x · A) · 0.5} or {@code (x · 0.5) · A}. */
    private Match gelu(String x, NodeProto scale, NodeProto mul1) {
        boolean divides = scale.getOpType().equals("Div") && scale.getInputCount() == 2 && scale.getInput(0).equals(x)
                && isScalar(scale.getInput(1), SQRT2);
        boolean multiplies = scale.getOpType().equals("Mul") && isProductWithConstant(scale, x, 1 / SQRT2);
        if (!(divides || multiplies)) {
            return null;
        }
        NodeProto erf = soleConsumer(scale);
        if (erf == null || !erf.getOpType().equals("Erf")) {
            return null;
        }
        NodeProto add = soleConsumer(erf);
        if (add == null || !add.getOpType().equals("Add") || !isProductWithConstant(add, erf.getOutput(0), 1.0)) {
            return null;
        }
        String gate = add.getOutput(0);
        if (!mul1.getOpType().equals("Mul")) {
            return null;
        }
        NodeProto mul2 = soleConsumer(mul1);
        if (mul2 == null || !mul2.getOpType().equals("Mul") || !onlyFeeds(add, isProductOf(mul1, x, gate) ? mul1 : mul2)) {
            return null;
        }
        boolean gateFirst = isProductOf(mul1, x, gate) && isProductWithConstant(mul2, mul1.getOutput(0), 0.5);
        boolean halfFirst = isProductWithConstant(mul1, x, 0.5) && isProductOf(mul2, mul1.getOutput(0), gate);
        return gateFirst || halfFirst ? new Match(Activation.Kind.GELU, scale, mul2.getOutput(0)) : null;
    }

    /** {@code node} has exactly the two inputs {@code a} and {@code b}, in either order (Mul and Add commute). */
    private static boolean isProductOf(NodeProto node, String a, String b) {
        if (!node.getOpType().equals("Mul") || node.getInputCount() != 2) {
            return false;
        }
        return (node.getInput(0).equals(a) && node.getInput(1).equals(b))
                || (node.getInput(0).equals(b) && node.getInput(1).equals(a));
    }

    /** {@code node} combines {@code x} with a scalar constant equal to {@code value}, in either order. */
    private boolean isProductWithConstant(NodeProto node, String x, double value) {
        if (node.getInputCount() != 2) {
            return false;
        }
        int other = node.getInput(0).equals(x) ? 1 : node.getInput(1).equals(x) ? 0 : -1;
        return other >= 0 && isScalar(node.getInput(other), value);
    }

    private boolean isScalar(String name, double value) {
        TensorProto t = constants.apply(name);
        if (t == null) {
            return false;
        }
        Tensor c = OnnxTensors.toTensor(t);
        return c.size() == 1 && Math.abs(c.data()[0] - value) <= 1e-6 * Math.max(1, Math.abs(value));
    }

    private static boolean takes(NodeProto node, String x) {
        return node.getInputCount() == 1 && node.getInput(0).equals(x);
    }

    /** The one node using {@code node}'s only output, or null (several users, or a graph output). */
    private NodeProto soleConsumer(NodeProto node) {
        if (node.getOutputCount() != 1 || graphOutputs.contains(node.getOutput(0))) {
            return null;
        }
        List<NodeProto> users = consumers.getOrDefault(node.getOutput(0), List.of());
        return users.size() == 1 ? users.get(0) : null;
    }

    private boolean onlyFeeds(NodeProto node, NodeProto user) {
        return soleConsumer(node) == user;
    }
}
