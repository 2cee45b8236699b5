package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The speed targets at their sizes:
 * KSG I(node; labels) for 256 nodes, n = 2000 (&lt; 300 ms); matrix-Rényi MI at n = 1000 with the Gram
 * matrices (&lt; 100 ms at α = 1.01, &lt; 15 ms at α = 2); linear CKA of two 256-wide layers at n = 1000 (&lt; 3 ms);
 * a MIPP-kind Gaussian CMI I(x_j; T | S∖x_j) with |S| = 256, |T| = 128, n = 4000 (&lt; 20 ms); and the raw
 * kernels (correlation matrix 4000 × 384, its product alone, Gaussian Gram 1000 × 256, one 1000 × 1000
 * eigenvalue problem) for GFLOP/s; {@link BlasReferenceBenchmark} gives the plain products they compare to.
 * Run: {@code mvn -Pbench -DskipTests package exec:exec -Dbench.args="EstimatorBenchmark -f 1 -wi 2 -i 3"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx4g", "-Dai.djl.offline=true"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EstimatorBenchmark {
    Matrix layer2000x256;
    int[] labels2000;
    Matrix node1000;
    Matrix target1000x10;
    Matrix a1000x256;
    Matrix b1000x256;
    Matrix x4000;
    Matrix t4000x128;
    Matrix rest4000x255;
    Matrix joint4000x384;
    DoublePointer joint4000x384Native;
    float[] gram1000Floats;
    FloatPointer gram1000Native;

    final KsgEstimator ksg = new KsgEstimator();
    final RenyiEstimator renyi = new RenyiEstimator();
    final RenyiEstimator renyi2 = new RenyiEstimator(2, RenyiEstimator.WidthRule.SILVERMAN, 0);
    final HsicEstimator cka = new HsicEstimator();
    final GaussianEstimator gaussian = new GaussianEstimator();

    static Matrix random(Random r, int n, int d, boolean relu) {
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            double g = r.nextGaussian();
            v[i] = relu ? Math.max(0, g) : g;
        }
        return Matrix.wrap(n, d, v);
    }

    @Setup
    public void setup() {
        Random r = new Random(1);
        labels2000 = new int[2000];
        double[] h = new double[2000 * 256];
        for (int i = 0; i < 2000; i++) {
            labels2000[i] = r.nextInt(10);
            for (int j = 0; j < 256; j++) {
                h[i * 256 + j] = Math.max(0, r.nextGaussian() + 0.3 * ((labels2000[i] + j) % 10 == 0 ? 1 : 0));
            }
        }
        layer2000x256 = Matrix.wrap(2000, 256, h);
        node1000 = random(r, 1000, 1, false);
        target1000x10 = random(r, 1000, 10, false);
        a1000x256 = random(r, 1000, 256, true);
        b1000x256 = random(r, 1000, 256, true);
        x4000 = random(r, 4000, 1, false);
        t4000x128 = random(r, 4000, 128, false);
        rest4000x255 = random(r, 4000, 255, true);
        joint4000x384 = x4000.appendColumns(t4000x128).appendColumns(rest4000x255);
        joint4000x384Native = new DoublePointer(joint4000x384.data());
        double[] k = renyi.gram(target1000x10);
        gram1000Floats = new float[k.length];
        for (int i = 0; i < k.length; i++) {
            gram1000Floats[i] = (float) k[i];
        }
        gram1000Native = new FloatPointer((long) k.length);
    }

    @TearDown
    public void release() {
        joint4000x384Native.close();
        gram1000Native.close();
    }

    @Benchmark
    public double[] ksgLabelMiAllNodes256n2000() {
        return ksg.mutualInformationWithLabelsPerColumn(layer2000x256, labels2000);
    }

    @Benchmark
    public double renyiMiAlpha101n1000() {
        return renyi.mutualInformation(node1000, target1000x10).nats();
    }

    @Benchmark
    public double renyiMiAlpha2n1000() {
        return renyi2.mutualInformation(node1000, target1000x10).nats();
    }

    @Benchmark
    public double linearCka256x256n1000() {
        return cka.mutualInformation(a1000x256, b1000x256).nats();
    }

    @Benchmark
    public double gaussianCmiMippS256T128n4000() {
        return gaussian.conditionalMutualInformation(x4000, t4000x128, rest4000x255).nats();
    }

    /**
     * Correlation matrix of 4000 × 384 as the Gaussian estimator takes it: two passes over the data (means;
     * centred rows to native memory), one {@code dsyrk} in two parallel row halves, scaling. 2·n·d² = 1.18 GFLOP
     * counted as a full product (the syrk itself does half: n·d² = 590 MFLOP).
     */
    @Benchmark
    public double[] kernelCorrelation4000x384() {
        return Correlations.of(joint4000x384).correlation;
    }

    /** Only the covariance product of the above: {@code dsyrk} on already centred native data, two row halves in parallel. */
    @Benchmark
    public double[] kernelCrossProduct4000x384() {
        return NativeLinearAlgebra.crossProduct(joint4000x384Native, 4000, 384, 1.0);
    }

    /**
     * Gaussian Gram matrix 1000 × 1000 of 256 columns: one {@code dsyrk} n × n Gram (n²·d = 256 MFLOP, 512 MFLOP
     * as a full product) and 500 k exponentials for the upper triangle.
     */
    @Benchmark
    public double[] kernelGram1000x256() {
        return renyi.gram(a1000x256);
    }

    /** Eigenvalues of one 1000 × 1000 symmetric matrix in single precision ({@code ssytrd} + {@code ssterf}, 4/3·n³ = 1.33 GFLOP). */
    @Benchmark
    public double[] kernelEigenvalues1000() {
        gram1000Native.put(gram1000Floats);
        return NativeLinearAlgebra.eigenvalues(gram1000Native, 1000);
    }
}
