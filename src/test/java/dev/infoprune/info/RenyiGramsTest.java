package dev.infoprune.info;

import dev.infoprune.model.PythonCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RenyiGramsTest {
    private static double[] gaussian(Random r, int n) {
        return IntStream.range(0, n).mapToDouble(i -> r.nextGaussian()).toArray();
    }

    private static int[] labels(Random r, int n, int classes) {
        return IntStream.range(0, n).map(i -> r.nextInt(classes)).toArray();
    }

    @Test
    void balancedLabelsHaveEntropyLogOfClassCountForEveryOrder() {
        int[] y = IntStream.range(0, 120).map(i -> i % 4).toArray();
        for (double alpha : new double[] {1.01, 2, 3}) {
            assertThat(new RenyiGrams(y, alpha).labelEntropy()).isCloseTo(Math.log(4), within(1e-9));
        }
    }

    @Test
    void distinctPointsWithAVanishingKernelWidthHaveEntropyLogN() {
        int n = 50;
        double[] x = IntStream.range(0, n).mapToDouble(i -> i).toArray();
        int[] y = new int[n];
        for (double alpha : new double[] {1.01, 2}) {
            RenyiGrams g = new RenyiGrams(y, alpha);
            double[] tri = g.ones();
            RenyiGrams.multiplyInto(tri, g.gram(x, 1e-4));
            assertThat(g.entropy(tri)).isCloseTo(Math.log(n), within(1e-9));
        }
    }

    @Test
    void frobeniusRouteEqualsTheEigenvalueRouteAtOrderTwo() {
        Random r = new Random(3);
        int n = 80;
        int[] y = labels(r, n, 3);
        RenyiGrams fast = new RenyiGrams(y, 2);
        RenyiGrams spectral = new RenyiGrams(y, 2.0000001);
        double[] a = gaussian(r, n);
        double[] b = gaussian(r, n);
        double[] pf = fast.ones();
        double[] ps = spectral.ones();
        RenyiGrams.multiplyInto(pf, fast.gram(a, 1));
        RenyiGrams.multiplyInto(ps, spectral.gram(a, 1));
        assertThat(fast.entropy(pf)).isCloseTo(spectral.entropy(ps), within(1e-5));
        assertThat(fast.mutualInformationWithLabels(pf, fast.gram(b, 1)))
                .isCloseTo(spectral.mutualInformationWithLabels(ps, spectral.gram(b, 1)), within(1e-5));
    }

    @Test
    void theNativeUpperTriangleRouteEqualsTheFullSymmetricMatrixOnEveryThread() {
        Random r = new Random(8);
        int n = 90;
        int[] y = labels(r, n, 5);
        RenyiGrams g = new RenyiGrams(y, 1.01);
        double[][] products = new double[6][];
        for (int v = 0; v < products.length; v++) {
            products[v] = g.ones();
            RenyiGrams.multiplyInto(products[v], g.gram(gaussian(r, n), 1));
        }
        for (double[] tri : products) {
            double[] full = new double[n * n];
            int p = 0;
            for (int i = 0; i < n; i++) {
                full[i * n + i] = 1.0 / n;
                for (int j = i + 1; j < n; j++, p++) {
                    full[i * n + j] = tri[p] / n;
                    full[j * n + i] = tri[p] / n;
                }
            }
            double sum = 0;
            for (double l : SymmetricEigenvalues.of(full, n)) {
                sum += l > 0 ? Math.pow(l, 1.01) : 0;
            }
            assertThat(g.entropy(tri)).isCloseTo(Math.log(sum) / (1 - 1.01), within(1e-12));
        }
        // each thread has its own native matrix: in parallel, the same values as one by one
        double[] serial = java.util.Arrays.stream(products).mapToDouble(g::mutualInformationWithLabels).toArray();
        for (int round = 0; round < 5; round++) {
            double[] parallel = IntStream.range(0, products.length).parallel()
                    .mapToDouble(v -> g.mutualInformationWithLabels(products[v])).toArray();
            assertThat(parallel).containsExactly(serial);
        }
    }

    @Test
    void onePassJointEqualsTheExplicitProduct() {
        Random r = new Random(5);
        int n = 60;
        int[] y = labels(r, n, 4);
        for (double alpha : new double[] {1.01, 2}) {
            RenyiGrams g = new RenyiGrams(y, alpha);
            float[] ka = g.gram(gaussian(r, n), 1);
            float[] kb = g.gram(gaussian(r, n), 1);
            double[] product = g.ones();
            RenyiGrams.multiplyInto(product, ka);
            double[] explicit = product.clone();
            RenyiGrams.multiplyInto(explicit, kb);
            assertThat(g.mutualInformationWithLabels(product, kb))
                    .isCloseTo(g.mutualInformationWithLabels(explicit), within(1e-10));
        }
    }

    @Test
    void aConstantVariableCarriesNothingAndChangesNothing() {
        Random r = new Random(7);
        int n = 70;
        int[] y = labels(r, n, 3);
        RenyiGrams g = new RenyiGrams(y, 2);
        double[] constant = new double[n];
        java.util.Arrays.fill(constant, 4.2);
        double[] product = g.ones();
        RenyiGrams.multiplyInto(product, g.gram(constant, 1));
        assertThat(g.entropy(product)).isCloseTo(0, within(1e-12));
        assertThat(g.mutualInformationWithLabels(product)).isCloseTo(0, within(1e-12));
        double[] x = gaussian(r, n);
        double[] withX = g.ones();
        RenyiGrams.multiplyInto(withX, g.gram(x, 1));
        assertThat(g.mutualInformationWithLabels(product, g.gram(x, 1)))
                .isCloseTo(g.mutualInformationWithLabels(withX), within(1e-12));
    }

    @Test
    void labelsCopiedIntoAVariableGiveTheLabelEntropy() {
        int n = 90;
        int[] y = IntStream.range(0, n).map(i -> i % 3).toArray();
        double[] x = IntStream.range(0, n).mapToDouble(i -> 10.0 * y[i]).toArray();
        for (double alpha : new double[] {1.01, 2}) {
            RenyiGrams g = new RenyiGrams(y, alpha);
            double[] p = g.ones();
            RenyiGrams.multiplyInto(p, g.gram(x, 0.05));
            assertThat(g.mutualInformationWithLabels(p)).isCloseTo(Math.log(3), within(1e-6));
        }
    }

    /**
     * The cache against the project's estimator with the same width: a 2-D Gaussian kernel of width σ is the
     * Hadamard product of two 1-D kernels of width σ, so I([a b]; labels) and I(b; labels | a) must agree.
     */
    @Test
    void agreesWithTheRenyiEstimator() {
        Random r = new Random(13);
        int n = 90;
        int[] y = labels(r, n, 3);
        double[] a = gaussian(r, n);
        double[] b = IntStream.range(0, n).mapToDouble(i -> 0.7 * y[i] + 0.5 * a[i] + 0.4 * r.nextGaussian()).toArray();
        double sigma = Math.pow(n, -1.0 / 5);
        for (double alpha : new double[] {1.01, 2}) {
            var estimator = new dev.infoprune.info.RenyiEstimator(alpha, dev.infoprune.info.RenyiEstimator.WidthRule.FIXED, sigma);
            RenyiGrams g = new RenyiGrams(y, alpha);
            double[] onlyA = g.ones();
            RenyiGrams.multiplyInto(onlyA, g.gram(a, 1));
            double joint = g.mutualInformationWithLabels(onlyA, g.gram(b, 1));
            var ab = dev.infoprune.core.Matrix.column(a).appendColumns(dev.infoprune.core.Matrix.column(b));
            assertThat(joint).isCloseTo(estimator.mutualInformationWithLabels(ab, y).nats(), within(1e-5));
            double cmi = joint - g.mutualInformationWithLabels(onlyA);
            assertThat(cmi).isCloseTo(estimator.conditionalMutualInformationWithLabels(
                    dev.infoprune.core.Matrix.column(b), y, dev.infoprune.core.Matrix.column(a)).nats(), within(1e-5));
        }
    }

    /** An independent NumPy implementation of the same definitions (eigenvalues from numpy.linalg). */
    @Test
    void agreesWithNumpy(@TempDir Path dir) throws IOException, InterruptedException {
        Path python = PythonCheck.pythonWithNumpy();
        assumeTrue(python != null, "python3 with numpy is not installed");
        Random r = new Random(11);
        int n = 64;
        int[] y = labels(r, n, 3);
        double[] a = gaussian(r, n);
        double[] b = IntStream.range(0, n).mapToDouble(i -> a[i] * 0.5 + y[i] + 0.3 * r.nextGaussian()).toArray();
        String script = """
                import numpy as np
                y=np.array([%s]); a=np.array([%s]); b=np.array([%s]); n=len(y)
                def gram(v):
                    s=v.std(ddof=1); sig=n**(-1/5)
                    d=(v[:,None]-v[None,:])/s
                    return np.exp(-d*d/(2*sig*sig))
                def S(K, al):
                    A=K/np.trace(K); w=np.linalg.eigvalsh(A); w=w[w>0]
                    return np.log(np.sum(w**al))/(1-al)
                L=(y[:,None]==y[None,:]).astype(float)
                for al in (1.01, 2.0):
                    K=gram(a)*gram(b)
                    print(S(K,al)+S(L,al)-S(K*L,al))
                """.formatted(join(y), join(a), join(b));
        Path file = dir.resolve("renyi.py");
        Files.writeString(file, script);
        Process p = new ProcessBuilder(python.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        String[] lines = out.trim().split("\\s+");
        double[] alphas = {1.01, 2.0};
        for (int k = 0; k < 2; k++) {
            RenyiGrams g = new RenyiGrams(y, alphas[k]);
            double[] product = g.ones();
            RenyiGrams.multiplyInto(product, g.gram(a, 1));
            double mine = g.mutualInformationWithLabels(product, g.gram(b, 1));
            assertThat(mine).isCloseTo(Double.parseDouble(lines[k]), within(1e-5));
        }
    }

    private static String join(double[] v) {
        return java.util.Arrays.stream(v).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static String join(int[] v) {
        return java.util.Arrays.stream(v).mapToObj(Integer::toString).collect(Collectors.joining(","));
    }
}
