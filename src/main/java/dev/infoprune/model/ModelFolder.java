package dev.infoprune.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.AtomicFiles;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Reading;
import dev.infoprune.core.JsonLimits;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's own model format: a folder with {@code model.json} (architecture, classes, normalisation,
 * provenance) and {@code weights.npz} (float32 arrays named {@code <layer>.<weight>} in PyTorch layouts).
 */
public final class ModelFolder {
    public static final String MODEL_JSON = "model.json";
    public static final String WEIGHTS_NPZ = "weights.npz";
    public static final String FORMAT = "infoprune-model";

    private static final ObjectMapper JSON = JsonLimits.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFolder() {
    }

    public static boolean isModelFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(MODEL_JSON));
    }

    public static Network read(Path dir) {
        return Reading.of(dir, () -> readUnguarded(dir));
    }

    private static Network readUnguarded(Path dir) {
        if (!Files.exists(dir)) {
            try {
                AtomicFiles.recover(dir); // a write killed while swapping folders leaves the previous one aside
            } catch (IOException e) {
                // nothing to recover; the message below says what is missing
            }
        }
        if (!Files.exists(dir)) {
            throw new BadInputException(dir, "no such model folder");
        }
        Path json = dir.resolve(MODEL_JSON);
        if (!Files.isRegularFile(json)) {
            throw new BadInputException(dir, "not a model folder (no " + MODEL_JSON + ")");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(json)) {
            root = parseJson(in, json.toString());
        } catch (IOException e) {
            throw new BadInputException(json, "cannot be read: " + e.getMessage(), e);
        }
        Path npz = dir.resolve(WEIGHTS_NPZ);
        return build(root, json.toString(), NpzWeights.read(npz), npz.toString());
    }

    /**
     * Reads a model from two streams (e.g. class-path resources); messages name {@code jsonSource} or
     * {@code weightsSource}.
     */
    public static Network read(InputStream modelJson, String jsonSource, InputStream weightsNpz, String weightsSource) {
        JsonNode root = parseJson(modelJson, jsonSource);
        return build(root, jsonSource, NpzWeights.read(weightsNpz, weightsSource), weightsSource);
    }

    private static JsonNode parseJson(InputStream in, String source) {
        try {
            return JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new BadInputException(source, JsonLimits.describe(e), e);
        } catch (IOException e) {
            throw new BadInputException(source, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static Network build(JsonNode root, String jsonSource, Map<String, Tensor> weights, String weightsSource) {
        if (root == null || root.isMissingNode() || !root.isObject()) {
            throw new BadInputException(jsonSource, "holds no JSON object");
        }
        try {
            return fromJson(root, weights);
        } catch (WeightShapeException e) {
            throw new BadInputException(weightsSource, e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(jsonSource, e.getMessage(), e);
        }
    }

    public static void write(Network network, Path dir) throws IOException {
        AtomicFiles.writeFolder(dir, tmp -> writeInto(network, tmp));
    }

    /** Writes the two files into an existing folder (used inside a larger atomic write). */
    public static void writeInto(Network network, Path dir) throws IOException {
        Files.writeString(dir.resolve(MODEL_JSON), JSON.writeValueAsString(toJson(network)));
        try (var out = Files.newOutputStream(dir.resolve(WEIGHTS_NPZ))) {
            NpzWeights.write(weightsOf(network), out);
        }
    }

    /** All weights of a network keyed {@code <layer name>.<suffix>}, input side first. */
    public static Map<String, Tensor> weightsOf(Network network) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Layer layer : network.layers()) {
            for (String suffix : List.of("weight", "bias", "running_mean", "running_var")) {
                Tensor t = layer.weights().get(suffix);
                if (t != null) {
                    out.put(layer.name() + "." + suffix, t);
                }
            }
        }
        return out;
    }

    public static ObjectNode toJson(Network network) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", network.isGraph() ? 2 : 1);
        root.put("name", network.name());
        ArrayNode shape = root.putObject("input").putArray("shape");
        for (int d : network.inputShape()) {
            shape.add(d);
        }
        ArrayNode classes = root.putArray("classes");
        network.classes().forEach(classes::add);
        if (!network.normalization().isIdentity()) {
            ObjectNode norm = root.putObject("normalization");
            ArrayNode mean = norm.putArray("mean");
            ArrayNode std = norm.putArray("std");
            for (int i = 0; i < network.normalization().mean().length; i++) {
                mean.add(network.normalization().mean()[i]);
                std.add(network.normalization().std()[i]);
            }
        }
        ArrayNode layers = root.putArray("layers");
        for (int i = 0; i < network.layers().size(); i++) {
            ObjectNode n = layerJson(network.layer(i));
            if (network.isGraph()) {
                ArrayNode inputs = n.putArray("inputs");
                for (int source : network.sourcesOf(i)) {
                    inputs.add(source < 0 ? Network.INPUT : network.layer(source).name());
                }
            }
            layers.add(n);
        }
        ModelCard card = network.card();
        if (!card.equals(ModelCard.EMPTY)) {
            root.set("provenance", JSON.valueToTree(card));
        }
        return root;
    }

    private static ObjectNode layerJson(Layer layer) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", layer.type());
        n.put("name", layer.name());
        if (layer instanceof Dense d) {
            n.put("out", d.out());
        } else if (layer instanceof Conv2d c) {
            n.put("out", c.out());
            n.put("kernel", c.kernel());
            n.put("stride", c.stride());
            n.put("padding", c.padding());
            if (c.groups() > 1) {
                n.put("groups", c.groups());
            }
        } else if (layer instanceof BatchNorm b) {
            n.put("eps", b.eps());
        } else if (layer instanceof Pool p) {
            n.put("kernel", p.kernel());
            n.put("stride", p.stride());
            if (p.padding() > 0) {
                n.put("padding", p.padding());
                if (p.kind() == Pool.Kind.AVG) {
                    n.put("count_include_pad", p.countIncludePad());
                }
            }
            if (p.ceilMode()) {
                n.put("ceil_mode", true);
            }
        } else if (layer instanceof ChannelShuffle c) {
            n.put("groups", c.groups());
        } else if (layer instanceof ChannelSlice c) {
            n.put("start", c.start());
            n.put("end", c.end());
        } else if (layer instanceof Activation a) {
            switch (a.kind()) {
                case LEAKYRELU -> n.put("negative_slope", a.alpha());
                case ELU -> n.put("alpha", a.alpha());
                case CLIP -> {
                    n.put("min", a.min());
                    n.put("max", a.max());
                }
                case HARDSIGMOID -> {
                    n.put("alpha", a.alpha());
                    n.put("beta", a.beta());
                }
                default -> {
                    // no parameters
                }
            }
        } else if (layer instanceof Dropout d) {
            n.put("rate", d.rate());
        }
        return n;
    }

    public static Network fromJson(JsonNode root, Map<String, Tensor> weights) {
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("\"format\" must be \"" + FORMAT + "\"");
        }
        JsonNode versionNode = root.path("version");
        if (!versionNode.isIntegralNumber() || !versionNode.canConvertToInt()
                || (versionNode.asInt() != 1 && versionNode.asInt() != 2)) {
            throw new IllegalArgumentException("unsupported version " + root.path("version")
                    + " (this build reads version 1, chains, and version 2, graphs)");
        }
        boolean graph = versionNode.asInt() == 2;
        String name = text(root, "name", "model");
        JsonNode shapeNode = root.path("input").path("shape");
        if (!shapeNode.isArray() || shapeNode.isEmpty()) {
            throw new IllegalArgumentException("\"input\": {\"shape\": [...]} is missing");
        }
        if (shapeNode.size() > 8) {
            throw new IllegalArgumentException("input shape has " + shapeNode.size() + " entries (at most 8)");
        }
        int[] inputShape = new int[shapeNode.size()];
        long inputSize = 1;
        for (int i = 0; i < inputShape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToInt() || d.asInt() < 1) {
                throw new IllegalArgumentException("input shape entries must be positive integers, got " + abbreviate(d.toString()));
            }
            inputShape[i] = d.asInt();
            inputSize *= inputShape[i];
            if (inputSize > Network.MAX_INPUT_SIZE) {
                throw new IllegalArgumentException("input shape " + shapeNode + " has more than " + Network.MAX_INPUT_SIZE
                        + " values");
            }
        }
        List<String> classes = new ArrayList<>();
        JsonNode classesNode = root.path("classes");
        if (!classesNode.isMissingNode() && !classesNode.isNull()) {
            if (!classesNode.isArray()) {
                throw new IllegalArgumentException("\"classes\" must be a list of class names, got " + abbreviate(classesNode.toString()));
            }
            for (JsonNode c : classesNode) {
                if (!c.isTextual() && !c.isNumber()) {
                    throw new IllegalArgumentException("\"classes\" must hold names, got " + abbreviate(c.toString()));
                }
                classes.add(c.asText());
            }
        }

        Map<String, Tensor> unused = new HashMap<>(weights);
        List<Layer> layers = new ArrayList<>();
        List<List<String>> inputs = new ArrayList<>();
        Map<String, int[]> shapes = new HashMap<>();
        shapes.put(Network.INPUT, inputShape);
        int[] shape = inputShape;
        JsonNode layersNode = root.path("layers");
        if (!layersNode.isArray() || layersNode.isEmpty()) {
            throw new IllegalArgumentException("\"layers\" is missing or empty");
        }
        for (int i = 0; i < layersNode.size(); i++) {
            JsonNode ln = layersNode.get(i);
            Layer layer;
            try {
                List<String> reads = graph ? inputNames(ln, layersNode) : List.of();
                if (!graph && ln.has("inputs")) {
                    throw new IllegalArgumentException("\"inputs\" needs \"version\": 2 (a graph network)");
                }
                List<int[]> inShapes = new ArrayList<>();
                for (String in : reads) {
                    if (!shapes.containsKey(in)) {
                        boolean later = false;
                        for (JsonNode other : layersNode) {
                            later |= in.equals(other.path("name").asText(null));
                        }
                        throw new IllegalArgumentException(GraphWiring.unknownInput(text(ln, "name", "?"), in, later));
                    }
                    inShapes.add(shapes.get(in));
                }
                if (inShapes.isEmpty()) {
                    inShapes.add(shape);
                }
                layer = layerFromJson(ln, i, inShapes.get(0), weights);
                shape = layer.outputShape(inShapes);
                shapes.put(layer.name(), shape);
                inputs.add(reads);
            } catch (WeightShapeException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + i + " (" + ln.path("type").asText("?") + "): " + e.getMessage(), e);
            }
            for (String suffix : layer.weights().keySet()) {
                unused.remove(layer.name() + "." + suffix);
            }
            layers.add(layer);
        }
        if (!unused.isEmpty()) {
            throw new WeightShapeException(unused.keySet().iterator().next() + " (no layer uses it)", null, new int[0]);
        }
        Normalization norm = normalization(root.path("normalization"), inputSize);
        ModelCard card = ModelCard.EMPTY;
        if (root.has("provenance")) {
            try {
                card = JSON.treeToValue(root.get("provenance"), ModelCard.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("\"provenance\" is malformed: " + e.getOriginalMessage());
            }
        }
        return new Network(name, inputShape, classes, layers, graph ? inputs : null, norm, card);
    }

    /** A version 2 layer's "inputs": a list of names of earlier layers or "input"; absent means the previous layer. */
    private static List<String> inputNames(JsonNode layer, JsonNode all) {
        JsonNode v = layer.path("inputs");
        if (v.isMissingNode()) {
            return List.of();
        }
        if (!v.isArray() || v.isEmpty() || v.size() > all.size()) {
            throw new IllegalArgumentException("\"inputs\" must be a non-empty list of layer names (or \"" + Network.INPUT
                    + "\"), got " + abbreviate(v.toString()));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode n : v) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException("\"inputs\" must hold layer names, got " + abbreviate(n.toString()));
            }
            names.add(n.asText());
        }
        return names;
    }

    private static Layer layerFromJson(JsonNode n, int index, int[] inShape, Map<String, Tensor> w) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("a layer must be a JSON object, got " + abbreviate(n.toString()));
        }
        String type = text(n, "type", "");
        String name = text(n, "name", type + index);
        return switch (type) {
            case "dense" -> {
                if (inShape.length != 1) {
                    throw new IllegalArgumentException("dense layer " + name + " needs a flat input, got "
                            + java.util.Arrays.toString(inShape) + " (add a flatten layer)");
                }
                int out = positive(n, "out");
                yield new Dense(name, inShape[0], out, w.get(name + ".weight"), w.get(name + ".bias"));
            }
            case "conv2d" -> {
                if (inShape.length != 3) {
                    throw new IllegalArgumentException("conv layer " + name + " needs a [c, h, w] input");
                }
                yield new Conv2d(name, inShape[0], positive(n, "out"), positive(n, "kernel"), integer(n, "stride", 1, 1),
                        integer(n, "padding", 0, 0), integer(n, "groups", 1, 1), w.get(name + ".weight"),
                        w.get(name + ".bias"));
            }
            case "batchnorm" -> new BatchNorm(name, inShape[0], real(n, "eps", 1e-5), w.get(name + ".weight"),
                    w.get(name + ".bias"), w.get(name + ".running_mean"), w.get(name + ".running_var"));
            case "relu", "sigmoid", "tanh", "relu6", "gelu", "silu", "hardswish" ->
                    new Activation(name, Activation.Kind.ofType(type));
            case "leakyrelu" -> Activation.leakyRelu(name, number(n, "negative_slope", Activation.LEAKY_RELU_SLOPE));
            case "elu" -> Activation.elu(name, number(n, "alpha", 1.0));
            case "clip" -> Activation.clip(name, number(n, "min", Double.NaN), number(n, "max", Double.NaN));
            case "hardsigmoid" -> Activation.hardSigmoid(name, number(n, "alpha", Activation.HARD_SIGMOID_ALPHA),
                    number(n, "beta", Activation.HARD_SIGMOID_BETA));
            case "maxpool", "avgpool" -> {
                int k = positive(n, "kernel");
                yield new Pool(name, type.equals("maxpool") ? Pool.Kind.MAX : Pool.Kind.AVG, k, integer(n, "stride", k, 1),
                        integer(n, "padding", 0, 0), flag(n, "count_include_pad", true), flag(n, "ceil_mode", false));
            }
            case "globalavgpool" -> new GlobalAvgPool(name);
            case "flatten" -> new Flatten(name);
            case "add" -> new Add(name);
            case "concat" -> new Concat(name);
            case "mul" -> new Multiply(name);
            case "shuffle" -> new ChannelShuffle(name, positive(n, "groups"));
            case "slice" -> new ChannelSlice(name, integer(n, "start", 0, 0), positive(n, "end"));
            case "dropout" -> new Dropout(name, real(n, "rate", 0.5));
            default -> throw new IllegalArgumentException("unknown layer type \"" + type + "\" (supported: dense, conv2d, "
                    + "batchnorm, relu, sigmoid, tanh, leakyrelu, elu, relu6, clip, gelu, silu, hardswish, hardsigmoid, maxpool, "
                    + "avgpool, globalavgpool, flatten, dropout, add, concat, mul, shuffle, slice)");
        };
    }

    private static boolean flag(JsonNode n, String field, boolean fallback) {
        JsonNode v = n.path(field);
        if (!v.isMissingNode() && !v.isBoolean()) {
            throw new IllegalArgumentException("\"" + field + "\" must be true or false");
        }
        return v.asBoolean(fallback);
    }

    private static int positive(JsonNode n, String field) {
        JsonNode v = n.path(field);
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
            throw new IllegalArgumentException("\"" + field + "\" must be a positive integer"
                    + (v.isMissingNode() ? "" : ", got " + abbreviate(v.toString())));
        }
        return v.asInt();
    }

    /** An optional integer field, exactly as written (no wrapping, no text coerced), at least {@code min}. */
    private static int integer(JsonNode n, String field, int fallback, int min) {
        JsonNode v = n.path(field);
        if (v.isMissingNode()) {
            return fallback;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min) {
            throw new IllegalArgumentException("\"" + field + "\" must be an integer of at least " + min + ", got "
                    + abbreviate(v.toString()));
        }
        return v.asInt();
    }

    /** An optional number field; text and non-finite values are refused. */
    private static double real(JsonNode n, String field, double fallback) {
        JsonNode v = n.path(field);
        if (v.isMissingNode()) {
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException("\"" + field + "\" must be a finite number, got " + abbreviate(v.toString()));
        }
        return v.asDouble();
    }

    /** A finite numeric field, {@code fallback} when absent; NaN as fallback makes the field required. */
    private static double number(JsonNode n, String field, double fallback) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() && !Double.isNaN(fallback)) {
            return fallback;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number, and finite"
                    + (v.isMissingNode() ? "" : ", got " + abbreviate(v.toString())));
        }
        return v.asDouble();
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a string, got " + abbreviate(v.toString()));
        }
        return v.asText();
    }

    /** The recorded input normalisation: one mean/std pair for every input, or one per input value. */
    private static Normalization normalization(JsonNode nn, long inputSize) {
        if (nn.isMissingNode() || nn.isNull()) {
            return Normalization.IDENTITY;
        }
        if (!nn.isObject()) {
            throw new IllegalArgumentException("\"normalization\" must be an object {\"mean\": [...], \"std\": [...]}, got "
                    + abbreviate(nn.toString()));
        }
        float[] mean = floats(nn.path("mean"), "normalization.mean");
        float[] std = floats(nn.path("std"), "normalization.std");
        if (mean.length != std.length || (mean.length != 1 && mean.length != inputSize)) {
            throw new IllegalArgumentException("\"normalization\" has " + mean.length + " means and " + std.length
                    + " standard deviations; it needs 1 of each or one per input value (" + inputSize + ")");
        }
        for (int i = 0; i < std.length; i++) {
            if (!(std[i] > 0)) {
                throw new IllegalArgumentException("normalization.std[" + i + "] is " + std[i] + "; standard deviations must be positive");
            }
        }
        return new Normalization(mean, std);
    }

    private static float[] floats(JsonNode arr, String field) {
        if (!arr.isArray() || arr.isEmpty()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a non-empty list of numbers");
        }
        if (arr.size() > Network.MAX_INPUT_SIZE) {
            throw new IllegalArgumentException("\"" + field + "\" has " + arr.size() + " values, more than any input has");
        }
        float[] out = new float[arr.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = arr.get(i);
            if (!v.isNumber()) {
                throw new IllegalArgumentException(field + "[" + i + "] must be a number, got " + abbreviate(v.toString()));
            }
            out[i] = (float) v.asDouble();
            if (!Float.isFinite(out[i])) {
                throw new IllegalArgumentException(field + "[" + i + "] is " + v.asText()
                        + ", not a finite float32 number (at most 3.4e38 in magnitude)");
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

}
