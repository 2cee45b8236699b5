package dev.infoprune.ui;

import dev.infoprune.core.Progress;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Normalizations;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.ArchitectureSpec;
import dev.infoprune.engine.FreshTraining;
import dev.infoprune.engine.TrainingConfig;
import dev.infoprune.engine.TrainingListener;
import dev.infoprune.model.Activation;
import dev.infoprune.model.Add;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Flatten;
import dev.infoprune.model.GlobalAvgPool;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.Tensor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small networks really trained through DJL for the GUI tests, trained once per test JVM. */
public final class TrainedModels {
    private static Network digits;
    private static Network resNet;

    private TrainedModels() {
    }

    /** A 64-24-12-10 ReLU MLP trained for 8 epochs on the bundled digits' train split (seed 1). */
    public static synchronized Network digitsMlp() {
        if (digits == null) {
            Splits splits = DatasetLocator.resolve("digits", 1);
            Network fresh = ArchitectureSpec.parse("mlp:24-12").build("digits-mlp", new int[] {64},
                    splits.train().classes(), 1);
            digits = trainOnDigits(fresh, splits);
        }
        return digits;
    }

    /** {@link #digitsMlp()} written as a model folder {@code dir/digits-mlp}. */
    public static Path digitsMlpFolder(Path dir) throws IOException {
        return written(digitsMlp(), dir.resolve("digits-mlp"));
    }

    private static Network trainOnDigits(Network fresh, Splits splits) {
        return FreshTraining.train(fresh, "digits", splits, TrainingConfig.adam(8, 1).withLearningRate(0.01),
                Normalizations::fit, TrainingListener.NONE, Progress.NONE).network();
    }

    private static Path written(Network network, Path folder) throws IOException {
        ModelFolder.write(network, folder);
        return folder;
    }

    /**
     * A small ResNet on the digits as 1×8×8 images, trained for 8 epochs (seed 1): a stem conv (8), a residual
     * block of two 8-filter convs added to the stem, and a downsampling block of two 12-filter convs added to a
     * 1×1 shortcut conv; global average pooling into 10 outputs.
     */
    public static synchronized Network digitsResNet() {
        if (resNet == null) {
            Splits splits = DatasetLocator.resolve("digits", 1);
            Random random = new Random(1);
            List<Layer> layers = new ArrayList<>();
            List<List<String>> inputs = new ArrayList<>();
            add(layers, inputs, conv(random, "stem", 1, 8, 3, 1));
            add(layers, inputs, new Activation("stem.relu", Activation.Kind.RELU));
            add(layers, inputs, conv(random, "block1.conv1", 8, 8, 3, 1));
            add(layers, inputs, new Activation("block1.relu1", Activation.Kind.RELU));
            add(layers, inputs, conv(random, "block1.conv2", 8, 8, 3, 1));
            add(layers, inputs, new Add("block1.add"), "block1.conv2", "stem.relu");
            add(layers, inputs, new Activation("block1.relu", Activation.Kind.RELU));
            add(layers, inputs, conv(random, "block2.conv1", 8, 12, 3, 2));
            add(layers, inputs, new Activation("block2.relu1", Activation.Kind.RELU));
            add(layers, inputs, conv(random, "block2.conv2", 12, 12, 3, 1));
            add(layers, inputs, conv(random, "block2.shortcut", 8, 12, 1, 2), "block1.relu");
            add(layers, inputs, new Add("block2.add"), "block2.conv2", "block2.shortcut");
            add(layers, inputs, new Activation("block2.relu", Activation.Kind.RELU));
            add(layers, inputs, new GlobalAvgPool("pool"));
            add(layers, inputs, new Flatten("flatten"));
            add(layers, inputs, new Dense("fc", 12, 10, normal(random, 0.4f, 10, 12), Tensor.zeros(10)));
            Network fresh = new Network("digits-resnet", new int[] {1, 8, 8}, splits.train().classes(), layers, inputs,
                    null, null);
            resNet = trainOnDigits(fresh, splits);
        }
        return resNet;
    }

    /** {@link #digitsResNet()} written as a model folder {@code dir/digits-resnet}. */
    public static Path digitsResNetFolder(Path dir) throws IOException {
        return written(digitsResNet(), dir.resolve("digits-resnet"));
    }

    private static void add(List<Layer> layers, List<List<String>> inputs, Layer layer, String... reads) {
        layers.add(layer);
        inputs.add(List.of(reads));
    }

    /** A conv with He-normal weights; padding keeps the size (kernel / 2). */
    private static Conv2d conv(Random random, String name, int in, int out, int kernel, int stride) {
        float std = (float) Math.sqrt(2.0 / (in * kernel * kernel));
        return new Conv2d(name, in, out, kernel, stride, kernel / 2, normal(random, std, out, in, kernel, kernel),
                Tensor.zeros(out));
    }

    private static Tensor normal(Random random, float std, int... shape) {
        float[] data = new float[(int) Tensor.sizeOf(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) random.nextGaussian() * std;
        }
        return new Tensor(shape, data);
    }
}
