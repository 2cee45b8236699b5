package dev.infoprune.info;

import dev.infoprune.core.Matrix;

import java.util.Map;

/**
 * Mutual information under a joint Gaussian assumption, from log-determinants of sample correlation matrices:
 * I(X;Y) = ½ [log det R_X + log det R_Y − log det R_XY] and
 * I(X;Y|Z) = ½ [log det R_XZ + log det R_YZ − log det R_Z − log det R_XYZ] (computed from one Cholesky factor, see
 * {@link NativeLinearAlgebra#conditionalLogDetDrop}). Exact for jointly Gaussian data,
 * and a lower bound on the information for any data with the same covariance. A ridge λ is added to every
 * correlation matrix's diagonal (R + λI) so singular cases (duplicated or collinear columns) stay finite; when
 * Cholesky still fails the ridge grows tenfold until it succeeds. Labels are one-hot encoded (c − 1 columns).
 * With {@code bias-corrected} ({@link GaussianParameters}) every (conditional) mutual information has its expectation
 * under (conditional) independence removed, with the conditioning columns taken off the degrees of freedom.
 */
public final class GaussianEstimator implements InformationEstimator {
    public static final String NAME = "gaussian";
    public static final double DEFAULT_RIDGE = 1e-8;
    private static final double LOG_2PI_E = Math.log(2 * Math.PI * Math.E);

    private final double ridge;
    private final boolean biasCorrected;
    private final EstimatorSpec spec;

    public GaussianEstimator() {
        this(DEFAULT_RIDGE);
    }

    public GaussianEstimator(double ridge) {
        this(new GaussianParameters(ridge, false));
    }

    public GaussianEstimator(GaussianParameters parameters) {
        if (!(parameters.ridge() >= 0) || parameters.ridge() >= 1) {
            throw new IllegalArgumentException("ridge must be in [0, 1), got " + parameters.ridge());
        }
        this.ridge = parameters.ridge();
        this.biasCorrected = parameters.biasCorrected();
        // the plain estimate is named by its ridge alone, as scores and plans have always recorded it
        this.spec = biasCorrected ? parameters.spec() : new EstimatorSpec(NAME, Map.of(GaussianParameters.RIDGE, ridge));
    }

    /** The expectation of the estimate of I(X;Y|Z) under independence, with X, Y and Z of these widths; 0 uncorrected. */
    private double bias(int x, int y, int z, int samples) {
        return biasCorrected ? GaussianParameters.independenceBias(x, y, samples - z) : 0;
    }

    @Override
    public EstimatorSpec spec() {
        return spec;
    }

    @Override
    public Estimate entropy(Matrix x) {
        Samples.check("X", x);
        Correlations c = Correlations.of(x);
        double h = 0.5 * x.cols() * LOG_2PI_E + 0.5 * logDet(c.correlation, x.cols());
        for (double s : c.std) {
            // a constant column has no differential entropy; it is treated as having the ridge's variance
            h += Math.log(s > 0 ? s : Math.sqrt(Math.max(ridge, 1e-300)));
        }
        return new Estimate(h, spec);
    }

    @Override
    public Estimate mutualInformation(Matrix x, Matrix y) {
        Samples.check(x, y);
        return new Estimate(conditionalInformation(null, x, y) - bias(x.cols(), y.cols(), 0, x.rows()), spec);
    }

    @Override
    public Estimate conditionalMutualInformation(Matrix x, Matrix y, Matrix z) {
        Samples.check(x, y, z);
        return new Estimate(conditionalInformation(z, x, y) - bias(x.cols(), y.cols(), z.cols(), x.rows()), spec);
    }

    /**
     * I(X;Y|Z) (Z may be null) = ½ [log det R_{B|Z} − log det R_{B|ZA}] with A the narrower of X and Y, from
     * one Cholesky factorisation of the correlation matrix ordered [Z A B]. The four log-determinants of the
     * definition share one ridge: when the whole matrix does not factorise, the ridge grows tenfold for all of
     * them, so a direction that is singular in several blocks cancels instead of getting a different ridge in each.
     */
    private double conditionalInformation(Matrix z, Matrix x, Matrix y) {
        Matrix a = x.cols() <= y.cols() ? x : y;
        Matrix b = a == x ? y : x;
        int r = z == null ? 0 : z.cols();
        Correlations c = z == null ? Correlations.of(a, b) : Correlations.of(z, a, b);
        double lambda = ridge;
        for (int attempt = 0; attempt < 12; attempt++) {
            double drop = NativeLinearAlgebra.conditionalLogDetDrop(c.correlation, r, a.cols(), b.cols(), lambda);
            if (!Double.isNaN(drop)) {
                return 0.5 * drop;
            }
            lambda = Math.max(lambda * 10, 1e-12);
        }
        throw new ArithmeticException("correlation matrix is not positive definite even with ridge " + lambda);
    }

    @Override
    public Estimate mutualInformationWithLabels(Matrix x, int[] labels) {
        Samples.checkLabels(x, labels);
        return mutualInformation(x, Samples.oneHotDropLast(Samples.denseLabels(labels)));
    }

    @Override
    public Estimate conditionalMutualInformationWithLabels(Matrix x, int[] labels, Matrix z) {
        Samples.checkLabels(x, labels);
        return conditionalMutualInformation(x, Samples.oneHotDropLast(Samples.denseLabels(labels)), z);
    }

    /** One correlation of [X Y], then I(x_j; Y) = −½ log(1 − r_jᵀ (R_Y + λI)⁻¹ r_j / (1 + λ)) for every column. */
    @Override
    public double[] mutualInformationPerColumn(Matrix x, Matrix y) {
        Samples.check(x, y);
        int n = x.rows();
        int p = x.cols();
        int q = y.cols();
        double[] zx = Correlations.standardized(x);
        double[] zy = Correlations.standardized(y);
        double[] cyy = NativeLinearAlgebra.crossProduct(zy, n, q, 1.0 / (n - 1));
        for (int j = 0; j < q; j++) {
            cyy[j * q + j] = 1.0;
        }
        double[] inv = regularizedInverse(cyy, q);
        double[] cxy = NativeLinearAlgebra.crossProduct(zx, p, zy, q, n);
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            double quad = 0;
            for (int a = 0; a < q; a++) {
                double s = 0;
                for (int b = 0; b < q; b++) {
                    s += inv[a * q + b] * cxy[j * q + b];
                }
                quad += cxy[j * q + a] * s;
            }
            quad /= (n - 1.0) * (n - 1.0) * (1 + ridge);
            out[j] = Math.max(0, -0.5 * Math.log(Math.max(1 - quad, 1e-300))) - bias(1, q, 0, n);
        }
        return out;
    }

    @Override
    public double[] mutualInformationWithLabelsPerColumn(Matrix x, int[] labels) {
        Samples.checkLabels(x, labels);
        return mutualInformationPerColumn(x, Samples.oneHotDropLast(Samples.denseLabels(labels)));
    }

    /**
     * I(x_j; Y | all other columns of X) for every column, exactly, from two inverses:
     * ½ [log ((R_XY)⁻¹)_jj − log ((R_X)⁻¹)_jj]. This is what "information about the labels that only this node
     * has" means under the Gaussian assumption, with the whole layer as the conditioning set.
     */
    public double[] conditionalMutualInformationGivenRest(Matrix x, Matrix y) {
        Samples.check(x, y);
        int p = x.cols();
        int q = y.cols();
        Correlations c = Correlations.of(x, y);
        double[] invJoint = regularizedInverse(c.correlation, p + q);
        double[] invX = regularizedInverse(c.block(Correlations.range(0, p)), p);
        double[] out = new double[p];
        for (int j = 0; j < p; j++) {
            out[j] = Math.max(0, 0.5 * (Math.log(invJoint[j * (p + q) + j]) - Math.log(invX[j * p + j])))
                    - bias(1, q, p - 1, x.rows());
        }
        return out;
    }

    /** As {@link #conditionalMutualInformationGivenRest(Matrix, Matrix)} with one-hot labels as Y. */
    public double[] conditionalMutualInformationWithLabelsGivenRest(Matrix x, int[] labels) {
        Samples.checkLabels(x, labels);
        return conditionalMutualInformationGivenRest(x, Samples.oneHotDropLast(Samples.denseLabels(labels)));
    }

    private double logDet(double[] corr, int d) {
        double lambda = ridge;
        for (int attempt = 0; attempt < 12; attempt++) {
            double v = NativeLinearAlgebra.logDeterminant(corr, d, lambda);
            if (!Double.isNaN(v)) {
                return v;
            }
            lambda = Math.max(lambda * 10, 1e-12);
        }
        throw new ArithmeticException("correlation matrix is not positive definite even with ridge " + lambda);
    }

    private double[] regularizedInverse(double[] corr, int d) {
        double lambda = ridge;
        for (int attempt = 0; attempt < 12; attempt++) {
            double[] inv = NativeLinearAlgebra.inverse(withRidge(corr, d, lambda), d);
            if (inv != null) {
                return inv;
            }
            lambda = Math.max(lambda * 10, 1e-12);
        }
        throw new ArithmeticException("correlation matrix is not positive definite even with ridge " + lambda);
    }

    private static double[] withRidge(double[] corr, int d, double lambda) {
        if (lambda == 0) {
            return corr;
        }
        double[] a = corr.clone();
        for (int i = 0; i < d; i++) {
            a[i * d + i] += lambda;
        }
        return a;
    }
}
