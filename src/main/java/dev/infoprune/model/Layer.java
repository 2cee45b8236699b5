package dev.infoprune.model;

import java.util.Map;

/**
 * One layer of a network (a chain, or a graph whose joins read several inputs). Layers are immutable values; shapes exclude the batch axis
 * ({@code [features]} for vectors, {@code [channels, height, width]} for images).
 */
public sealed interface Layer permits Dense, Conv2d, BatchNorm, Activation, Pool, GlobalAvgPool, Flatten, Dropout, Join,
        ChannelShuffle, ChannelSlice {
    String name();

    /** The model.json "type" of this layer. */
    String type();

    int[] outputShape(int[] inputShape);

    /** How many inputs the layer reads: 1, or -1 for joins (add, concat) that read two or more. */
    default int arity() {
        return 1;
    }

    /** The output shape for the shapes of all inputs (a graph network's joins read several). */
    default int[] outputShape(java.util.List<int[]> inputShapes) {
        if (inputShapes.size() != 1) {
            throw new IllegalArgumentException(type() + " layer " + name() + " reads one input, not " + inputShapes.size());
        }
        return outputShape(inputShapes.get(0));
    }

    /** Named weights, keyed by suffix ("weight", "bias", "running_mean", ...), in PyTorch layouts. */
    default Map<String, Tensor> weights() {
        return Map.of();
    }

    /** Trainable parameters (BatchNorm's running statistics are not counted). */
    default long parameterCount() {
        return 0;
    }

    /** Multiply-accumulate operations for one sample; only dense and conv layers count. */
    default long macs(int[] inputShape) {
        return 0;
    }

    /** True for layers whose output units can be pruned (dense nodes, conv filters). */
    default boolean isPrunable() {
        return false;
    }

    /** The number of units (nodes, filters) of a prunable layer; -1 otherwise. */
    default int units() {
        return -1;
    }

    /** This layer with new weights of the same meaning, e.g. after surgery or training. */
    default Layer withWeights(Map<String, Tensor> newWeights) {
        return this;
    }
}
