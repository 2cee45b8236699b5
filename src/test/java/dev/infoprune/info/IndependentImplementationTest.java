package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every estimator against a NumPy/SciPy computation of the same formula on the same samples. */
class IndependentImplementationTest {
    /** NumPy's Gaussian Gram matrix of standardised columns with width s, as the Rényi estimator builds it. */
    static final String GAUSSIAN_GRAM = """
            def gram(X, s):
                X = (X - X.mean(0)) / X.std(0, ddof=1)
                d2 = ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1)
                return np.exp(-d2 / (2 * s * s))
            """;

    static final String KSG = """
            from scipy.spatial import cKDTree
            from scipy.special import digamma
            def ksg(parts, k=3, alg=1):
                n = parts[0].shape[0]
                joint = np.hstack(parts)
                d, idx = cKDTree(joint).query(joint, k=k+1, p=np.inf)
                eps = d[:, -1]
                terms = []
                for P in parts:
                    t = cKDTree(P)
                    if alg == 1:
                        c = np.array([len(t.query_ball_point(P[i], np.nextafter(eps[i], 0), p=np.inf)) - 1 for i in range(n)])
                        terms.append(digamma(c + 1))
                    else:
                        ext = np.max(np.abs(P[idx[:, 1:]] - P[:, None, :]).max(axis=2), axis=1)
                        c = np.array([len(t.query_ball_point(P[i], ext[i], p=np.inf)) - 1 for i in range(n)])
                        terms.append(digamma(c))
                corr = (1.0 / k) if alg == 2 else 0.0
                return digamma(k) + digamma(n) - np.mean(terms[0] + terms[1]) - corr
            """;

    @BeforeAll
    static void needsPython() {
        assumeTrue(PythonReference.available(), "python3 with numpy and scipy");
    }

    private static Matrix standardized(Matrix m) {
        double[] mean = new double[m.cols()];
        double[] std = new double[m.cols()];
        Correlations.moments(m, mean, std);
        double[] d = m.data().clone();
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                d[i * m.cols() + j] /= std[j];
            }
        }
        return Matrix.wrap(m.rows(), m.cols(), d);
    }

    @Test
    void ksgMatchesScipyKdTree() throws Exception {
        double[][] a = {{0.9, 0.2}, {-0.4, 0.5}};
        Matrix[] xy = GaussianData.linear(31, 1500, 2, a);
        Matrix[] b = GaussianData.bivariate(32, 1500, 0.9);
        double[] ref = PythonReference.run(KSG + "print(ksg([M[0], M[1]]), ksg([M[0], M[1]], alg=2), ksg([M[2], M[3]]), ksg([M[2], M[3]], alg=2))\n",
                standardized(xy[0]), standardized(xy[1]), standardized(b[0]), standardized(b[1]));
        assertThat(new KsgEstimator(3, 1, 0, 0).mutualInformation(xy[0], xy[1]).nats()).isCloseTo(ref[0], within(1e-9));
        assertThat(new KsgEstimator(3, 2, 0, 0).mutualInformation(xy[0], xy[1]).nats()).isCloseTo(ref[1], within(1e-9));
        assertThat(new KsgEstimator(3, 1, 0, 0).mutualInformation(b[0], b[1]).nats()).isCloseTo(ref[2], within(1e-9));
        assertThat(new KsgEstimator(3, 2, 0, 0).mutualInformation(b[0], b[1]).nats()).isCloseTo(ref[3], within(1e-9));
    }

    @Test
    void renyiMatchesNumpyEigvalsh() throws Exception {
        Matrix[] xy = GaussianData.bivariate(33, 250, 0.7);
        Matrix z = GaussianData.normal(34, 250, 2);
        String script = GAUSSIAN_GRAM + """
                def S(K, a):
                    lam = np.clip(np.linalg.eigvalsh(K / np.trace(K)), 0, None)
                    return np.log(np.sum(lam[lam > 0] ** a)) / (1 - a)
                n = 250
                sil = lambda d: (4.0 / (d + 2)) ** (1.0 / (d + 4)) * n ** (-1.0 / (4 + d))
                A, B, C = gram(M[0], sil(1)), gram(M[1], sil(1)), gram(M[2], sil(2))
                for a in (1.01, 2.0, 0.7):
                    print(S(A, a) + S(B, a) - S(A * B, a), S(A * C, a) + S(B * C, a) - S(A * B * C, a) - S(C, a))
                """;
        double[] ref = PythonReference.run(script, xy[0], xy[1], z);
        double[] alphas = {1.01, 2.0, 0.7};
        for (int t = 0; t < 3; t++) {
            RenyiEstimator r = new RenyiEstimator(alphas[t], RenyiEstimator.WidthRule.SILVERMAN, 0);
            assertThat(r.mutualInformation(xy[0], xy[1]).nats()).as("MI alpha %s", alphas[t]).isCloseTo(ref[2 * t], within(1e-8));
            assertThat(r.conditionalMutualInformation(xy[0], xy[1], z).nats()).as("CMI alpha %s", alphas[t]).isCloseTo(ref[2 * t + 1], within(1e-8));
        }
    }

    @Test
    void renyiSinglePrecisionRouteMatchesNumpyDoubleAtN500() throws Exception {
        // from 400 samples on (α ≥ 1) the spectra are taken in single precision, and eigenvalues below the single-
        // precision rounding floor n·1.2e-7·λ_max count as 0: against the same floor on NumPy's double-precision
        // spectrum the estimates agree within 2e-5 nats (without any floor they differ by 0.011 nats at α = 1.01 here:
        // the many tiny eigenvalues of the two-column kernel carry 1e-4 of the trace, amplified by 1 / (1 − α))
        Matrix[] xy = GaussianData.linear(38, 500, 2, new double[][] {{0.6, 0.1, 0.0}, {-0.3, 0.4, 0.2}});
        String script = GAUSSIAN_GRAM + """
                def S(K, a):
                    lam = np.linalg.eigvalsh(K / np.trace(K))
                    lam = lam[lam >= len(lam) * 1.2e-7 * lam.max()]
                    return -np.sum(lam * np.log(lam)) if a == 1 else np.log(np.sum(lam ** a)) / (1 - a)
                n = 500
                sil = lambda d: (4.0 / (d + 2)) ** (1.0 / (d + 4)) * n ** (-1.0 / (4 + d))
                A, B = gram(M[0], sil(2)), gram(M[1], sil(3))
                for a in (1.01, 1.0, 3.0):
                    print(S(A, a) + S(B, a) - S(A * B, a))
                """;
        double[] ref = PythonReference.run(script, xy[0], xy[1]);
        double[] alphas = {1.01, 1.0, 3.0};
        for (int t = 0; t < alphas.length; t++) {
            RenyiEstimator r = new RenyiEstimator(alphas[t], RenyiEstimator.WidthRule.SILVERMAN, 0);
            assertThat(r.mutualInformation(xy[0], xy[1]).nats()).as("MI alpha %s", alphas[t]).isCloseTo(ref[t], within(2e-5));
        }
    }

    @Test
    void hsicAndCkaMatchNumpy() throws Exception {
        Matrix x = GaussianData.normal(35, 120, 3);
        Matrix[] l = GaussianData.linear(36, 120, 3, new double[][] {{0.5, 0.1}, {0.2, -0.4}, {0.0, 0.3}});
        Matrix y = l[1];
        String script = """
                n = 120
                H = np.eye(n) - np.ones((n, n)) / n
                def lin(X):
                    X = X - X.mean(0); return X @ X.T
                def rbf(X):
                    X = X - X.mean(0); d2 = ((X[:, None, :] - X[None, :, :]) ** 2).sum(-1)
                    s = np.sqrt(np.sort(d2[np.triu_indices(n, 1)])[len(d2[np.triu_indices(n, 1)]) // 2])
                    return np.exp(-d2 / (2 * s * s))
                def hb(K, L): return np.trace(K @ H @ L @ H) / (n - 1) ** 2
                def hu(K, L):
                    K = K.copy(); L = L.copy(); np.fill_diagonal(K, 0); np.fill_diagonal(L, 0); o = np.ones(n)
                    return (np.trace(K @ L) + o @ K @ o * (o @ L @ o) / ((n - 1) * (n - 2)) - 2 / (n - 2) * o @ K @ L @ o) / (n * (n - 3))
                for k in (lin, rbf):
                    K, L = k(M[0]), k(M[1])
                    for h in (hb, hu):
                        print(h(K, L), h(K, L) / np.sqrt(h(K, K) * h(L, L)))
                """;
        double[] ref = PythonReference.run(script, x, y);
        int t = 0;
        for (HsicEstimator.Kernel k : HsicEstimator.Kernel.values()) {
            for (boolean unbiased : new boolean[] {false, true}) {
                double raw = new HsicEstimator(k, 0, unbiased, false).mutualInformation(x, y).nats();
                double norm = new HsicEstimator(k, 0, unbiased, true).mutualInformation(x, y).nats();
                assertThat(raw).as("%s unbiased=%s", k, unbiased).isCloseTo(ref[t++], within(1e-5 * Math.abs(ref[t - 1]) + 1e-12));
                assertThat(norm).as("%s unbiased=%s normalised", k, unbiased).isCloseTo(ref[t++], within(1e-5));
            }
        }
    }

    @Test
    void gaussianAndBinnedMatchNumpy() throws Exception {
        Matrix[] c = GaussianData.chain(37, 2000, true);
        String script = """
                X, Y, Z = M[0][:, 0], M[1][:, 0], M[2][:, 0]
                ld = lambda *v: np.linalg.slogdet(np.corrcoef(np.vstack(v)) if len(v) > 1 else np.eye(1))[1]
                print(0.5 * (ld(X, Z) + ld(Y, Z) - ld(Z) - ld(X, Y, Z)), 0.5 * (ld(X) + ld(Y) - ld(X, Y)))
                def H(*cols):
                    _, c = np.unique(np.vstack(cols).T, axis=0, return_counts=True); p = c / c.sum(); return -(p * np.log(p)).sum()
                def b(v, B=6):
                    lo, hi = v.min(), v.max(); return np.minimum(B - 1, ((v - lo) / ((hi - lo) / B)).astype(int))
                bx, by, bz = b(X), b(Y), b(Z)
                print(H(bx) + H(by) - H(bx, by), H(bx, bz) + H(by, bz) - H(bx, by, bz) - H(bz))
                """;
        double[] ref = PythonReference.run(script, c);
        GaussianEstimator g = new GaussianEstimator(0);
        assertThat(g.conditionalMutualInformation(c[0], c[1], c[2]).nats()).isCloseTo(ref[0], within(1e-9));
        assertThat(g.mutualInformation(c[0], c[1]).nats()).isCloseTo(ref[1], within(1e-9));
        BinnedEstimator b = new BinnedEstimator(6, BinnedEstimator.Binning.EQUAL_WIDTH, false);
        assertThat(b.mutualInformation(c[0], c[1]).nats()).isCloseTo(ref[2], within(1e-9));
        assertThat(b.conditionalMutualInformation(c[0], c[1], c[2]).nats()).isCloseTo(ref[3], within(1e-9));
    }
}
