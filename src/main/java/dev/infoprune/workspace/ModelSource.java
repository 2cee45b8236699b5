package dev.infoprune.workspace;

import dev.infoprune.model.ModelLocator;
import dev.infoprune.model.Network;

/**
 * Where the open model came from: a path (model folder or {@code .onnx} file), a bundled sample name, or
 * nowhere on disk (a pruned or fine-tuned network, which a session embeds).
 */
public record ModelSource(Kind kind, String spec) {
    public enum Kind { PATH, SAMPLE, EMBEDDED }

    public ModelSource {
        if (kind != Kind.EMBEDDED && (spec == null || spec.isBlank())) {
            throw new IllegalArgumentException("a " + kind + " model source needs a path or name");
        }
        spec = spec == null ? "" : spec;
    }

    /** What the user typed: a sample name when it is one and no such path exists, else a path. */
    public static ModelSource of(String spec) {
        boolean exists;
        try {
            exists = java.nio.file.Files.exists(java.nio.file.Path.of(spec));
        } catch (java.nio.file.InvalidPathException e) {
            exists = false;
        }
        if (!exists && dev.infoprune.model.SampleModels.isSample(spec)) {
            return new ModelSource(Kind.SAMPLE, spec);
        }
        return new ModelSource(Kind.PATH, exists ? java.nio.file.Path.of(spec).toAbsolutePath().normalize().toString() : spec);
    }

    /** A network that lives only in the session (describe it with a short note, e.g. "pruned by mipp"). */
    public static ModelSource embedded(String note) {
        return new ModelSource(Kind.EMBEDDED, note);
    }

    /** Reads the network (not for embedded sources). */
    public Network read() {
        if (kind == Kind.EMBEDDED) {
            throw new IllegalStateException("an embedded model is not read from a source");
        }
        return ModelLocator.resolve(spec);
    }

    /** For the header: a path, "sample NAME" or "not saved (NOTE)". */
    public String describe() {
        return switch (kind) {
            case PATH -> spec;
            case SAMPLE -> "sample " + spec;
            case EMBEDDED -> spec.isEmpty() ? "in this session only" : spec + " · in this session only";
        };
    }
}
