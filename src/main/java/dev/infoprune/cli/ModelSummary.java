package dev.infoprune.cli;

import dev.infoprune.model.Network;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Short phrases describing a network, shared by the model commands. */
final class ModelSummary {
    private ModelSummary() {
    }

    /** Widths of the input and of every dense/conv layer, e.g. "64-128-64-10" or "[1, 28, 28]-6-16-120-84-10". */
    static String widths(Network n) {
        int[] in = n.inputShape();
        String input = in.length == 1 ? Integer.toString(in[0]) : Arrays.toString(in);
        return input + "-" + Arrays.stream(n.unitLayerWidths()).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }

    static String accuracy(Double a) {
        return a == null ? "-" : String.format(java.util.Locale.ROOT, "%.4f", a);
    }

    static String count(long v) {
        return String.format(java.util.Locale.ROOT, "%,d", v);
    }
}
