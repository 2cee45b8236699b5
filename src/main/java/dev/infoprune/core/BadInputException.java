package dev.infoprune.core;

import java.nio.file.Path;

/**
 * Input the user gave us is unusable. The message always names the source (a file, a data set name,
 * an argument) and the problem, in one line, so the CLI can print it as is and the UI can show it in a dialog.
 */
public class BadInputException extends RuntimeException {
    private final String source;
    private final String problem;

    public BadInputException(String source, String problem) {
        this(source, problem, null);
    }

    public BadInputException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    public BadInputException(Path file, String problem) {
        this(file.toString(), problem, null);
    }

    public BadInputException(Path file, String problem, Throwable cause) {
        this(file.toString(), problem, cause);
    }

    public String source() {
        return source;
    }

    public String problem() {
        return problem;
    }
}
