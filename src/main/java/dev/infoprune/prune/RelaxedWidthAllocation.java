package dev.infoprune.prune;

/**
 * ITPruner's allocation as its code solves it: maximise {@code Σ αᵢ xᵢ} over continuous kept ratios
 * {@code xᵢ ∈ [0, 1]} subject to {@code MACs(x) ≤ budget}, by a local method started at {@code x = 1}, then
 * round {@code xᵢ·unitsᵢ} to whole units (half to even, as NumPy's {@code around}).
 *
 * <p>Their code hands this to SciPy's SLSQP. This is an SLSQP-like method written out: each step solves the
 * quadratic subproblem {@code max α·d − ½‖d‖²} subject to the constraint linearised at x
 * ({@code MACs(x) + ∇MACs(x)·d ≤ budget}) and the box, whose solution is {@code x⁺ = clip(x + α − μ∇MACs(x)/B)}
 * with the multiplier μ ≥ 0 found by bisection (the identity Hessian of SLSQP's first iteration, kept fixed).
 * It stops when a step changes the objective by at most {@value #TOLERANCE} (SLSQP's default accuracy) and the
 * constraint holds to that relative tolerance, or after {@value #MAX_ITERATIONS} steps.
 *
 * <p>Because the MACs are bilinear in neighbouring ratios, the feasible set is not convex and a linear
 * objective's global optimum lies on its corners (which {@link BudgetedWidthAllocation} finds exactly). The
 * local method does not go there when α is small in absolute terms, as {@code exp(−β·s̄)} is for the β of
 * their scripts: each step is then dominated by the constraint's pull, and the method stops near the first
 * feasible point, each layer cut in proportion to its MACs gradient and tilted by α — the balanced widths the
 * paper publishes. With α near 1 (small β) the steps follow α along the boundary towards a corner.
 *
 * <p>Rounding can overshoot the budget by a few units; single units are then removed, the one losing the least
 * objective per MAC saved ({@code (αᵢ/unitsᵢ) / ΔMACs}) first, so the result always fits. Every layer keeps at
 * least one unit.
 */
public final class RelaxedWidthAllocation {
    static final double TOLERANCE = 1e-6;
    static final int MAX_ITERATIONS = 100;

    /** The continuous ratios, the whole-unit counts after rounding and repair, and the steps taken. */
    public record Result(double[] relaxed, int[] kept, int iterations) {
    }

    private final WidthFlops flops;
    private final double[] alpha;

    public RelaxedWidthAllocation(WidthFlops flops, double[] alpha) {
        if (alpha.length != flops.layers()) {
            throw new IllegalArgumentException(alpha.length + " weights for " + flops.layers() + " layers");
        }
        this.flops = flops;
        this.alpha = alpha.clone();
    }

    public Result solve(double budget) {
        int n = alpha.length;
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1);
        int iterations = 0;
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            iterations = it;
            double c = flops.macs(x) / budget - 1;
            double[] h = flops.gradient(x);
            for (int i = 0; i < n; i++) {
                h[i] /= budget;
            }
            double mu = multiplier(x, c, h);
            double[] y = step(x, h, mu);
            double change = 0;
            for (int i = 0; i < n; i++) {
                change += alpha[i] * (y[i] - x[i]);
            }
            x = y;
            if (Math.abs(change) <= TOLERANCE && flops.macs(x) / budget - 1 <= TOLERANCE) {
                break;
            }
        }
        return new Result(x, keptCounts(x, budget), iterations);
    }

    private double[] step(double[] x, double[] h, double mu) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.min(1.0, Math.max(0.0, x[i] + alpha[i] - mu * h[i]));
        }
        return y;
    }

    private static double linearised(double[] x, double c, double[] h, double[] y) {
        double v = c;
        for (int i = 0; i < x.length; i++) {
            v += h[i] * (y[i] - x[i]);
        }
        return v;
    }

    /** The smallest μ ≥ 0 whose step satisfies the linearised constraint (bisection; it is monotone in μ). */
    private double multiplier(double[] x, double c, double[] h) {
        if (linearised(x, c, h, step(x, h, 0)) <= 0) {
            return 0;
        }
        double lo = 0;
        double hi = 1;
        while (linearised(x, c, h, step(x, h, hi)) > 0 && hi < 1e30) {
            hi *= 2;
        }
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (linearised(x, c, h, step(x, h, mid)) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private int[] keptCounts(double[] x, double budget) {
        int n = x.length;
        int[] k = new int[n];
        for (int i = 0; i < n; i++) {
            k[i] = Math.max(1, (int) Math.rint(x[i] * flops.units(i)));
        }
        while (flops.macs(k) > budget) {
            int best = -1;
            double bestRate = 0;
            double now = flops.macs(k);
            for (int i = 0; i < n; i++) {
                if (k[i] <= 1) {
                    continue;
                }
                k[i]--;
                double saved = now - flops.macs(k);
                k[i]++;
                double rate = alpha[i] / flops.units(i) / saved;
                if (best < 0 || rate < bestRate) {
                    best = i;
                    bestRate = rate;
                }
            }
            if (best < 0) {
                break;
            }
            k[best]--;
        }
        return k;
    }
}
