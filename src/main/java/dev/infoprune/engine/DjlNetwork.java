package dev.infoprune.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Network} loaded into DJL: one block per layer inside a {@link SequentialBlock} (chains) or a
 * {@link GraphBlock} (graphs), holding exactly the
 * network's weights (PyTorch layouts need no conversion: DJL's PyTorch engine uses them as they are). Owns an
 * {@link NDManager}; close it when done.
 */
public final class DjlNetwork implements AutoCloseable {
    private final Network network;
    private final NDManager manager;
    private final Block block;
    private final List<Block> layerBlocks = new ArrayList<>();
    private final int[][] sources;
    private final ParameterStore store;

    private DjlNetwork(Network network, ComputeDevice device) {
        this.network = network;
        this.manager = NDManager.newBaseManager(device.toDjl());
        try {
            for (Layer layer : network.layers()) {
                layerBlocks.add(LayerBlocks.blockFor(layer));
            }
            sources = new int[layerBlocks.size()][];
            for (int i = 0; i < sources.length; i++) {
                sources[i] = network.sourcesOf(i);
            }
            block = network.isGraph() ? new GraphBlock(layerBlocks, sources) : new SequentialBlock().addAll(layerBlocks);
            GradMode.withoutGradients(() -> {
                block.initialize(manager, DataType.FLOAT32, batchShape(1));
                writeWeights();
            });
            store = new ParameterStore(manager, false);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Builds the DJL block for {@code network} and loads its weights on {@link ComputeDevice#current()}. */
    public static DjlNetwork load(Network network) {
        return load(network, ComputeDevice.current());
    }

    /** Builds the DJL block for {@code network} and loads its weights on {@code device}. */
    public static DjlNetwork load(Network network, ComputeDevice device) {
        return new DjlNetwork(network, device);
    }

    /** The network as it was loaded (its weights do not follow training; see {@link #readBack()}). */
    public Network network() {
        return network;
    }

    /** The whole network's block: a {@link SequentialBlock} for chains, a graph-evaluating block for graphs. */
    public Block block() {
        return block;
    }

    /** The block of each layer, in the network's order. */
    List<Block> layerBlocks() {
        return List.copyOf(layerBlocks);
    }

    public NDManager manager() {
        return manager;
    }

    /** The shape of a batch of {@code n} inputs: {@code [n, inputShape...]}. */
    public Shape batchShape(long n) {
        return new Shape(n).addAll(new Shape(Arrays.stream(network.inputShape()).asLongStream().toArray()));
    }

    /** The network's output for a batch; {@code training} switches batch statistics and dropout on. */
    public NDArray forward(NDArray input, boolean training) {
        return block.forward(store, new NDList(input), training).singletonOrThrow();
    }

    /** Receives each layer's output during {@link #forwardLayers}. */
    @FunctionalInterface
    public interface LayerOutputs {
        void accept(int layerIndex, NDArray output);
    }

    /** Inference forward pass through layers {@code 0..lastLayer}, handing every layer's output to {@code sink}. */
    public void forwardLayers(NDArray input, int lastLayer, LayerOutputs sink) {
        GraphBlock.run(layerBlocks, sources, store, input, lastLayer, false, sink::accept);
    }

    /** The trainable parameters (not BatchNorm's running statistics). */
    List<Parameter> trainableParameters() {
        List<Parameter> out = new ArrayList<>();
        for (Block b : layerBlocks) {
            for (Parameter p : b.getDirectParameters().values()) {
                if (p.requiresGradient()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private void writeWeights() {
        for (int i = 0; i < layerBlocks.size(); i++) {
            Layer layer = network.layer(i);
            Map<String, Tensor> weights = layer.weights();
            for (Parameter p : layerBlocks.get(i).getDirectParameters().values()) {
                String suffix = LayerBlocks.suffixOf(p);
                Tensor t = weights.get(suffix);
                NDArray array = p.getArray();
                long[] expected = array.getShape().getShape();
                if (t == null || !Arrays.equals(Arrays.stream(t.shape()).asLongStream().toArray(), expected)) {
                    throw new IllegalStateException("layer " + layer.name() + "." + suffix + " does not fit DJL's "
                            + Arrays.toString(expected));
                }
                array.set(FloatBuffer.wrap(t.data()));
            }
        }
    }

    /**
     * A new Network with the block's current parameters (trained weights and BatchNorm running statistics),
     * the loaded network's structure, classes, normalisation and card.
     */
    public Network readBack() {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < layerBlocks.size(); i++) {
            Layer layer = network.layer(i);
            Map<String, Tensor> current = layer.weights();
            if (current.isEmpty()) {
                layers.add(layer);
                continue;
            }
            Map<String, Tensor> trained = new HashMap<>();
            for (Parameter p : layerBlocks.get(i).getDirectParameters().values()) {
                String suffix = LayerBlocks.suffixOf(p);
                trained.put(suffix, new Tensor(current.get(suffix).shape(), p.getArray().toFloatArray()));
            }
            layers.add(layer.withWeights(trained));
        }
        return network.withLayers(layers);
    }

    @Override
    public void close() {
        manager.close();
    }
}
