package dev.infoprune.prune;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.AtomicFiles;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.JsonLimits;
import dev.infoprune.model.Network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code plan.json}: the kept unit indices per prunable layer, the method, its settings and the seed, plus the
 * layer widths of the network the plan was made for (so that applying it to another network is caught).
 */
public final class PlanFiles {
    public static final String FILE_NAME = "plan.json";
    public static final String FORMAT = "infoprune-plan";
    static final ObjectMapper JSON = JsonLimits.mapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanFiles() {
    }

    /** Writes the plan atomically; {@code network} (may be null) is the unpruned network it refers to. */
    public static void write(PruningPlan plan, Network network, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(plan, network));
    }

    public static String toJson(PruningPlan plan, Network network) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("method", plan.method());
        root.put("seed", plan.seed());
        root.set("settings", JSON.valueToTree(plan.settings()));
        if (network != null) {
            root.put("model", network.name());
            ObjectNode units = root.putObject("units");
            for (int i : network.prunableLayerIndices()) {
                units.put(network.layer(i).name(), network.layer(i).units());
            }
        }
        ObjectNode kept = root.putObject("kept");
        plan.kept().forEach((layer, idx) -> {
            ArrayNode a = kept.putArray(layer);
            for (int i : idx) {
                a.add(i);
            }
        });
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PruningPlan read(Path file) {
        return parse(readTree(file), file.toString()).plan();
    }

    /** Reads a plan and checks that it fits {@code network} (layer names, widths, indices, no emptied layer). */
    public static PruningPlan readFor(Path file, Network network) {
        Parsed parsed = parse(readTree(file), file.toString());
        parsed.units().forEach((layer, width) -> {
            int li = network.indexOf(layer);
            if (li >= 0 && network.layer(li).isPrunable() && network.layer(li).units() != width) {
                throw new BadInputException(file, "the plan was made for a layer " + layer + " of " + width
                        + " units, but model " + network.name() + " has " + network.layer(li).units());
            }
        });
        PlanValidation.check(parsed.plan(), network, file.toString());
        return parsed.plan();
    }

    record Parsed(PruningPlan plan, Map<String, Integer> units) {
    }

    private static JsonNode readTree(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "no such plan file");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, JsonLimits.describe(e), e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    static Parsed parse(JsonNode root, String source) {
        if (root == null || !root.isObject()) {
            throw new BadInputException(source, "a plan must be a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new BadInputException(source, "not a pruning plan (\"format\" is not \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt(-1) != 1) {
            throw new BadInputException(source, "unsupported plan version " + root.path("version"));
        }
        JsonNode kept = root.get("kept");
        if (kept == null || !kept.isObject()) {
            throw new BadInputException(source, "the plan has no \"kept\" object");
        }
        Map<String, int[]> keptMap = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = kept.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode arr = e.getValue();
            if (!arr.isArray()) {
                throw new BadInputException(source, "kept." + e.getKey() + " must be an array of unit indices");
            }
            int[] idx = new int[arr.size()];
            for (int i = 0; i < idx.length; i++) {
                if (!arr.get(i).canConvertToInt() || !arr.get(i).isIntegralNumber()) {
                    throw new BadInputException(source, "kept." + e.getKey() + "[" + i + "] is not an integer: " + arr.get(i));
                }
                idx[i] = arr.get(i).asInt();
            }
            keptMap.put(e.getKey(), idx);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        JsonNode s = root.path("settings");
        if (s.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                settings.put(e.getKey(), JSON.convertValue(e.getValue(), Object.class));
            }
        }
        Map<String, Integer> units = new LinkedHashMap<>();
        root.path("units").fields().forEachRemaining(e -> units.put(e.getKey(), e.getValue().asInt()));
        try {
            PruningPlan plan = new PruningPlan(root.path("method").asText("unknown"), settings,
                    root.path("seed").asLong(0), keptMap);
            return new Parsed(plan, units);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, e.getMessage(), e);
        }
    }
}
