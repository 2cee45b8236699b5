package dev.infoprune.data;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.Network;

import java.util.Arrays;
import java.util.List;

/**
 * Checks that a data set can be fed to a model and adapts it where only the form differs: inputs of the
 * model's input size take the model's input shape (e.g. digits' [64] for a CNN on [1, 8, 8]), and labels whose
 * class names all appear among the model's classes are renumbered to the model's order.
 */
public final class DatasetFit {
    private DatasetFit() {
    }

    /** The data set in the form the model takes, or a {@link BadInputException} naming both and the mismatch. */
    public static Dataset fit(Dataset data, Network model) {
        Dataset shaped = data;
        if (!Arrays.equals(data.inputShape(), model.inputShape())) {
            if (data.inputSize() != model.inputSize()) {
                throw new BadInputException(data.name(), "the data set has inputs of shape "
                        + Arrays.toString(data.inputShape()) + " but model " + model.name() + " expects "
                        + Arrays.toString(model.inputShape()));
            }
            shaped = data.withInputShape(model.inputShape());
        }
        int outputs = model.outputSize();
        List<String> modelClasses = model.classes();
        if (!modelClasses.isEmpty() && !modelClasses.equals(data.classes())
                && modelClasses.containsAll(data.classes()) && !isPrefix(data.classes(), modelClasses)) {
            int[] map = data.classes().stream().mapToInt(modelClasses::indexOf).toArray();
            int[] labels = Arrays.stream(shaped.labels()).map(l -> map[l]).toArray();
            return new Dataset(data.name(), shaped.inputShape(), shaped.features(), labels, modelClasses);
        }
        if (data.classCount() > outputs) {
            throw new BadInputException(data.name(), "the data set has " + data.classCount() + " classes but model "
                    + model.name() + " has " + outputs + " outputs");
        }
        return shaped;
    }

    private static boolean isPrefix(List<String> a, List<String> b) {
        return a.size() <= b.size() && b.subList(0, a.size()).equals(a);
    }
}
