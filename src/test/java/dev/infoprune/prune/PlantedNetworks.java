package dev.infoprune.prune;

import dev.infoprune.engine.Activations;
import dev.infoprune.model.Activation;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.model.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A two-hidden-layer MLP with planted structure whose right pruning answer is known. Each hidden layer has
 * {@code originals} ordinary units followed by: exact duplicates of originals 0 and 1 (same incoming weights
 * and bias; the outgoing weight is split between the pair, so the function is unchanged), two dead units
 * (zero weights, negative bias: ReLU output always 0), and two units with ordinary incoming weights that the
 * next layer ignores (zero outgoing weights).
 */
public final class PlantedNetworks {
    public static final int IN = 10;
    public static final int ORIGINALS_1 = 8;
    public static final int ORIGINALS_2 = 6;
    public static final int CLASSES = 4;

    private PlantedNetworks() {
    }

    /** Index of the first duplicate (of original 0); the second duplicates original 1. */
    public static int duplicates(int originals) {
        return originals;
    }

    public static int dead(int originals) {
        return originals + 2;
    }

    public static int ignored(int originals) {
        return originals + 4;
    }

    public static int width(int originals) {
        return originals + 6;
    }

    public static Set<Integer> planted(int originals) {
        return Set.of(originals + 2, originals + 3, originals + 4, originals + 5);
    }

    public static Network mlp(long seed) {
        Random r = new Random(seed);
        int w1 = width(ORIGINALS_1);
        int w2 = width(ORIGINALS_2);
        float[][] l1 = plantedLayer(r, IN, ORIGINALS_1);
        float[][] l2 = plantedLayer(r, w1, ORIGINALS_2);
        float[][] l3 = new float[][] {RandomNetworks.random(r, 0.8, CLASSES, w2).copyData(), RandomNetworks.random(r, 0.1, CLASSES).copyData()};
        wireOutgoing(l2[0], w1, ORIGINALS_1);
        wireOutgoing(l3[0], w2, ORIGINALS_2);
        List<Layer> layers = new ArrayList<>();
        layers.add(new Dense("fc1", IN, w1, new Tensor(new int[] {w1, IN}, l1[0]), new Tensor(new int[] {w1}, l1[1])));
        layers.add(new Activation("relu1", Activation.Kind.RELU));
        layers.add(new Dense("fc2", w1, w2, new Tensor(new int[] {w2, w1}, l2[0]), new Tensor(new int[] {w2}, l2[1])));
        layers.add(new Activation("relu2", Activation.Kind.RELU));
        layers.add(new Dense("out", w2, CLASSES, new Tensor(new int[] {CLASSES, w2}, l3[0]), new Tensor(new int[] {CLASSES}, l3[1])));
        return new Network("planted-mlp", new int[] {IN}, RandomNetworks.classes(CLASSES), layers, Normalization.IDENTITY, ModelCard.EMPTY);
    }

    /** Incoming weights [width x in] and biases of a hidden layer with the planted units. */
    private static float[][] plantedLayer(Random r, int in, int originals) {
        int w = width(originals);
        float[] weight = new float[w * in];
        float[] bias = new float[w];
        for (int u = 0; u < w; u++) {
            if (u >= dead(originals) && u < dead(originals) + 2) {
                bias[u] = -1f;
                continue;
            }
            int src = u == duplicates(originals) ? 0 : u == duplicates(originals) + 1 ? 1 : -1;
            if (src >= 0) {
                System.arraycopy(weight, src * in, weight, u * in, in);
                bias[u] = bias[src];
                continue;
            }
            for (int i = 0; i < in; i++) {
                weight[u * in + i] = (float) (r.nextGaussian() / Math.sqrt(in) * 1.5);
            }
            bias[u] = (float) (0.2 + 0.1 * r.nextGaussian());
        }
        return new float[][] {weight, bias};
    }

    /** In the next layer's weight [out x width]: split the originals' columns with their duplicates, zero the rest. */
    private static void wireOutgoing(float[] next, int width, int originals) {
        int rows = next.length / width;
        for (int o = 0; o < rows; o++) {
            for (int k = 0; k < 2; k++) {
                float half = next[o * width + k] / 2;
                next[o * width + k] = half;
                next[o * width + duplicates(originals) + k] = half;
            }
            for (int u = dead(originals); u < width; u++) {
                next[o * width + u] = 0f;
            }
        }
    }

    public static float[][] inputs(long seed, int n) {
        Random r = new Random(seed);
        float[][] x = new float[n][IN];
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < IN; i++) {
                x[s][i] = (float) r.nextGaussian();
            }
        }
        return x;
    }

    /** Activations on n standard-normal inputs, labelled by the network's own argmax. */
    public static Activations probe(Network net, long seed, int n) {
        float[][] x = inputs(seed, n);
        int[] labels = new int[n];
        for (int s = 0; s < n; s++) {
            double[] out = dev.infoprune.model.ReferenceForward.outputs(net, x[s]);
            int best = 0;
            for (int c = 1; c < out.length; c++) {
                if (out[c] > out[best]) {
                    best = c;
                }
            }
            labels[s] = best;
        }
        return ProbeActivations.of(net, x, labels);
    }
}
