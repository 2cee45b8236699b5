package dev.infoprune.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An immutable network: an input shape, layers, class names, the input normalisation it was trained with, and
 * its model card. A chain's every layer reads the previous one; a graph's layers may name their inputs (earlier
 * layers or {@link #INPUT}), so that residual adds and concats join branches. Layers are listed inputs first and
 * the last layer is the output. Output-layer units are the last dense (or conv) layer's units and are never
 * prunable.
 */
public final class Network {
    /** The most values one input may have (a 3 x 2048 x 2048 image has 12.6 million). */
    public static final int MAX_INPUT_SIZE = 1 << 24;
    /** The name a graph layer uses to read the network's input. */
    public static final String INPUT = "input";

    private final String name;
    private final int[] inputShape;
    private final List<String> classes;
    private final List<Layer> layers;
    private final Normalization normalization;
    private final ModelCard card;
    private final List<int[]> shapes;
    private final List<List<String>> inputs;
    private final int[][] sources;

    public Network(String name, int[] inputShape, List<String> classes, List<Layer> layers,
                   Normalization normalization, ModelCard card) {
        this(name, inputShape, classes, layers, null, normalization, card);
    }

    /**
     * A graph network: {@code inputs} holds, per layer, the names it reads (an empty list, or a null {@code inputs},
     * means the previous layer, or the network's input for the first layer).
     */
    public Network(String name, int[] inputShape, List<String> classes, List<Layer> layers, List<List<String>> inputs,
                   Normalization normalization, ModelCard card) {
        this.name = name;
        this.inputShape = inputShape.clone();
        this.classes = List.copyOf(classes);
        this.layers = List.copyOf(layers);
        this.normalization = normalization == null ? Normalization.IDENTITY : normalization;
        this.card = card == null ? ModelCard.EMPTY : card;
        long inputValues = 1;
        for (int d : inputShape) {
            if (d < 1) {
                throw new IllegalArgumentException("network " + name + ": input shape " + Arrays.toString(inputShape)
                        + " has an entry below 1");
            }
            inputValues *= d;
            if (inputValues > MAX_INPUT_SIZE) {
                throw new IllegalArgumentException("network " + name + ": input shape " + Arrays.toString(inputShape)
                        + " has more than " + MAX_INPUT_SIZE + " values");
            }
        }
        int normalized = this.normalization.mean().length;
        if (normalized != 1 && normalized != inputValues) {
            throw new IllegalArgumentException("network " + name + ": the normalisation has " + normalized
                    + " values but inputs have " + inputValues + " (it needs 1, or one per input value)");
        }
        requireUniqueNames(this.layers);
        GraphWiring wiring = GraphWiring.of(name, this.layers, inputs);
        this.inputs = wiring.inputs();
        this.sources = wiring.sources();
        this.shapes = computeShapes();
        validate();
    }

    private List<int[]> computeShapes() {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            List<int[]> in = new ArrayList<>();
            for (int source : sources[i]) {
                in.add(source < 0 ? inputShape : out.get(source));
            }
            out.add(layers.get(i).outputShape(in));
        }
        return List.copyOf(out);
    }

    private static void requireUniqueNames(List<Layer> layers) {
        Set<String> names = new HashSet<>();
        for (Layer l : layers) {
            if (l.name() == null || l.name().isBlank()) {
                throw new IllegalArgumentException("every layer needs a name");
            }
            if (!names.add(l.name())) {
                throw new IllegalArgumentException("two layers are named " + l.name());
            }
        }
    }

    private void validate() {
        if (outputLayerIndex() < 0) {
            throw new IllegalArgumentException("network " + name + " has no dense or conv layer");
        }
        int[] out = outputShape();
        if (!classes.isEmpty() && Tensor.sizeOf(out) != classes.size()) {
            throw new IllegalArgumentException("network " + name + " has " + Tensor.sizeOf(out) + " outputs but "
                    + classes.size() + " class names");
        }
    }

    public String name() {
        return name;
    }

    public int[] inputShape() {
        return inputShape.clone();
    }

    public int inputSize() {
        return (int) Tensor.sizeOf(inputShape);
    }

    public List<String> classes() {
        return classes;
    }

    public List<Layer> layers() {
        return layers;
    }

    public Layer layer(int index) {
        return layers.get(index);
    }

    public int indexOf(String layerName) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(layerName)) {
                return i;
            }
        }
        return -1;
    }

    public Normalization normalization() {
        return normalization;
    }

    public ModelCard card() {
        return card;
    }

    /** True when some layer reads other than the previous layer (a residual or concatenating network). */
    public boolean isGraph() {
        return inputs.stream().anyMatch(l -> !l.isEmpty());
    }

    /** Per layer, the names it reads; an empty list means the previous layer (a chain's only kind of input). */
    public List<List<String>> inputs() {
        return inputs;
    }

    /** The indices of the layers a layer reads, in order; -1 stands for the network's input. */
    public int[] sourcesOf(int layerIndex) {
        return sources[layerIndex].clone();
    }

    /** The shape each layer's (first) input has; past the last layer ({@code layerIndex} = layer count), the output's. */
    public int[] inputShapeOf(int layerIndex) {
        if (layerIndex == layers.size()) {
            return outputShape();
        }
        int source = sources[layerIndex][0];
        return source < 0 ? inputShape.clone() : shapes.get(source).clone();
    }

    /** The shape each layer's output has. */
    public int[] outputShapeOf(int layerIndex) {
        return shapes.get(layerIndex).clone();
    }

    public int[] outputShape() {
        return shapes.isEmpty() ? inputShape.clone() : shapes.get(shapes.size() - 1).clone();
    }

    public int outputSize() {
        return (int) Tensor.sizeOf(outputShape());
    }

    /** Index of the last dense or conv layer: the output layer, whose units are never pruned. */
    public int outputLayerIndex() {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).isPrunable()) {
                return i;
            }
        }
        return -1;
    }

    /** Indices of the hidden dense and conv layers, input side first: the layers pruning may shrink. */
    public int[] prunableLayerIndices() {
        int last = outputLayerIndex();
        return java.util.stream.IntStream.range(0, last).filter(i -> layers.get(i).isPrunable()).toArray();
    }

    /** Names of the prunable layers, input side first. */
    public List<String> prunableLayerNames() {
        return Arrays.stream(prunableLayerIndices()).mapToObj(i -> layers.get(i).name()).toList();
    }

    /** Widths of every dense/conv layer including the output layer, input side first (what the drawing shows). */
    public int[] unitLayerWidths() {
        return layers.stream().filter(Layer::isPrunable).mapToInt(Layer::units).toArray();
    }

    public int hiddenUnitCount() {
        return Arrays.stream(prunableLayerIndices()).map(i -> layers.get(i).units()).sum();
    }

    public long parameterCount() {
        return layers.stream().mapToLong(Layer::parameterCount).sum();
    }

    /** Multiply-accumulate operations per sample (dense and conv layers only). */
    public long macs() {
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            total += layers.get(i).macs(inputShapeOf(i));
        }
        return total;
    }

    /** The same wiring with new layers; a graph's layers must keep their number and names. */
    public Network withLayers(List<Layer> newLayers) {
        return new Network(name, inputShape, classes, newLayers, isGraph() ? inputs : null, normalization, card);
    }

    public Network withName(String newName) {
        return new Network(newName, inputShape, classes, layers, inputs, normalization, card);
    }

    public Network withCard(ModelCard newCard) {
        return new Network(name, inputShape, classes, layers, inputs, normalization, newCard);
    }

    public Network withNormalization(Normalization newNormalization) {
        return new Network(name, inputShape, classes, layers, inputs, newNormalization, card);
    }

    /** True when both networks have the same structure and bit-identical weights. */
    public boolean sameWeightsAs(Network other) {
        if (other.layers.size() != layers.size() || !Arrays.equals(other.inputShape, inputShape)
                || !other.inputs.equals(inputs)) {
            return false;
        }
        for (int i = 0; i < layers.size(); i++) {
            if (!layers.get(i).equals(other.layers.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Network[" + name + ", " + Arrays.toString(inputShape) + " -> " + Arrays.toString(unitLayerWidths()) + "]";
    }
}
