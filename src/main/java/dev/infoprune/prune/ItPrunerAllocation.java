package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * ITPruner's layer-wise width allocation (Zheng et al., arXiv 2108.08532). Layers that resemble many other
 * layers are taken to be redundant: with linear CKA between every pair of prunable layers' activations on one
 * batch, {@code sᵢ = Σⱼ≠ᵢ CKA(i, j)}, normalised by the largest, gives {@code αᵢ = exp(−β·s̄ᵢ)}. The kept
 * ratios maximise {@code Σ αᵢ xᵢ} under a MACs budget ({@link BudgetedWidthAllocation}); inside each layer the
 * units with the largest L1 norm of incoming weights are kept.
 *
 * <p>The budget is either a fraction of the network's MACs or, for comparisons at a unit sparsity s, the
 * MACs of the uniform allocation that keeps {@code round((1−s)·units)} in every layer: the same compute as
 * local magnitude pruning at s, distributed by importance instead of evenly.
 */
public final class ItPrunerAllocation implements PruningMethod {
    public static final String NAME = "itpruner";

    /** Exactly one of {@code macsFraction} and {@code sparsity} is set (the other NaN). */
    public record Settings(double macsFraction, double sparsity, double beta, int batch, long seed) {
        public Settings {
            if (Double.isNaN(macsFraction) == Double.isNaN(sparsity)) {
                throw new IllegalArgumentException("give ITPruner either a MACs fraction or a sparsity");
            }
            if (!Double.isNaN(macsFraction) && !(macsFraction > 0 && macsFraction <= 1)) {
                throw new IllegalArgumentException("the MACs fraction must be in (0, 1], got " + macsFraction);
            }
            if (!Double.isNaN(sparsity) && !(sparsity >= 0 && sparsity < 1)) {
                throw new IllegalArgumentException("the sparsity must be in [0, 1), got " + sparsity);
            }
            if (batch < 4) {
                throw new IllegalArgumentException("ITPruner needs a batch of at least 4 samples, got " + batch);
            }
        }

        public static Settings atMacsFraction(double fraction) {
            return new Settings(fraction, Double.NaN, 1.0, 256, 0);
        }

        public static Settings atSparsity(double sparsity) {
            return new Settings(Double.NaN, sparsity, 1.0, 256, 0);
        }

        public Settings withBeta(double b) {
            return new Settings(macsFraction, sparsity, b, batch, seed);
        }

        public Settings withBatch(int b) {
            return new Settings(macsFraction, sparsity, beta, b, seed);
        }

        public Settings withSeed(long s) {
            return new Settings(macsFraction, sparsity, beta, batch, s);
        }
    }

    /** Everything the allocation computed, for reports. */
    public record Result(List<String> layers, double[][] cka, double[] importance, double[] alpha,
                         double budget, BudgetedWidthAllocation.Allocation allocation, PruningPlan plan) {
    }

    private final Settings settings;

    public ItPrunerAllocation(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PruningPlan plan(Network network, Activations probe, Progress progress) {
        return allocate(network, probe, progress).plan();
    }

    public Result allocate(Network network, Activations probe, Progress progress) {
        List<String> layers = network.prunableLayerNames();
        int n = layers.size();
        int[] rows = IntStream.range(0, Math.min(settings.batch(), probe.samples())).toArray();
        Matrix[] acts = new Matrix[n];
        for (int i = 0; i < n; i++) {
            acts[i] = probe.of(layers.get(i)).selectRows(rows);
            int[] bad = acts[i].firstNonFinite();
            if (bad != null) {
                throw new BadInputException("activations of layer " + layers.get(i),
                        "non-finite value at sample " + bad[0] + ", unit " + bad[1]);
            }
        }
        progress.update("ITPruner: layer similarity", 0, 2);
        double[][] cka = new double[n][n];
        for (int i = 0; i < n; i++) {
            cka[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                progress.checkCancelled();
                cka[i][j] = cka[j][i] = LinearCka.between(acts[i], acts[j]);
            }
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    s[i] += cka[i][j];
                }
            }
        }
        double max = Arrays.stream(s).max().orElse(0);
        double[] alpha = new double[n];
        for (int i = 0; i < n; i++) {
            double normalised = max > 0 ? s[i] / max : 0;
            alpha[i] = Math.exp(-settings.beta() * normalised);
        }
        progress.update("ITPruner: allocating widths", 1, 2);
        WidthFlops flops = WidthFlops.of(network);
        double budget = budget(flops);
        BudgetedWidthAllocation.Allocation allocation =
                new BudgetedWidthAllocation(flops, alpha).solve(budget);
        Map<String, int[]> kept = new LinkedHashMap<>();
        int[] prunable = network.prunableLayerIndices();
        for (int i = 0; i < n; i++) {
            kept.put(layers.get(i), topByL1(network.layer(prunable[i]), allocation.kept()[i]));
        }
        Map<String, Object> described = new LinkedHashMap<>();
        if (Double.isNaN(settings.sparsity())) {
            described.put("macsFraction", settings.macsFraction());
        } else {
            described.put("sparsity", settings.sparsity());
        }
        described.put("beta", settings.beta());
        described.put("batch", rows.length);
        described.put("macsBudget", Math.round(budget));
        progress.update("ITPruner done", 2, 2);
        PruningPlan plan = new PruningPlan(NAME, described, settings.seed(), kept);
        return new Result(layers, cka, s, alpha, budget, allocation, plan);
    }

    private double budget(WidthFlops flops) {
        if (!Double.isNaN(settings.macsFraction())) {
            return settings.macsFraction() * flops.fullMacs();
        }
        int[] uniform = new int[flops.layers()];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = Math.max(1, (int) Math.round((1 - settings.sparsity()) * flops.units(i)));
        }
        return flops.macs(uniform);
    }

    /** The {@code count} units with the largest L1 norm of incoming weights (ties: lower index). */
    static int[] topByL1(Layer layer, int count) {
        var weight = layer.weights().get("weight");
        Integer[] idx = IntStream.range(0, layer.units()).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.comparingDouble((Integer u) -> -weight.sliceL1(u)).thenComparingInt(u -> u));
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = idx[i];
        }
        Arrays.sort(out);
        return out;
    }
}
