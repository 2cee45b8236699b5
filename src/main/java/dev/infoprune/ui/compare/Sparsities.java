package dev.infoprune.ui.compare;

import dev.infoprune.core.BadInputException;

import java.util.Arrays;

/** Reads the sparsities of a sweep as typed: numbers in [0, 1) separated by commas or spaces. */
final class Sparsities {
    static final String SOURCE = "sweep sparsities";

    private Sparsities() {
    }

    static double[] parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("[,;\\s]+");
        double[] out = Arrays.stream(parts).filter(p -> !p.isEmpty()).mapToDouble(Sparsities::number).distinct().sorted().toArray();
        if (out.length == 0) {
            throw new BadInputException(SOURCE, "give at least one sparsity, e.g. 0.5, 0.8, 0.9");
        }
        return out;
    }

    private static double number(String p) {
        double v;
        try {
            v = Double.parseDouble(p);
        } catch (NumberFormatException e) {
            throw new BadInputException(SOURCE, "\"" + p + "\" is not a number");
        }
        if (!(v >= 0 && v < 1)) {
            throw new BadInputException(SOURCE, p + " is not a share of hidden units in [0, 1)");
        }
        return v;
    }
}
