package dev.infoprune.fuzz;

import dev.infoprune.core.BadInputException;
import dev.infoprune.data.CsvReader;
import dev.infoprune.data.IdxReader;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.NpzWeights;
import dev.infoprune.model.onnx.OnnxImport;
import dev.infoprune.workspace.SessionFiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The readers as fuzz targets: each takes arbitrary bytes and must either read them or refuse them with a
 * {@link BadInputException}; any other exception or error (a crash, an overflow, memory exhaustion) is a finding.
 */
final class ReaderTargets {
    /** A valid weights file for the model.json target (the fuzzed part is the JSON). */
    private static final byte[] MODEL_WEIGHTS = Seeds.read("modelJson", "weights.npz");

    static final Map<String, Consumer<byte[]>> ALL = Map.of(
            "npz", ReaderTargets::npz,
            "modelJson", ReaderTargets::modelJson,
            "idx", ReaderTargets::idx,
            "csv", ReaderTargets::csv,
            "onnx", ReaderTargets::onnx,
            "session", ReaderTargets::session);

    private ReaderTargets() {
    }

    static void npz(byte[] data) {
        refusedOrRead(() -> NpzWeights.read(data, "fuzz.npz"));
    }

    static void modelJson(byte[] data) {
        refusedOrRead(() -> ModelFolder.read(new ByteArrayInputStream(data), "model.json",
                new ByteArrayInputStream(MODEL_WEIGHTS), "weights.npz"));
    }

    static void idx(byte[] data) {
        refusedOrRead(() -> IdxReader.readImages(new ByteArrayInputStream(data), "fuzz-images"));
        refusedOrRead(() -> IdxReader.readLabels(new ByteArrayInputStream(data), "fuzz-labels"));
    }

    static void csv(byte[] data) {
        refusedOrRead(() -> CsvReader.read(new ByteArrayInputStream(data), "fuzz.csv", "fuzz", CsvReader.Options.DEFAULT));
        refusedOrRead(() -> CsvReader.readRows(new ByteArrayInputStream(data), "fuzz.csv"));
    }

    static void onnx(byte[] data) {
        refusedOrRead(() -> OnnxImport.fromBytes(data, "fuzz.onnx", "fuzz"));
    }

    static void session(byte[] data) {
        Path file = null;
        try {
            file = Files.createTempFile("fuzz", SessionFiles.EXTENSION);
            Files.write(file, data);
            Path f = file;
            refusedOrRead(() -> SessionFiles.read(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    private static void refusedOrRead(Runnable read) {
        try {
            read.run();
        } catch (BadInputException expected) {
            // a clear refusal is a correct answer to a bad file
        }
    }
}
