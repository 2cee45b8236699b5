package dev.infoprune.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.AtomicFiles;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Reading;
import dev.infoprune.core.BoundedReads;
import dev.infoprune.core.JsonLimits;
import dev.infoprune.core.ZipArchive;
import dev.infoprune.info.NodeScores;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.NpzWeights;
import dev.infoprune.prune.mipp.MippSettings;
import dev.infoprune.prune.mipp.MippTrace;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A session file ({@code .infoprune-session}): a zip holding {@code session.json} (model source, data choice,
 * estimator, scores, MIPP settings and trace, comparison results) and, for a network that lives only in the
 * session, {@code model/model.json} + {@code model/weights.npz} (the model folder format). Written atomically:
 * a reader, or a crash during the write, sees the old file or the new one, never a mix.
 */
public final class SessionFiles {
    public static final String EXTENSION = ".infoprune-session";
    public static final String FORMAT = "infoprune-session";
    public static final int VERSION = 1;
    static final String SESSION_JSON = "session.json";
    static final String MODEL_JSON = "model/" + ModelFolder.MODEL_JSON;
    static final String WEIGHTS_NPZ = "model/" + ModelFolder.WEIGHTS_NPZ;

    /** The largest session file (and session entry) InfoPrune reads. */
    public static final long MAX_BYTES = 1L << 30;

    private static final ObjectMapper JSON = JsonLimits.mapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private SessionFiles() {
    }

    /** Writes {@code session} to {@code file} (stamped with the time now) and returns what was written. */
    public static Session write(Session session, Path file) throws IOException {
        Session stamped = session.withSavedAt(System.currentTimeMillis());
        byte[] json = JSON.writeValueAsBytes(toJson(stamped));
        AtomicFiles.writeFile(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            put(zip, SESSION_JSON, json);
            if (stamped.embedded() != null) {
                put(zip, MODEL_JSON, JSON.writeValueAsBytes(ModelFolder.toJson(stamped.embedded())));
                zip.putNextEntry(new ZipEntry(WEIGHTS_NPZ));
                NpzWeights.write(ModelFolder.weightsOf(stamped.embedded()), new NonClosing(zip));
                zip.closeEntry();
            }
            zip.finish();
        });
        return stamped;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Reads a session file; anything wrong with it is one {@link BadInputException} naming the file. */
    public static Session read(Path file) {
        return Reading.of(file, () -> readUnguarded(file));
    }

    private static Session readUnguarded(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "no such session file");
        }
        byte[] bytes = BoundedReads.readFile(file, MAX_BYTES, "session files");
        if (!ZipArchive.looksLikeZip(bytes)) {
            throw new BadInputException(file, "is not an InfoPrune session (not a zip archive)");
        }
        Map<String, byte[]> entries;
        try {
            entries = ZipArchive.entries(bytes, file.toString(), MAX_BYTES);
        } catch (ZipArchive.Damaged e) {
            throw new BadInputException(file, "is not a complete session file (" + e.detail() + ")", e);
        }
        byte[] json = entries.get(SESSION_JSON);
        if (json == null) {
            throw new BadInputException(file, "is not an InfoPrune session (no " + SESSION_JSON + " inside)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new BadInputException(file, SESSION_JSON + " is " + (e instanceof JsonProcessingException j
                    ? JsonLimits.describe(j) : "unreadable: " + e.getMessage()), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new BadInputException(file, "is not an InfoPrune session (\"format\" is not \"" + FORMAT + "\")");
        }
        if (!root.path("version").isIntegralNumber() || !root.path("version").canConvertToInt()
                || root.path("version").asInt() != VERSION) {
            throw new BadInputException(file, "has session version " + root.path("version").asText() + "; this InfoPrune reads version " + VERSION);
        }
        try {
            return fromJson(root, entries, file);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new BadInputException(file, "has a damaged " + SESSION_JSON + ": " + e.getMessage(), e);
        }
    }

    static ObjectNode toJson(Session s) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("savedAt", s.savedAt());
        ObjectNode model = root.putObject("model");
        model.put("kind", s.model().kind().name().toLowerCase(java.util.Locale.ROOT));
        model.put("spec", s.model().spec());
        if (s.data() != null) {
            root.set("data", JSON.valueToTree(s.data()));
        }
        root.set("estimator", JSON.valueToTree(s.estimator()));
        root.put("shownScore", s.shownScore());
        root.set("scores", JSON.valueToTree(s.scores()));
        if (s.mipp() != null) {
            ObjectNode m = root.putObject("mipp");
            m.set("settings", JSON.valueToTree(s.mipp().settings()));
            if (s.mipp().estimator() != null) {
                m.set("estimator", JSON.valueToTree(s.mipp().estimator()));
            }
            m.put("position", s.mipp().position());
            m.set("trace", JSON.valueToTree(s.mipp().trace()));
        }
        ArrayNode comparisons = root.putArray("comparisons");
        s.comparisons().forEach(c -> comparisons.add(c.document()));
        return root;
    }

    private static Session fromJson(JsonNode root, Map<String, byte[]> entries, Path file) throws JsonProcessingException {
        JsonNode m = required(root, "model");
        ModelSource.Kind kind = ModelSource.Kind.valueOf(m.path("kind").asText().toUpperCase(java.util.Locale.ROOT));
        ModelSource source = new ModelSource(kind, m.path("spec").asText());
        Network embedded = null;
        if (kind == ModelSource.Kind.EMBEDDED) {
            byte[] modelJson = entries.get(MODEL_JSON);
            byte[] weights = entries.get(WEIGHTS_NPZ);
            if (modelJson == null || weights == null) {
                throw new BadInputException(file, "holds an embedded model without " + MODEL_JSON + " and " + WEIGHTS_NPZ);
            }
            embedded = ModelFolder.read(new ByteArrayInputStream(modelJson), file + "!" + MODEL_JSON,
                    new ByteArrayInputStream(weights), file + "!" + WEIGHTS_NPZ);
        }
        DataChoice data = root.hasNonNull("data") ? JSON.treeToValue(root.get("data"), DataChoice.class) : null;
        EstimatorChoice estimator = root.hasNonNull("estimator") ? JSON.treeToValue(root.get("estimator"), EstimatorChoice.class) : null;
        List<NodeScores> scores = new ArrayList<>();
        for (JsonNode s : root.path("scores")) {
            scores.add(JSON.treeToValue(s, NodeScores.class));
        }
        MippState mipp = null;
        if (root.hasNonNull("mipp")) {
            JsonNode mj = root.get("mipp");
            MippSettings settings = JSON.treeToValue(required(mj, "settings"), MippSettings.class);
            EstimatorChoice mippEstimator = mj.hasNonNull("estimator") ? JSON.treeToValue(mj.get("estimator"), EstimatorChoice.class) : null;
            MippTrace trace = JSON.treeToValue(required(mj, "trace"), MippTrace.class);
            JsonNode position = mj.path("position");
            if (!position.isMissingNode() && (!position.isIntegralNumber() || !position.canConvertToInt() || position.asInt() < 0)) {
                throw new IllegalArgumentException("\"mipp.position\" must be a whole number >= 0, got " + position);
            }
            mipp = new MippState(settings, mippEstimator, trace, position.asInt());
        }
        List<SessionComparison> comparisons = new ArrayList<>();
        for (JsonNode c : root.path("comparisons")) {
            comparisons.add(SessionComparison.read(c, file + ": comparison " + (comparisons.size() + 1)));
        }
        String shown = root.hasNonNull("shownScore") ? root.get("shownScore").asText() : null;
        return new Session(source, embedded, data, estimator, scores, shown, mipp, comparisons, root.path("savedAt").asLong());
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return v;
    }

    /**
     * The time a session file says it was saved, or -1 when it is not a readable session; reads only
     * {@code session.json} (cheap enough for start-up: an embedded network is not decoded).
     */
    public static long savedAt(Path file) {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(SESSION_JSON)) {
                    JsonNode root = JSON.readTree(zip.readAllBytes());
                    return root != null && FORMAT.equals(root.path("format").asText()) && root.path("savedAt").isNumber()
                            ? root.get("savedAt").asLong() : -1;
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Keeps NpzWeights from closing the zip it writes into. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

}
