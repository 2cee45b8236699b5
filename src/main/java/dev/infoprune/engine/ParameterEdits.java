package dev.infoprune.engine;

import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Networks derived from another by changing stored numbers value by value (shapes and structure unchanged). */
final class ParameterEdits {
    /** What the stored tensor {@code <layer>.<suffix>} becomes. */
    @FunctionalInterface
    interface Edit {
        /** The new tensor for {@code <layer>.<suffix>}, or {@code w} itself to keep it. */
        Tensor apply(String layer, String suffix, Tensor w);
    }

    private ParameterEdits() {
    }

    static Network edited(Network network, Edit edit) {
        List<Layer> layers = new ArrayList<>();
        for (Layer layer : network.layers()) {
            Map<String, Tensor> weights = new LinkedHashMap<>(layer.weights());
            if (weights.isEmpty()) {
                layers.add(layer);
                continue;
            }
            weights.replaceAll((suffix, w) -> edit.apply(layer.name(), suffix, w));
            layers.add(layer.withWeights(weights));
        }
        return network.withLayers(layers);
    }
}
