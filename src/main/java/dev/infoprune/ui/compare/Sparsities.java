package dev.infoprune.ui.compare;

import dev.infoprune.core.BadInputException;

import java.util.Arrays;

/**
 * Reads the number lists typed in the compare view, separated by commas or spaces: the sparsities of a sweep
 * (in [0, 1)) and MIPP's confidences x (numbers; MIPP's own setting checks their range).
 */
final class Sparsities {
    static final String SOURCE = "sweep sparsities";
    static final String CONFIDENCES = "MIPP confidences";

    private Sparsities() {
    }

    static double[] parse(String text) {
        double[] out = numbers(text, SOURCE, true);
        if (out.length == 0) {
            throw new BadInputException(SOURCE, "give at least one sparsity, e.g. 0.5, 0.8, 0.9");
        }
        return out;
    }

    /** MIPP's confidences, ascending and distinct; empty for blank text. */
    static double[] confidences(String text) {
        return numbers(text, CONFIDENCES, false);
    }

    private static double[] numbers(String text, String source, boolean shares) {
        String[] parts = text == null ? new String[0] : text.trim().split("[,;\\s]+");
        return Arrays.stream(parts).filter(p -> !p.isEmpty()).mapToDouble(p -> number(p, source, shares)).distinct().sorted()
                .toArray();
    }

    private static double number(String p, String source, boolean share) {
        double v;
        try {
            v = Double.parseDouble(p);
        } catch (NumberFormatException e) {
            throw new BadInputException(source, "\"" + p + "\" is not a number");
        }
        if (share && !(v >= 0 && v < 1)) {
            throw new BadInputException(source, p + " is not a share of hidden units in [0, 1)");
        }
        return v;
    }
}
