package dev.infoprune.info;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of the {@code gaussian} estimator, one set for every Gaussian estimate ({@link GaussianEstimator},
 * {@link GaussianSession}). Callers give their own defaults explicitly (MIPP's session: ridge 1e-3, bias-corrected).
 *
 * @param ridge         added to the diagonal of the correlation matrices (of T's in the session: T is observed
 *                      through this much noise, relative to its standardised variance)
 * @param biasCorrected subtract the estimate's expectation under independence (the Gaussian plug-in estimate is
 *                      −½ ln of Wilks' Λ, whose expectation is a sum of digammas, {@link #independenceBias})
 */
public record GaussianParameters(double ridge, boolean biasCorrected) {
    public static final String NAME = GaussianEstimator.NAME;
    public static final String RIDGE = "ridge";
    public static final String BIAS_CORRECTED = "bias-corrected";

    /** These parameters with every one the spec names replaced; a parameter the estimator lacks is an error. */
    public GaussianParameters with(EstimatorSpec spec) {
        double r = ridge;
        boolean corrected = biasCorrected;
        for (Map.Entry<String, Object> e : spec.parameters().entrySet()) {
            switch (e.getKey()) {
                case RIDGE -> r = Double.parseDouble(String.valueOf(e.getValue()));
                case BIAS_CORRECTED -> corrected = Boolean.parseBoolean(String.valueOf(e.getValue()));
                default -> throw new IllegalArgumentException("the gaussian estimator has no parameter " + e.getKey()
                        + " (it takes ridge and bias-corrected)");
            }
        }
        return new GaussianParameters(r, corrected);
    }

    /** Every parameter, as plans and traces record it. */
    public EstimatorSpec spec() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(RIDGE, ridge);
        p.put(BIAS_CORRECTED, biasCorrected);
        return new EstimatorSpec(NAME, p);
    }

    /** The estimator's catalogue entry with these parameters as the defaults. */
    public Estimators.Description description() {
        return new Estimators.Description(NAME, "closed form from correlation log-determinants; exact for jointly Gaussian data",
                java.util.List.of(new Estimators.Parameter(RIDGE, String.valueOf(ridge), "added to every correlation matrix's diagonal"),
                        new Estimators.Parameter(BIAS_CORRECTED, String.valueOf(biasCorrected),
                                "subtract the estimate's expectation under independence")));
    }

    /**
     * E[Î(S;T)] under independence with |S| = k, |T| = t and m samples: ½ Σ_{j=1..t} ψ((ν−j+1)/2) − ψ((ν−k−j+1)/2),
     * ν = m − 1; 0 for k = 0. An IllegalArgumentException when m is not larger than k + t.
     */
    public static double independenceBias(int k, int t, int samples) {
        if (k == 0) {
            return 0;
        }
        int nu = samples - 1;
        if (nu - k - t + 1 <= 0) {
            throw new IllegalArgumentException("the Gaussian estimate needs more samples per subsample (" + samples
                    + ") than units plus targets (" + (k + t) + ")");
        }
        double s = 0;
        for (int j = 1; j <= t; j++) {
            s += org.apache.commons.math3.special.Gamma.digamma((nu - j + 1) / 2.0)
                    - org.apache.commons.math3.special.Gamma.digamma((nu - k - j + 1) / 2.0);
        }
        return 0.5 * s;
    }
}
