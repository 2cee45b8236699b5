package dev.infoprune.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Small networks with random weights for tests. */
public final class RandomNetworks {
    private RandomNetworks() {
    }

    public static Tensor random(Random r, double scale, int... shape) {
        float[] d = new float[(int) Tensor.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) (r.nextGaussian() * scale);
        }
        return new Tensor(shape, d);
    }

    public static List<String> classes(int n) {
        return IntStream.range(0, n).mapToObj(i -> "c" + i).toList();
    }

    /** in -> h1 (relu) -> h2 (tanh) -> out */
    public static Network mlp(long seed, int in, int h1, int h2, int out) {
        Random r = new Random(seed);
        List<Layer> layers = new ArrayList<>();
        layers.add(new Dense("fc1", in, h1, random(r, 1 / Math.sqrt(in), h1, in), random(r, 0.1, h1)));
        layers.add(new Activation("relu1", Activation.Kind.RELU));
        layers.add(new Dense("fc2", h1, h2, random(r, 1 / Math.sqrt(h1), h2, h1), random(r, 0.1, h2)));
        layers.add(new Activation("tanh2", Activation.Kind.TANH));
        layers.add(new Dropout("drop2", 0.2));
        layers.add(new Dense("out", h2, out, random(r, 1 / Math.sqrt(h2), out, h2), random(r, 0.1, out)));
        return new Network("random-mlp", new int[] {in}, classes(out), layers, Normalization.IDENTITY, ModelCard.EMPTY);
    }

    /** [c,h,w] -> conv(relu) -> bn -> maxpool -> conv(sigmoid) -> avgpool -> flatten -> dense(relu) -> out */
    public static Network cnn(long seed, int c, int h, int w, int out) {
        Random r = new Random(seed);
        List<Layer> layers = new ArrayList<>();
        layers.add(new Conv2d("conv1", c, 4, 3, 1, 1, random(r, 0.4, 4, c, 3, 3), random(r, 0.1, 4)));
        layers.add(new BatchNorm("bn1", 4, 1e-5, random(r, 0.2, 4), random(r, 0.1, 4), random(r, 0.1, 4),
                Tensor.filled(1.3f, 4)));
        layers.add(new Activation("relu1", Activation.Kind.RELU));
        layers.add(new Pool("pool1", Pool.Kind.MAX, 2, 2));
        layers.add(new Conv2d("conv2", 4, 5, 3, 1, 0, random(r, 0.3, 5, 4, 3, 3), random(r, 0.1, 5)));
        layers.add(new Activation("sig2", Activation.Kind.SIGMOID));
        layers.add(new Pool("pool2", Pool.Kind.AVG, 2, 2));
        layers.add(new Flatten("flat"));
        int flat = 5 * (((h / 2) - 2) / 2) * (((w / 2) - 2) / 2);
        layers.add(new Dense("fc1", flat, 7, random(r, 1 / Math.sqrt(flat), 7, flat), random(r, 0.1, 7)));
        layers.add(new Activation("relu3", Activation.Kind.RELU));
        layers.add(new Dense("out", 7, out, random(r, 0.4, out, 7), random(r, 0.1, out)));
        return new Network("random-cnn", new int[] {c, h, w}, classes(out), layers, Normalization.IDENTITY, ModelCard.EMPTY);
    }

    /** in -> (dense -> activation) per activation, each {@code width} wide, with a spread of 2 -> out. */
    public static Network chain(long seed, int in, int width, int out, Activation... activations) {
        Random r = new Random(seed);
        List<Layer> layers = new ArrayList<>();
        int previous = in;
        for (int i = 0; i < activations.length; i++) {
            layers.add(new Dense("fc" + (i + 1), previous, width, random(r, 2 / Math.sqrt(previous), width, previous),
                    random(r, 0.3, width)));
            layers.add(activations[i]);
            previous = width;
        }
        layers.add(new Dense("out", previous, out, random(r, 1 / Math.sqrt(previous), out, previous), random(r, 0.1, out)));
        return new Network("random-chain", new int[] {in}, classes(out), layers, Normalization.IDENTITY, ModelCard.EMPTY);
    }

    /**
     * [c,7,7] -> conv(relu6) -> padded maxpool 3/2/1 -> conv(hardswish) -> padded avgpool 3/2/1 counting the padding
     * -> conv(silu) -> padded avgpool 2/1/1 not counting it -> flatten -> out.
     */
    public static Network paddedPoolCnn(long seed, int c, int out) {
        Random r = new Random(seed);
        List<Layer> layers = new ArrayList<>();
        layers.add(new Conv2d("conv1", c, 4, 3, 1, 1, random(r, 0.5, 4, c, 3, 3), random(r, 0.2, 4)));
        layers.add(new Activation("relu6", Activation.Kind.RELU6));
        layers.add(new Pool("pool1", Pool.Kind.MAX, 3, 2, 1, true));
        layers.add(new Conv2d("conv2", 4, 5, 3, 1, 1, random(r, 0.4, 5, 4, 3, 3), random(r, 0.2, 5)));
        layers.add(new Activation("hswish2", Activation.Kind.HARDSWISH));
        layers.add(new Pool("pool2", Pool.Kind.AVG, 3, 2, 1, true));
        layers.add(new Conv2d("conv3", 5, 5, 1, 1, 0, random(r, 0.5, 5, 5, 1, 1), random(r, 0.2, 5)));
        layers.add(new Activation("silu3", Activation.Kind.SILU));
        layers.add(new Pool("pool3", Pool.Kind.AVG, 2, 1, 1, false));
        layers.add(new Flatten("flat"));
        layers.add(new Dense("out", 45, out, random(r, 0.2, out, 45), random(r, 0.1, out)));
        return new Network("padded-pool-cnn", new int[] {c, 7, 7}, classes(out), layers, Normalization.IDENTITY,
                ModelCard.EMPTY);
    }
}
