package dev.infoprune.bench;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetFit;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.IdxReader;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Activation;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.ModelLocator;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.Tensor;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.mipp.MippRun;
import dev.infoprune.prune.mipp.MippSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * MIPP with the Gaussian estimator over both hidden layers of a 784-300-100-10 MLP on 2000 Fashion-MNIST
 * images, R = 5: one full run per operation, on the trained {@code lenet300-fashion} sample and on random weights.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MippBench {
    Network network;
    Activations probe;
    Network sample;
    Activations sampleProbe;

    @Setup(Level.Trial)
    public void setUp() {
        Path dir = Path.of("resources/datasets/fashion-mnist");
        Dataset test = IdxReader.readDataset("fashion-mnist", dir.resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-labels-idx1-ubyte.gz"), IntStream.range(0, 10).mapToObj(i -> "c" + i).toList());
        Dataset data = test.head(2000).withInputShape(new int[] {784});
        network = lenet300(1);
        probe = ActivationCapture.capture(network, data, Progress.NONE);
        // -Dmipp.bench.model=FOLDER benchmarks a model folder instead of the bundled sample
        sample = ModelLocator.resolve(System.getProperty("mipp.bench.model", "lenet300-fashion"));
        Dataset probeSplit = DatasetLocator.resolve(sample.card().dataset(), sample.card().seed()).probe().head(2000);
        sampleProbe = ActivationCapture.capture(sample, DatasetFit.fit(probeSplit, sample), Progress.NONE);
    }

    static Network lenet300(long seed) {
        Random r = new Random(seed);
        List<Layer> layers = new ArrayList<>();
        layers.add(dense(r, "fc1", 784, 300));
        layers.add(new Activation("relu1", Activation.Kind.RELU));
        layers.add(dense(r, "fc2", 300, 100));
        layers.add(new Activation("relu2", Activation.Kind.RELU));
        layers.add(dense(r, "fc3", 100, 10));
        return new Network("lenet300-random", new int[] {784}, IntStream.range(0, 10).mapToObj(i -> "c" + i).toList(),
                layers, new Normalization(new float[] {0.286f}, new float[] {0.353f}), ModelCard.EMPTY);
    }

    static Dense dense(Random r, String name, int in, int out) {
        float[] w = new float[out * in];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextGaussian() * Math.sqrt(2.0 / in));
        }
        return new Dense(name, in, out, new Tensor(new int[] {out, in}, w), Tensor.zeros(out));
    }

    /** The trained sample model on the first 2000 samples of its probe split. */
    @Benchmark
    public PruningPlan gaussianMippLenet300Fashion() {
        MippRun run = MippRun.start(sample, sampleProbe, MippSettings.gaussian());
        run.runToEnd(Progress.NONE);
        return run.plan();
    }

    /** Random He-initialised weights, test images. */
    @Benchmark
    public PruningPlan gaussianMippLenet300() {
        MippRun run = MippRun.start(network, probe, MippSettings.gaussian());
        run.runToEnd(Progress.NONE);
        return run.plan();
    }
}
