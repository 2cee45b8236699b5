package dev.infoprune.engine;

import dev.infoprune.core.BadInputException;
import dev.infoprune.data.Dataset;
import dev.infoprune.model.Network;

import java.util.Arrays;

/** Refuses data a network cannot take, with a message that names both. */
final class InputCheck {
    private InputCheck() {
    }

    /**
     * The data set's inputs must hold as many values as the network's input (a flat CSV row of 784 values feeds
     * a [1, 28, 28] network), and every label must have an output.
     */
    static void requireCompatible(Network network, Dataset data) {
        if (data.inputSize() != network.inputSize()) {
            throw new BadInputException(data.name(), "inputs have shape " + Arrays.toString(data.inputShape())
                    + " (" + data.inputSize() + " values) but model " + network.name() + " expects "
                    + Arrays.toString(network.inputShape()) + " (" + network.inputSize() + " values)");
        }
        if (data.classCount() > network.outputSize()) {
            throw new BadInputException(data.name(), "has " + data.classCount() + " classes but model "
                    + network.name() + " has " + network.outputSize() + " outputs");
        }
    }

    static void requireRawRows(Network network, float[] rows, int count, String source) {
        if ((long) count * network.inputSize() != rows.length) {
            throw new BadInputException(source, "rows must hold " + network.inputSize() + " values each (model "
                    + network.name() + " takes inputs of shape " + Arrays.toString(network.inputShape()) + ")");
        }
    }
}
