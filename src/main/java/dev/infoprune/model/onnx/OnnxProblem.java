package dev.infoprune.model.onnx;

/** What is wrong with an ONNX graph; {@link OnnxImport} turns it into a {@code BadInputException} naming the file. */
final class OnnxProblem extends RuntimeException {
    OnnxProblem(String message) {
        super(message);
    }

    OnnxProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
