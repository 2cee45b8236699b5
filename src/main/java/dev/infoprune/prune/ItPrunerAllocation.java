package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.CaptureOptions;
import dev.infoprune.info.LinearCka;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * ITPruner's layer-wise width allocation (Zheng et al., arXiv 2108.08532, as their {@code feature_extract.py}
 * computes it). Every prunable layer's post-activation output on one batch is flattened per sample (conv
 * layers: the whole feature map, or a seeded subsample of its positions), linear CKA is computed between
 * every pair of layers, {@code sᵢ = Σⱼ≠ᵢ CKA(i, j)} is normalised by its sum over layers and
 * {@code αᵢ = exp(−β·s̄ᵢ)}: a layer that resembles many others is taken to be redundant. The kept ratios
 * maximise {@code Σ αᵢ xᵢ} under a budget on the MACs of the whole network (conv, dense, batch norm, pooling:
 * {@link WidthFlops#wholeNetwork}), by default with their continuous relaxation from x = 1 and rounding
 * ({@link RelaxedWidthAllocation}), or exactly over whole units ({@link BudgetedWidthAllocation},
 * {@code solver = exact}). Inside each layer the units with the largest L1 norm of incoming weights are kept,
 * counting only the input channels the previous layer keeps.
 *
 * <p>On a graph network the layers are its {@link UncoupledLayers} (e.g. the first conv of each residual block):
 * CKA and the allocation cover them, the MACs budget counts the whole network with the coupled layers at full
 * width, and the coupled layers keep all their units.
 *
 * <p>With two prunable layers (or one) CKA's symmetry makes every αᵢ equal, so the allocation is a pure MACs
 * allocation; the plan says so.
 *
 * <p>The budget is either a fraction of the network's MACs or, for comparisons at a unit sparsity s, the
 * MACs of the uniform allocation that keeps {@code round((1−s)·units)} in every layer: the same compute as
 * local magnitude pruning at s, distributed by importance instead of evenly.
 */
public final class ItPrunerAllocation implements PruningMethod {
    public static final String NAME = "itpruner";
    /** The β of their VGG example (ToyExample, CIFAR-10); their other scripts use 243 to 500. */
    public static final double DEFAULT_BETA = 231;
    public static final int DEFAULT_BATCH = 256;

    public enum Solver {
        /** Their continuous relaxation from x = 1, then rounding ({@link RelaxedWidthAllocation}). */
        RELAXED,
        /** The exact optimum over whole units ({@link BudgetedWidthAllocation}). */
        EXACT
    }

    /**
     * Exactly one of {@code macsFraction} and {@code sparsity} is set (the other NaN). {@code positions} is the
     * number of positions drawn (with {@code seed}) from each conv feature map, 0 for the whole map.
     */
    public record Settings(double macsFraction, double sparsity, double beta, int batch, long seed, Solver solver,
                           int positions) {
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
            if (!(beta >= 0) || Double.isInfinite(beta)) {
                throw new IllegalArgumentException("beta must be a finite number ≥ 0, got " + beta);
            }
            if (positions < 0) {
                throw new IllegalArgumentException("positions must be 0 (whole maps) or positive, got " + positions);
            }
            if (solver == null) {
                throw new IllegalArgumentException("no solver given");
            }
        }

        public static Settings atMacsFraction(double fraction) {
            return new Settings(fraction, Double.NaN, DEFAULT_BETA, DEFAULT_BATCH, 0, Solver.RELAXED, 0);
        }

        public static Settings atSparsity(double sparsity) {
            return new Settings(Double.NaN, sparsity, DEFAULT_BETA, DEFAULT_BATCH, 0, Solver.RELAXED, 0);
        }

        public Settings withBeta(double b) {
            return new Settings(macsFraction, sparsity, b, batch, seed, solver, positions);
        }

        public Settings withBatch(int b) {
            return new Settings(macsFraction, sparsity, beta, b, seed, solver, positions);
        }

        public Settings withSeed(long s) {
            return new Settings(macsFraction, sparsity, beta, batch, s, solver, positions);
        }

        public Settings withSolver(Solver s) {
            return new Settings(macsFraction, sparsity, beta, batch, seed, s, positions);
        }

        public Settings withPositions(int p) {
            return new Settings(macsFraction, sparsity, beta, batch, seed, solver, p);
        }
    }

    /**
     * Everything the allocation computed, for reports: the pairwise CKA, the similarity sums s and their
     * normalised values s̄, α, the budget, the continuous ratios (null for the exact solver) and the allocation.
     */
    public record Result(List<String> layers, double[][] cka, double[] importance, double[] normalised,
                         double[] alpha, double budget, double[] relaxed,
                         BudgetedWidthAllocation.Allocation allocation, PruningPlan plan) {
    }

    private final Settings settings;
    private final Dataset probeInputs;

    public ItPrunerAllocation(Settings settings) {
        this(settings, null);
    }

    /**
     * @param probeInputs the probe split the activations were captured on; given, the feature maps are
     *                    captured again from its first {@code batch} samples, flattened (or at {@code positions}
     *                    positions); null: the activations handed to {@link #plan} are used as they are
     */
    public ItPrunerAllocation(Settings settings, Dataset probeInputs) {
        this.settings = settings;
        this.probeInputs = probeInputs;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public PruningMethod withProbeInputs(Dataset inputs) {
        return new ItPrunerAllocation(settings, inputs);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PlanResult plan(Network network, Activations probe, Progress progress) {
        return PlanResult.of(allocate(network, probe, progress).plan());
    }

    public Result allocate(Network network, Activations probe, Progress progress) {
        List<String> layers = UncoupledLayers.names(network);
        int n = layers.size();
        Activations maps = probe;
        String source = "given activations (conv filters as captured: spatial means unless captured raw)";
        if (probeInputs != null) {
            CaptureOptions capture = settings.positions() > 0
                    ? CaptureOptions.positions(settings.positions(), settings.seed()) : CaptureOptions.raw();
            maps = ActivationCapture.capture(network, probeInputs.head(settings.batch()), capture,
                    progress.slice(0, 0.3));
            source = settings.positions() > 0
                    ? "post-activation maps at " + settings.positions() + " seeded positions per filter"
                    : "flattened post-activation maps";
        }
        int[] rows = IntStream.range(0, Math.min(settings.batch(), maps.samples())).toArray();
        List<Matrix> acts = new ArrayList<>();
        for (String layer : layers) {
            Matrix m = maps.of(layer).selectRows(rows);
            int[] bad = m.firstNonFinite();
            if (bad != null) {
                throw new BadInputException("activations of layer " + layer,
                        "non-finite value at sample " + bad[0] + ", column " + bad[1]);
            }
            acts.add(m);
        }
        progress.checkCancelled();
        progress.update("ITPruner: layer similarity", 0, 2);
        double[][] cka = LinearCka.pairwise(acts);
        double[] s = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    s[i] += cka[i][j];
                }
            }
            total += s[i];
        }
        double[] normalised = new double[n];
        double[] alpha = new double[n];
        for (int i = 0; i < n; i++) {
            normalised[i] = total > 0 ? s[i] / total : 0;
            alpha[i] = Math.exp(-settings.beta() * normalised[i]);
        }
        progress.update("ITPruner: allocating widths", 1, 2);
        WidthFlops flops = WidthFlops.wholeNetwork(network);
        double budget = budget(flops);
        double[] relaxed = null;
        BudgetedWidthAllocation exact = new BudgetedWidthAllocation(flops, alpha);
        BudgetedWidthAllocation.Allocation allocation;
        if (settings.solver() == Solver.EXACT) {
            allocation = exact.solve(budget);
        } else {
            RelaxedWidthAllocation.Result r = new RelaxedWidthAllocation(flops, alpha).solve(budget);
            relaxed = r.relaxed();
            double[] ratios = new double[n];
            for (int i = 0; i < n; i++) {
                ratios[i] = (double) r.kept()[i] / flops.units(i);
            }
            allocation = new BudgetedWidthAllocation.Allocation(ratios, r.kept(), exact.objective(r.kept()),
                    flops.macs(r.kept()));
        }
        Map<String, int[]> kept = GroupPlans.everyLayer(network, keptUnits(network, allocation.kept()));
        Map<String, Object> described = new LinkedHashMap<>();
        if (Double.isNaN(settings.sparsity())) {
            described.put("macsFraction", settings.macsFraction());
        } else {
            described.put("sparsity", settings.sparsity());
        }
        described.put("beta", settings.beta());
        described.put("batch", rows.length);
        described.put("activations", source);
        described.put("solver", settings.solver().name().toLowerCase(java.util.Locale.ROOT));
        described.put("macsBudget", Math.round(budget));
        if (n <= 2) {
            described.put("allocation", "pure MACs allocation: with " + n + " prunable layer" + (n == 1 ? "" : "s")
                    + " CKA's symmetry makes alpha the same for every layer");
        }
        progress.update("ITPruner done", 2, 2);
        PruningPlan plan = new PruningPlan(NAME, described, settings.seed(), kept);
        return new Result(layers, cka, s, normalised, alpha, budget, relaxed, allocation, plan);
    }

    /** True when the allocation ignores importance: fewer than three prunable layers. */
    public static boolean isPureMacsAllocation(Network network) {
        return UncoupledLayers.names(network).size() <= 2;
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

    /**
     * Each layer's {@code counts[i]} units with the largest L1 norm of incoming weights, input side first, the
     * norm taken over the input channels the previous prunable layer keeps (all of them for the first layer
     * and after layers that change the channel layout in ways other than flattening). On a graph network the
     * {@link UncoupledLayers} (whose widths the allocation sets), each by the L1 norm over all its inputs.
     */
    static Map<String, int[]> keptUnits(Network network, int[] counts) {
        if (network.isGraph()) {
            List<String> layers = UncoupledLayers.names(network);
            Map<String, int[]> kept = new LinkedHashMap<>();
            for (int i = 0; i < counts.length; i++) {
                kept.put(layers.get(i), topByL1(network.layer(network.indexOf(layers.get(i))), counts[i]));
            }
            return kept;
        }
        int[] prunable = network.prunableLayerIndices();
        Map<String, int[]> kept = new LinkedHashMap<>();
        int[] previousKept = null;
        int previousUnits = 0;
        for (int i = 0; i < prunable.length; i++) {
            Layer layer = network.layer(prunable[i]);
            int[] inputs = previousKept == null ? null : inputColumns(layer, previousKept, previousUnits);
            int[] chosen = topByL1(layer, counts[i], inputs);
            kept.put(layer.name(), chosen);
            previousKept = chosen;
            previousUnits = layer.units();
        }
        return kept;
    }

    /**
     * The input indices of {@code layer}'s weight rows that come from the kept units of the previous layer:
     * the channels themselves, or, for a dense layer after a flatten, each channel's block of positions.
     */
    private static int[] inputColumns(Layer layer, int[] keptPrevious, int previousUnits) {
        int[] shape = layer.weights().get("weight").shape();
        int fanIn = shape[1];
        if (fanIn % previousUnits != 0) {
            return null;
        }
        int block = fanIn / previousUnits;
        int[] cols = new int[keptPrevious.length * block];
        int p = 0;
        for (int c : keptPrevious) {
            for (int b = 0; b < block; b++) {
                cols[p++] = c * block + b;
            }
        }
        return cols;
    }

    /** The {@code count} units with the largest L1 norm of incoming weights (ties: lower index). */
    static int[] topByL1(Layer layer, int count) {
        return topByL1(layer, count, null);
    }

    /**
     * As above, the norm summed over the input indices {@code inputs} only (for a conv layer the input channels,
     * each with its whole kernel); null: over all inputs.
     */
    static int[] topByL1(Layer layer, int count, int[] inputs) {
        var weight = layer.weights().get("weight");
        int[] shape = weight.shape();
        int fanIn = shape[1];
        int perInput = 1;
        for (int d = 2; d < shape.length; d++) {
            perInput *= shape[d];
        }
        float[] w = weight.data();
        int stride = fanIn * perInput;
        double[] norm = new double[layer.units()];
        for (int u = 0; u < norm.length; u++) {
            if (inputs == null) {
                norm[u] = weight.sliceL1(u);
                continue;
            }
            double sum = 0;
            for (int c : inputs) {
                int base = u * stride + c * perInput;
                for (int k = 0; k < perInput; k++) {
                    sum += Math.abs(w[base + k]);
                }
            }
            norm[u] = sum;
        }
        Integer[] idx = IntStream.range(0, layer.units()).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.comparingDouble((Integer u) -> -norm[u]).thenComparingInt(u -> u));
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = idx[i];
        }
        Arrays.sort(out);
        return out;
    }
}
