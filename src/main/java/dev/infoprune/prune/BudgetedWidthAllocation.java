package dev.infoprune.prune;

import java.util.Arrays;

/**
 * Whole-unit kept counts kᵢ ∈ [1, unitsᵢ] that maximise {@code Σ αᵢ kᵢ/unitsᵢ} subject to
 * {@code MACs(k) ≤ budget} (ITPruner's allocation problem on the widths a network can actually have).
 *
 * <p>The constraint is bilinear in neighbouring layers' ratios, so the problem is not convex, but it is a
 * chain: every MACs term involves one layer or two neighbouring layers. For a price λ ≥ 0 on MACs, the
 * Lagrangian {@code Σ αᵢ kᵢ/unitsᵢ − λ·MACs(k)} is therefore maximised exactly over all integer widths by
 * dynamic programming along the chain (O(L·U²)). Bisection on λ finds the cheapest price whose exact
 * maximiser fits the budget; that maximiser is optimal among all allocations costing no more than it does.
 * What it leaves of the budget (the duality gap) is then spent greedily, best objective gain per MAC first,
 * followed by a local search that moves units from one layer to another and re-spends what is left while
 * that improves the objective. Tests compare the result with exhaustive search on small networks.
 */
public final class BudgetedWidthAllocation {
    /** The kept ratios, whole-unit counts, the objective and the MACs they cost. */
    public record Allocation(double[] ratios, int[] kept, double objective, double macs) {
    }

    private final WidthFlops flops;
    private final double[] weights;

    public BudgetedWidthAllocation(WidthFlops flops, double[] weights) {
        if (weights.length != flops.layers()) {
            throw new IllegalArgumentException(weights.length + " weights for " + flops.layers() + " layers");
        }
        this.flops = flops;
        this.weights = weights.clone();
    }

    public Allocation solve(double budget) {
        int n = flops.layers();
        int[] minimal = new int[n];
        Arrays.fill(minimal, 1);
        if (flops.macs(minimal) >= budget) {
            return allocation(minimal);
        }
        int[] full = flops.units();
        if (flops.macs(full) <= budget) {
            return allocation(full);
        }
        double lo = 0;
        double hi = 1.0 / flops.fullMacs();
        int[] feasible = maximiseLagrangian(hi);
        while (flops.macs(feasible) > budget) {
            lo = hi;
            hi *= 4;
            feasible = maximiseLagrangian(hi);
        }
        for (int it = 0; it < 100 && hi - lo > 1e-15 * hi; it++) {
            double mid = (lo + hi) / 2;
            int[] k = maximiseLagrangian(mid);
            if (flops.macs(k) <= budget) {
                hi = mid;
                feasible = k;
            } else {
                lo = mid;
            }
        }
        int[] k = fill(feasible, budget);
        return allocation(improve(k, budget));
    }

    /** The objective of whole-unit counts. */
    public double objective(int[] kept) {
        double v = 0;
        for (int i = 0; i < kept.length; i++) {
            v += weights[i] * kept[i] / flops.units(i);
        }
        return v;
    }

    private Allocation allocation(int[] kept) {
        double[] ratios = new double[kept.length];
        for (int i = 0; i < kept.length; i++) {
            ratios[i] = (double) kept[i] / flops.units(i);
        }
        return new Allocation(ratios, kept.clone(), objective(kept), flops.macs(kept));
    }

    /** argmax over integer widths of Σ αᵢ kᵢ/uᵢ − λ·MACs(k), exactly, by dynamic programming along the chain. */
    int[] maximiseLagrangian(double lambda) {
        int n = flops.layers();
        double[][] value = new double[n][];
        int[][] from = new int[n][];
        for (int i = 0; i < n; i++) {
            int u = flops.units(i);
            value[i] = new double[u + 1];
            from[i] = new int[u + 1];
            for (int k = 1; k <= u; k++) {
                double own = weights[i] * k / u - lambda * flops.unaryMacs(i) * k / u;
                if (i == 0) {
                    value[i][k] = own;
                    continue;
                }
                int up = flops.units(i - 1);
                double pair = lambda * flops.pairMacs(i) * k / u / up;
                double best = Double.NEGATIVE_INFINITY;
                int arg = 1;
                for (int a = 1; a <= up; a++) {
                    double v = value[i - 1][a] - pair * a;
                    if (v > best) {
                        best = v;
                        arg = a;
                    }
                }
                value[i][k] = best + own;
                from[i][k] = arg;
            }
        }
        int[] k = new int[n];
        double best = Double.NEGATIVE_INFINITY;
        for (int c = 1; c <= flops.units(n - 1); c++) {
            if (value[n - 1][c] > best) {
                best = value[n - 1][c];
                k[n - 1] = c;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            k[i - 1] = from[i][k[i]];
        }
        return k;
    }

    /** Adds single units, best objective gain per extra MAC first, while the budget allows. */
    private int[] fill(int[] start, double budget) {
        int[] kept = start.clone();
        double used = flops.macs(kept);
        while (true) {
            int best = -1;
            double bestRate = 0;
            double bestCost = 0;
            for (int i = 0; i < kept.length; i++) {
                if (kept[i] >= flops.units(i) || weights[i] <= 0) {
                    continue;
                }
                kept[i]++;
                double cost = flops.macs(kept) - used;
                kept[i]--;
                if (used + cost > budget) {
                    continue;
                }
                double rate = weights[i] / flops.units(i) / Math.max(cost, 1e-300);
                if (rate > bestRate) {
                    bestRate = rate;
                    best = i;
                    bestCost = cost;
                }
            }
            if (best < 0) {
                return kept;
            }
            kept[best]++;
            used += bestCost;
        }
    }

    /**
     * Local search: drop d units of one layer (every d up to 16, then doubling), give as many units as then
     * fit to one other layer (or to none), re-spend the rest greedily, and keep the change if it pays; repeat
     * until nothing improves.
     */
    private int[] improve(int[] start, double budget) {
        int[] kept = start;
        double value = objective(kept);
        boolean changed = true;
        int n = kept.length;
        for (int round = 0; changed && round < 1000; round++) {
            changed = false;
            for (int i = 0; i < n; i++) {
                for (int d = 1; d < kept[i]; d = d < 16 ? d + 1 : d * 2) {
                    for (int j = -1; j < n; j++) {
                        if (j == i) {
                            continue;
                        }
                        int[] trial = kept.clone();
                        trial[i] -= d;
                        if (j >= 0) {
                            growWhileAffordable(trial, j, budget);
                        }
                        trial = fill(trial, budget);
                        double v = objective(trial);
                        if (v > value + 1e-12) {
                            kept = trial;
                            value = v;
                            changed = true;
                        }
                    }
                }
            }
        }
        return kept;
    }

    private void growWhileAffordable(int[] kept, int layer, double budget) {
        while (kept[layer] < flops.units(layer)) {
            kept[layer]++;
            if (flops.macs(kept) > budget) {
                kept[layer]--;
                return;
            }
        }
    }
}
