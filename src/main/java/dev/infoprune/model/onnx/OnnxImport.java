package dev.infoprune.model.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Reading;
import dev.infoprune.core.BoundedReads;
import dev.infoprune.core.JsonLimits;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Reads an ONNX file of a sequential MLP or CNN (as {@code torch.onnx.export} writes an {@code nn.Sequential})
 * into a {@link Network}. Initializers become the weights in PyTorch layouts, layer names come from the
 * weight and node names, a final Softmax is dropped (noted in the model card). {@code Sub}/{@code Div} by
 * constants at the input become the network's {@link Normalization} (which InfoPrune applies to data sets, while
 * {@code predict} and exported files take inputs as they are), as does the normalisation an InfoPrune export
 * records in its metadata.
 */
public final class OnnxImport {
    /** Opsets this reader accepts; files made by PyTorch with opsets 11 to 17 are tested. */
    public static final int MIN_OPSET = 9;
    public static final int MAX_OPSET = 21;

    /** The largest .onnx file InfoPrune reads (protobuf itself stops at 2 GB). */
    public static final long MAX_BYTES = 1L << 30;

    private static final ObjectMapper JSON = JsonLimits.mapper();

    private OnnxImport() {
    }

    /** Reads an {@code .onnx} file; any problem is a {@link BadInputException} naming the file. */
    public static Network read(Path file) {
        return Reading.of(file, () -> readUnguarded(file));
    }

    private static Network readUnguarded(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file, "is a folder, not an .onnx file");
        }
        byte[] bytes = BoundedReads.readFile(file, MAX_BYTES, "ONNX models");
        return fromBytes(bytes, file.toString(), defaultName(file));
    }

    /** Reads a model from memory; {@code source} names it in error messages. */
    public static Network fromBytes(byte[] bytes, String source, String defaultName) {
        try {
            return convert(parse(bytes), source, defaultName);
        } catch (OnnxProblem | IllegalArgumentException e) {
            throw new BadInputException(source, e.getMessage(), e);
        } catch (IndexOutOfBoundsException e) {
            // a node without the inputs or outputs its operator requires: protobuf lists are read by position
            throw new BadInputException(source, "malformed ONNX graph: a node lacks an input or output its operator needs ("
                    + e.getMessage() + ")", e);
        }
    }

    static ModelProto parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw new OnnxProblem("the file is empty (not an ONNX model)");
        }
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxProblem("not an ONNX model, or a truncated one (" + e.getMessage() + ")", e);
        }
        if (model.getIrVersion() <= 0 || !model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new OnnxProblem("not an ONNX model, or a truncated one (no IR version or no graph)");
        }
        return model;
    }

    private static Network convert(ModelProto model, String source, String defaultName) {
        int opset = defaultOpset(model);
        OnnxGraphReader.Result r = new OnnxGraphReader(model.getGraph(), opset).read();
        String name = metadata(model, OnnxExport.META_NAME);
        if (name == null || name.isBlank()) {
            name = defaultName;
        }
        int outputs = r.layers().isEmpty() ? 0 : (int) Tensor.sizeOf(r.outputShape());
        List<String> classes = classes(model, outputs);
        List<String> notes = new ArrayList<>();
        notes.add("imported from " + Path.of(source).getFileName() + " (" + describeProducer(model) + ", opset " + opset + ")");
        notes.addAll(r.notes());
        Normalization normalization = r.normalization();
        if (!normalization.isIdentity()) {
            notes.add("the Sub/Div at the input became the model's input normalisation: InfoPrune applies it to data "
                    + "sets; predict and exported ONNX files take inputs already normalised");
        } else {
            normalization = storedNormalization(model, r.inputShape());
        }
        ModelCard card = new ModelCard(null, null, null, null, null, null, String.join("; ", notes));
        try {
            return new Network(name, r.inputShape(), classes, r.layers(), r.inputs(), normalization, card);
        } catch (IllegalArgumentException e) {
            throw new OnnxProblem(e.getMessage(), e);
        }
    }

    private static int defaultOpset(ModelProto model) {
        for (OperatorSetIdProto id : model.getOpsetImportList()) {
            if (id.getDomain().isEmpty() || id.getDomain().equals("ai.onnx")) {
                long v = id.getVersion();
                if (v < MIN_OPSET || v > MAX_OPSET) {
                    throw new OnnxProblem("opset " + v + " is not supported (InfoPrune reads opsets " + MIN_OPSET
                            + " to " + MAX_OPSET + "; re-export with e.g. opset_version=13)");
                }
                return (int) v;
            }
        }
        throw new OnnxProblem("declares no ONNX operator set (not an ONNX model, or a truncated one)");
    }

    private static List<String> classes(ModelProto model, int outputs) {
        String stored = metadata(model, OnnxExport.META_CLASSES);
        if (stored != null) {
            try {
                JsonNode arr = JSON.readTree(stored);
                if (arr.isArray() && arr.size() == outputs) {
                    List<String> names = new ArrayList<>();
                    arr.forEach(n -> names.add(n.asText()));
                    return names;
                }
            } catch (IOException ignored) {
                // fall back to numbered classes
            }
        }
        return IntStream.range(0, outputs).mapToObj(Integer::toString).toList();
    }

    private static Normalization storedNormalization(ModelProto model, int[] inputShape) {
        String stored = metadata(model, OnnxExport.META_NORMALIZATION);
        if (stored == null) {
            return Normalization.IDENTITY;
        }
        try {
            JsonNode n = JSON.readTree(stored);
            float[] mean = JSON.treeToValue(n.get("mean"), float[].class);
            float[] std = JSON.treeToValue(n.get("std"), float[].class);
            if (mean.length != 1 && mean.length != Tensor.sizeOf(inputShape)) {
                throw new OnnxProblem("metadata " + OnnxExport.META_NORMALIZATION + " has " + mean.length
                        + " values; expected 1 or one per input feature");
            }
            return new Normalization(mean, std);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new OnnxProblem("metadata " + OnnxExport.META_NORMALIZATION + " is malformed: " + e.getMessage(), e);
        }
    }

    private static String metadata(ModelProto model, String key) {
        for (StringStringEntryProto e : model.getMetadataPropsList()) {
            if (e.getKey().equals(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String describeProducer(ModelProto model) {
        String p = model.getProducerName().isEmpty() ? "unknown producer" : model.getProducerName();
        return model.getProducerVersion().isEmpty() ? p : p + " " + model.getProducerVersion();
    }

    private static String defaultName(Path file) {
        String f = file.getFileName().toString();
        return f.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx") ? f.substring(0, f.length() - 5) : f;
    }
}
