package dev.infoprune.bench;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Activation;
import dev.infoprune.model.Dense;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.Tensor;
import dev.infoprune.prune.CmiFilterPruning;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * CMI's greedy ranking at the paper's α = 1.01 (every candidate costs two eigenvalue problems of 256 × 256
 * and smaller): one layer of 32 units, 256 samples, 10 classes, ranked to the end (knee cutoff, 528
 * candidate evaluations), conditioned on nothing. Run:
 * {@code mvn -o -q -Pbench -DskipTests package exec:exec -Dbench.args="CmiRankingBench -f 1 -wi 1 -i 3"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class CmiRankingBench {
    private static final int N = 256;
    private static final int UNITS = 32;
    Network network;
    Activations activations;
    final CmiFilterPruning cmi = new CmiFilterPruning(CmiFilterPruning.Settings.defaults()
            .withCutoff(CmiFilterPruning.Cutoff.KNEE).withDirection(CmiFilterPruning.Direction.INDEPENDENT));

    @Setup
    public void setUp() {
        Random r = new Random(3);
        network = new Network("bench", new int[] {8}, classes(), List.of(
                new Dense("fc1", 8, UNITS, Tensor.filled(0.1f, UNITS, 8), Tensor.filled(0f, UNITS)),
                new Activation("relu1", Activation.Kind.RELU),
                new Dense("out", UNITS, 10, Tensor.filled(0.1f, 10, UNITS), Tensor.filled(0f, 10))),
                Normalization.IDENTITY, ModelCard.EMPTY);
        int[] y = new int[N];
        double[][] fc1 = new double[N][UNITS];
        double[][] out = new double[N][10];
        for (int i = 0; i < N; i++) {
            y[i] = r.nextInt(10);
            for (int u = 0; u < UNITS; u++) {
                fc1[i][u] = (u % 4 == 0 ? y[i] : (y[i] >> (u % 3))) + r.nextGaussian();
            }
            out[i][y[i]] = 1;
        }
        Map<String, Matrix> m = new LinkedHashMap<>();
        m.put("fc1", Matrix.of(fc1));
        m.put("out", Matrix.of(out));
        activations = new Activations(m, "out", y);
    }

    private static List<String> classes() {
        return java.util.stream.IntStream.range(0, 10).mapToObj(String::valueOf).toList();
    }

    @Benchmark
    public double[] rankOneLayerAtAlpha101() {
        return cmi.select(network, activations, Progress.NONE).get(0).curve();
    }
}
