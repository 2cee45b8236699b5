package dev.infoprune.prune.mipp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.infoprune.core.AtomicFiles;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.JsonLimits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code trace.json}: a {@link MippTrace} as JSON, written atomically. */
public final class TraceFiles {
    public static final String FILE_NAME = "trace.json";
    private static final ObjectMapper JSON = JsonLimits.mapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private TraceFiles() {
    }

    public static String toJson(MippTrace trace) {
        try {
            return JSON.writeValueAsString(trace);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(MippTrace trace, Path file) throws IOException {
        AtomicFiles.writeString(file, toJson(trace));
    }

    public static MippTrace read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file, "no such trace file");
        }
        MippTrace trace;
        try {
            trace = JSON.readValue(file.toFile(), MippTrace.class);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file, "not a readable MIPP trace: " + JsonLimits.describe(e), e);
        } catch (IOException e) {
            throw new BadInputException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (!MippTrace.FORMAT.equals(trace.format())) {
            throw new BadInputException(file, "not a MIPP trace (\"format\" is not \"" + MippTrace.FORMAT + "\")");
        }
        if (trace.version() != 1) {
            throw new BadInputException(file, "unsupported trace version " + trace.version());
        }
        for (int i = 0; i < trace.steps().size(); i++) {
            if (trace.steps().get(i).index() != i) {
                throw new BadInputException(file, "step " + i + " has index " + trace.steps().get(i).index());
            }
        }
        return trace;
    }
}
