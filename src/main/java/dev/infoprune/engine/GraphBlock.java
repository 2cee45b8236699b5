package dev.infoprune.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/**
 * Evaluates a graph network's layer blocks in their (topological) order; each block reads the outputs of the
 * layers its network layer names, or the block's input (source -1). The last block's output is the result.
 */
final class GraphBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final List<Block> layers;
    private final int[][] sources;

    GraphBlock(List<Block> layers, int[][] sources) {
        super(VERSION);
        this.layers = List.copyOf(layers);
        this.sources = sources;
        for (int i = 0; i < this.layers.size(); i++) {
            addChildBlock("layer" + i, this.layers.get(i));
        }
    }

    /** Receives each block's output. */
    interface Outputs {
        void accept(int index, NDArray output);
    }

    /** Runs blocks {@code 0..last}, handing each output to {@code sink}; returns the last one's. */
    static NDArray run(List<Block> layers, int[][] sources, ParameterStore store, NDArray input, int last,
                       boolean training, Outputs sink) {
        NDArray[] outputs = new NDArray[last + 1];
        for (int i = 0; i <= last; i++) {
            NDList in = new NDList(sources[i].length);
            for (int source : sources[i]) {
                in.add(source < 0 ? input : outputs[source]);
            }
            outputs[i] = layers.get(i).forward(store, in, training).singletonOrThrow();
            sink.accept(i, outputs[i]);
        }
        return outputs[last];
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(run(layers, sources, store, inputs.singletonOrThrow(), layers.size() - 1, training, (i, o) -> {
        }));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = outputShapes(inputShapes[0]);
        return new Shape[] {shapes[shapes.length - 1]};
    }

    private Shape[] outputShapes(Shape input) {
        Shape[] out = new Shape[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            out[i] = layers.get(i).getOutputShapes(inputShapes(i, input, out))[0];
        }
        return out;
    }

    private Shape[] inputShapes(int layer, Shape input, Shape[] outputs) {
        Shape[] in = new Shape[sources[layer].length];
        for (int j = 0; j < in.length; j++) {
            in[j] = sources[layer][j] < 0 ? input : outputs[sources[layer][j]];
        }
        return in;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] out = new Shape[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            Shape[] in = inputShapes(i, inputShapes[0], out);
            layers.get(i).initialize(manager, dataType, in);
            out[i] = layers.get(i).getOutputShapes(in)[0];
        }
    }
}
