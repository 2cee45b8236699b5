package dev.infoprune.bench;

import dev.infoprune.data.BundledDatasets;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Splits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/** How long reading the bundled data sets takes (all 70000 Fashion-MNIST images; the digits CSV). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class DataReadBench {
    @Benchmark
    public Object fashionMnistTrainAndTest() {
        return BundledDatasets.load("fashion-mnist");
    }

    @Benchmark
    public Splits fashionMnistSplits() {
        return DatasetLocator.resolve("fashion-mnist", 1);
    }

    @Benchmark
    public Object digitsCsv() {
        return BundledDatasets.load("digits");
    }
}
