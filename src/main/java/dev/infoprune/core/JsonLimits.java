package dev.infoprune.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON read from files the user gives (model.json, session files) goes through mappers with tight limits, so
 * that a hostile file is a message rather than a crash: nesting at most {@link #MAX_DEPTH} levels (a model or a
 * session needs fewer than 20), numbers of at most 100 characters.
 */
public final class JsonLimits {
    public static final int MAX_DEPTH = 200;

    private JsonLimits() {
    }

    /** A mapper whose parsers refuse documents nested deeper than {@link #MAX_DEPTH}. */
    public static ObjectMapper mapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(100).build())
                .build();
        return new ObjectMapper(factory);
    }

    /** "not valid JSON (line N: what)" for a parse failure, whether or not the parser knew where it was. */
    public static String describe(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        return "not valid JSON (" + (where == null ? "" : "line " + where.getLineNr() + ": ") + firstLine(what) + ")";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
