package dev.infoprune.model.onnx;

import ai.onnx.proto.OnnxMl.NodeProto;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns ONNX node and initializer names into unique layer names. PyTorch's exporter names weights after the
 * module ({@code fc1.weight}, {@code features.0.weight}) and nodes after the module scope ({@code /fc1/Gemm}),
 * so both give the PyTorch module name, which keeps {@code weights.npz} loadable with {@code load_state_dict}.
 */
final class LayerNamer {
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.\\-]");
    private final Set<String> used = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();

    /** A name from the weight initializer ({@code fc1.weight} gives {@code fc1}), else from the node. */
    String forWeighted(NodeProto node, String weightName, String type) {
        if (weightName != null && weightName.endsWith(".weight") && !weightName.startsWith("onnx::")) {
            String base = sanitise(weightName.substring(0, weightName.length() - ".weight".length()));
            if (!base.isEmpty()) {
                return unique(base);
            }
        }
        return forNode(node, type);
    }

    /** A name from the node's module scope ({@code /features/features.3/Relu} gives {@code features.3}). */
    String forNode(NodeProto node, String type) {
        String name = node.getName();
        String base;
        if (name.contains("/")) {
            String[] parts = Arrays.stream(name.split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
            int last = parts.length - 1;
            if (last >= 0 && isAutomatic(parts[last], node.getOpType())) {
                last--;
            }
            base = sanitise(modulePath(Arrays.copyOf(parts, last + 1)));
        } else {
            base = isAutomatic(name, node.getOpType()) ? "" : sanitise(name);
        }
        return base.isEmpty() ? generated(type) : unique(base);
    }

    /** Scopes {@code [net, relu1]} give {@code net.relu1}; {@code [features, features.0]} give {@code features.0}. */
    private static String modulePath(String[] scopes) {
        String path = "";
        for (String scope : scopes) {
            path = path.isEmpty() || scope.startsWith(path + ".") ? scope : path + "." + scope;
        }
        return path;
    }

    String generated(String type) {
        int n = counters.merge(type, 1, Integer::sum);
        String candidate = type + n;
        while (used.contains(candidate)) {
            n = counters.merge(type, 1, Integer::sum);
            candidate = type + n;
        }
        return unique(candidate);
    }

    private String unique(String base) {
        String candidate = base;
        for (int i = 2; used.contains(candidate); i++) {
            candidate = base + "_" + i;
        }
        used.add(candidate);
        return candidate;
    }

    /** Exporter-made names such as {@code Gemm}, {@code Gemm_3} or {@code Relu_12} say nothing about the module. */
    private static boolean isAutomatic(String part, String opType) {
        return part.equals(opType) || part.matches(Pattern.quote(opType) + "_\\d+");
    }

    static String sanitise(String s) {
        return UNSAFE.matcher(s).replaceAll("_");
    }
}
