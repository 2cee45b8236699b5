package dev.infoprune.info;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The machine's dense-product reference: square {@code dgemm} and {@code sgemm} of 1000 × 1000 (2·n³ = 2 GFLOP)
 * on native memory, with OpenBLAS on one thread and on two (its default here). GFLOP/s = 2000 / (ms/op).
 * Run: {@code mvn -Pbench -DskipTests package exec:exec -Dbench.args="BlasReferenceBenchmark -f 1 -wi 2 -i 3"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BlasReferenceBenchmark {
    static final int N = 1000;

    @Param({"1", "2"})
    int threads;

    DoublePointer da;
    DoublePointer dc;
    FloatPointer fa;
    FloatPointer fc;

    @Setup
    public void setup() {
        Random r = new Random(1);
        double[] a = new double[N * N];
        float[] f = new float[N * N];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
            f[i] = (float) a[i];
        }
        da = new DoublePointer(a);
        dc = new DoublePointer((long) N * N);
        fa = new FloatPointer(f);
        fc = new FloatPointer((long) N * N);
        openblas.blas_set_num_threads(threads);
    }

    @TearDown
    public void release() {
        da.close();
        dc.close();
        fa.close();
        fc.close();
    }

    @Benchmark
    public DoublePointer dgemm1000() {
        openblas.cblas_dgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, N, N, N, 1.0, da, N, da, N, 0.0, dc, N);
        return dc;
    }

    @Benchmark
    public FloatPointer sgemm1000() {
        openblas.cblas_sgemm(openblas.CblasRowMajor, openblas.CblasNoTrans, openblas.CblasNoTrans, N, N, N, 1f, fa, N, fa, N, 0f, fc, N);
        return fc;
    }
}
