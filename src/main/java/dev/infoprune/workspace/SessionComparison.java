package dev.infoprune.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.core.BadInputException;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.ExperimentResultJson;

/**
 * A comparison a session keeps: the study engine's result, or, for a document that does not read as one, the
 * document as it was and why it does not read. A damaged comparison does not keep the rest of a session from
 * opening, and saving the session again keeps its document unchanged.
 *
 * @param result     the comparison (null when the document did not read)
 * @param unreadable the document that did not read (null when {@code result} is there)
 * @param problem    why it did not read (null when {@code result} is there)
 */
public record SessionComparison(ExperimentResult result, JsonNode unreadable, BadInputException problem) {
    public SessionComparison {
        if ((result == null) == (unreadable == null || problem == null)) {
            throw new IllegalArgumentException("a comparison is a result, or a document that did not read and why");
        }
        unreadable = unreadable == null ? null : unreadable.deepCopy();
    }

    public static SessionComparison of(ExperimentResult result) {
        return new SessionComparison(result, null, null);
    }

    /** Reads a {@code results.json} document ({@link ExperimentResultJson}); {@code source} names it in the problem. */
    public static SessionComparison read(JsonNode document, String source) {
        try {
            return of(ExperimentResultJson.read(document, source));
        } catch (BadInputException e) {
            return new SessionComparison(null, document, e);
        } catch (IllegalArgumentException e) {
            // values the result itself refuses (read field by field, each was well-formed)
            return new SessionComparison(null, document, new BadInputException(source, e.getMessage(), e));
        }
    }

    /** The {@code results.json} document a session file holds for it. */
    public JsonNode document() {
        return result != null ? ExperimentResultJson.write(result) : unreadable.deepCopy();
    }
}
