package dev.infoprune.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which layers each layer of a network reads, checked: every input is the network's input or an earlier layer
 * (so there is no cycle), and every layer but the last is read. A list naming just the previous layer is stored
 * as the empty list, so that a chain written as a graph is a chain.
 */
record GraphWiring(List<List<String>> inputs, int[][] sources) {

    /** Why a layer cannot read {@code input}: a later layer (a cycle or wrong order) or no layer at all. */
    static String unknownInput(String layer, String input, boolean later) {
        return "layer " + layer + " reads " + input + ", " + (later
                ? "which comes after it (list layers inputs first; a graph may not have cycles)"
                : "which is neither \"" + Network.INPUT + "\" nor the name of a layer");
    }

    static GraphWiring of(String network, List<Layer> layers, List<List<String>> given) {
        if (given != null && given.size() != layers.size()) {
            throw new IllegalArgumentException("network " + network + " has " + layers.size() + " layers but "
                    + given.size() + " input lists");
        }
        Map<String, Integer> earlier = new HashMap<>();
        List<List<String>> inputs = new ArrayList<>();
        int[][] sources = new int[layers.size()][];
        boolean[] read = new boolean[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            String previous = i == 0 ? Network.INPUT : layers.get(i - 1).name();
            List<String> names = given == null || given.get(i) == null || given.get(i).isEmpty()
                    ? List.of(previous) : List.copyOf(given.get(i));
            sources[i] = new int[names.size()];
            for (int j = 0; j < names.size(); j++) {
                String in = names.get(j);
                if (in.equals(Network.INPUT)) {
                    sources[i][j] = -1;
                } else if (earlier.containsKey(in)) {
                    sources[i][j] = earlier.get(in);
                    read[sources[i][j]] = true;
                } else {
                    boolean later = layers.stream().anyMatch(l -> in.equals(l.name()));
                    throw new IllegalArgumentException(unknownInput(layer.name(), in, later));
                }
            }
            boolean join = layer.arity() < 0;
            if (!join && names.size() != 1) {
                throw new IllegalArgumentException(layer.type() + " layer " + layer.name() + " reads one input, not "
                        + names.size() + " " + names);
            }
            if (join && names.size() < 2) {
                throw new IllegalArgumentException(layer.type() + " " + layer.name() + " needs at least two inputs, got "
                        + names);
            }
            inputs.add(names.equals(List.of(previous)) ? List.of() : names);
            if (layer.name() != null) {
                earlier.put(layer.name(), i);
            }
        }
        boolean graph = inputs.stream().anyMatch(l -> !l.isEmpty());
        for (int i = 0; graph && i < layers.size(); i++) {
            if (Network.INPUT.equals(layers.get(i).name())) {
                throw new IllegalArgumentException("a graph network's layer may not be named \"" + Network.INPUT
                        + "\" (the name of the network's input)");
            }
            if (i < layers.size() - 1 && !read[i]) {
                throw new IllegalArgumentException("layer " + layers.get(i).name() + " is read by no layer (the last "
                        + "layer is the only output)");
            }
        }
        return new GraphWiring(List.copyOf(inputs), sources);
    }
}
