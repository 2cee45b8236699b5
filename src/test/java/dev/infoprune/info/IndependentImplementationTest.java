package dev.infoprune.info;

import dev.infoprune.core.Matrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every estimator against a NumPy/SciPy computation of the same formula on the same samples. */
class IndependentImplementationTest {
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
}
