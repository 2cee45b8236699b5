package dev.infoprune.model.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;

import java.util.Arrays;

/** Typed access to a node's attributes, with defaults and errors that name the node. */
final class OnnxAttributes {
    private final NodeProto node;

    OnnxAttributes(NodeProto node) {
        this.node = node;
    }

    static String describe(NodeProto node) {
        String name = node.getName().isEmpty() ? "(unnamed, output " + (node.getOutputCount() > 0 ? node.getOutput(0) : "?") + ")"
                : node.getName();
        return node.getOpType() + " node " + name;
    }

    boolean has(String name) {
        return find(name) != null;
    }

    long getInt(String name, long fallback) {
        AttributeProto a = find(name);
        return a == null ? fallback : a.getI();
    }

    float getFloat(String name, float fallback) {
        AttributeProto a = find(name);
        return a == null ? fallback : a.getF();
    }

    String getString(String name, String fallback) {
        AttributeProto a = find(name);
        return a == null ? fallback : a.getS().toStringUtf8();
    }

    long[] getInts(String name, long[] fallback) {
        AttributeProto a = find(name);
        return a == null ? fallback : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
    }

    AttributeProto find(String name) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** An error about one attribute of this node. */
    OnnxProblem unsupported(String attribute, Object value, String why) {
        String v = value instanceof long[] l ? Arrays.toString(l) : String.valueOf(value);
        return new OnnxProblem(describe(node) + ": attribute " + attribute + " = " + v + " is not supported (" + why + ")");
    }
}
