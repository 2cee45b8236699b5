package dev.infoprune.model;

import java.util.Arrays;
import java.util.List;

/** A layer of a graph network that reads two or more inputs and has no weights. */
public sealed interface Join extends Layer permits Add, Concat, Multiply {
    @Override
    default int arity() {
        return -1;
    }

    /** The output for two inputs of shape {@code s}. */
    @Override
    default int[] outputShape(int[] s) {
        return outputShape(List.of(s, s));
    }

    @Override
    default int[] outputShape(List<int[]> inputs) {
        if (inputs.size() < 2) {
            throw new IllegalArgumentException(type() + " " + name() + " needs at least two inputs, got " + inputs.size());
        }
        return joinedShape(inputs);
    }

    /** The output shape for two or more inputs, or an exception naming the mismatch. */
    int[] joinedShape(List<int[]> inputs);

    default IllegalArgumentException mismatch(String needs, List<int[]> inputs) {
        return new IllegalArgumentException(type() + " " + name() + " " + needs + ", got "
                + inputs.stream().map(Arrays::toString).toList());
    }
}
