package dev.infoprune.bench;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** Activation capture and evaluation of the sample models on the 10 000 Fashion-MNIST test images. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Dai.djl.offline=true"})
@State(Scope.Benchmark)
public class CaptureBench {
    @Param({"vgg-fashion", "lenet5-fashion", "lenet300-fashion", "resnet8-fashion"})
    public String model;

    Network network;
    Dataset test;

    @Setup
    public void load() {
        network = SampleModels.load(model);
        test = DatasetLocator.resolve("fashion-mnist", 1).test();
    }

    @Benchmark
    public Activations capture10k() {
        return ActivationCapture.capture(network, test, Progress.NONE);
    }

    @Benchmark
    public Object evaluate10k() {
        return Inference.evaluate(network, test, Progress.NONE);
    }
}
