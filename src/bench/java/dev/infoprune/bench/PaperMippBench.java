package dev.infoprune.bench;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetFit;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.SampleChoice;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.EstimatorSpec;
import dev.infoprune.info.LossSessions;
import dev.infoprune.info.PredictiveEstimator;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.mipp.Mipp;
import dev.infoprune.prune.mipp.MippRun;
import dev.infoprune.prune.mipp.MippSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * MIPP as the paper defines it over every hidden layer of a sample model, on the samples {@code infoprune prune}
 * takes (5,000, or the training split when the probe split is smaller), one full run per operation; beside it,
 * the naive cost of one test of the paper's procedure — R = 5 trainings of a predictor through the framework
 * (DJL) on the last hidden layer without one unit — which a naive run pays once per hidden unit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 1, jvmArgs = {"-Xmx6g", "-Dai.djl.offline=true"})
public class PaperMippBench {
    @Param({"mlp-digits", "lenet300-fashion", "lenet5-fashion"})
    public String model;

    @Param({"reconstruction", "ridge-cv"})
    public String estimator;

    Network network;
    Mipp mipp;
    Activations samples;

    @Setup(Level.Trial)
    public void setUp() {
        network = SampleModels.load(model);
        Splits s = DatasetLocator.resolve(network.card().dataset(), network.card().seed());
        Dataset probe = DatasetFit.fit(s.probe(), network);
        Dataset train = DatasetFit.fit(s.train(), network);
        mipp = new Mipp(MippSettings.defaults().withEstimator(LossSessions.normalise(new EstimatorSpec(estimator, Map.of()))));
        samples = ActivationCapture.capture(network, SampleChoice.of(probe, train, Mipp.PAPER_SAMPLES, network.card().seed()).data(),
                mipp.captureOptions(), Progress.NONE);
    }

    @Benchmark
    public PruningPlan wholeRun() {
        MippRun run = mipp.start(network, samples);
        run.runToEnd(Progress.NONE);
        return run.plan();
    }

    /** One test done naively: five framework trainings of the last hidden layer minus one unit against the outputs. */
    @Benchmark
    public double naiveOneTestOfTheLastHiddenLayer() {
        String last = network.prunableLayerNames().get(network.prunableLayerNames().size() - 1);
        Matrix layer = samples.of(last);
        Matrix without = layer.selectColumns(IntStream.range(1, layer.cols()).toArray());
        double sum = 0;
        for (int r = 0; r < 5; r++) {
            sum += new PredictiveEstimator(64, 40, 2e-3, 0.3, r).mutualInformation(without, samples.outputs()).nats();
        }
        return sum;
    }
}
