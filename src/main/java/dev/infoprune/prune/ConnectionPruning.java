package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.Gradients;
import dev.infoprune.engine.HessianGradient;
import dev.infoprune.engine.SynapticFlow;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The connection-sensitivity baselines of pruning at initialisation, made structured as the MIPP paper does: a
 * score per weight, summed per unit over its incoming weights and bias as an L1 norm, then one ranking over the
 * whole network that keeps {@code round((1 − sparsity) · hidden units)} ({@link GlobalAllocation}; no per-layer
 * guard unless {@code minPerLayer > 0}). They score whatever network they are given, trained or not. On a graph
 * network the ranking is over the channels of its dependency groups, a channel scored by the sum over the group's
 * producers, coupled groups included (as global-topk does).
 * <ul>
 *   <li>SNIP (Lee et al. 2019): |θ · ∂L/∂θ|, L the mean cross-entropy over the probe data — per unit, the same
 *       number as global top-k's {@code saliency} score.</li>
 *   <li>GraSP (Wang et al. 2020): S = −θ · Hg with g = ∂L/∂θ ({@link HessianGradient}). The paper removes the
 *       highest S. By default the unit score is Σ|S| and the highest are kept, as the L1 aggregation gives; with
 *       {@code signed} it is Σ θ·Hg = −Σ S and the highest are kept, i.e. the highest Σ S removed, as the paper
 *       ranks.</li>
 *   <li>SynFlow (Tanaka et al. 2020): |θ · ∂R/∂θ| of the data-free objective R ({@link SynapticFlow}),
 *       re-scored over {@code rounds} rounds of pruning: round k keeps {@code (1 − sparsity)^(k/rounds)} of the
 *       units (their exponential schedule), the units pruned so far masked (their outgoing weights zero), so the
 *       scores of the remaining units see the flow that is left. Pruned units stay pruned.</li>
 * </ul>
 */
public final class ConnectionPruning implements PruningMethod {
    public enum Criterion {
        SNIP, GRASP, SYNFLOW;

        public String methodName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Criterion criterion;
    private final double sparsity;
    private final int minPerLayer;
    private final int rounds;
    private final boolean signed;
    private final Dataset probeData;

    /**
     * @param rounds    SynFlow's prune-and-rescore rounds (1 for the one-shot criteria)
     * @param signed    GraSP only: rank by the signed sum of θ·Hg instead of its L1 norm
     * @param probeData the probe split's inputs and labels (SNIP and GraSP compute gradients on it); may be null
     *                  until {@link #withProbeInputs} gives it
     */
    public ConnectionPruning(Criterion criterion, double sparsity, int minPerLayer, int rounds, boolean signed,
                             Dataset probeData) {
        Ranking.checkSparsity(sparsity);
        if (minPerLayer < 0) {
            throw new IllegalArgumentException("min-per-layer must not be negative, got " + minPerLayer);
        }
        if (rounds < 1 || (rounds > 1 && criterion != Criterion.SYNFLOW)) {
            throw new IllegalArgumentException("rounds must be at least 1, and only SynFlow takes more than 1, got " + rounds);
        }
        if (signed && criterion != Criterion.GRASP) {
            throw new IllegalArgumentException("signed applies to GraSP only");
        }
        this.criterion = criterion;
        this.sparsity = sparsity;
        this.minPerLayer = minPerLayer;
        this.rounds = rounds;
        this.signed = signed;
        this.probeData = probeData;
    }

    @Override
    public String name() {
        return criterion.methodName();
    }

    @Override
    public PruningMethod withProbeInputs(Dataset inputs) {
        return new ConnectionPruning(criterion, sparsity, minPerLayer, rounds, signed, inputs);
    }

    @Override
    public PlanResult plan(Network network, Activations probe, Progress progress) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sparsity", sparsity);
        settings.put("minPerLayer", minPerLayer);
        Map<String, int[]> kept;
        if (criterion == Criterion.SYNFLOW) {
            settings.put("rounds", rounds);
            kept = synFlow(network, progress);
        } else {
            if (criterion == Criterion.GRASP) {
                settings.put("signed", signed);
            }
            settings.put("samples", probeData().size());
            List<double[]> scores = criterion == Criterion.SNIP ? snip(network, progress) : grasp(network, progress);
            kept = ranked(network, scores, n -> GlobalAllocation.budget(n, sparsity));
        }
        progress.update("ranked", 1, 1);
        return PlanResult.of(new PruningPlan(name(), settings, 0, kept));
    }

    /**
     * One ranking over the network keeping {@code budget(n)} of its n hidden units, or, on a graph, of the n
     * channels of its dependency groups, each scored by the sum over the group's producers (at least one channel of
     * every group is kept).
     */
    private Map<String, int[]> ranked(Network network, List<double[]> scores, java.util.function.IntUnaryOperator budget) {
        if (!network.isGraph()) {
            return GlobalAllocation.kept(network, scores, budget.applyAsInt(network.hiddenUnitCount()), minPerLayer);
        }
        List<DependencyGroup> groups = DependencyGroups.of(network).groups();
        int[] prunable = network.prunableLayerIndices();
        Map<Integer, double[]> byLayer = new java.util.HashMap<>();
        for (int l = 0; l < prunable.length; l++) {
            byLayer.put(prunable[l], scores.get(l));
        }
        return GroupPlans.rankedTogether(network, groups, byLayer::get,
                budget.applyAsInt(GroupPlans.channels(groups)), minPerLayer);
    }

    /** The per-unit scores of every prunable layer, input side first, before any pruning. */
    public List<double[]> unitScores(Network network, Progress progress) {
        return switch (criterion) {
            case SNIP -> snip(network, progress);
            case GRASP -> grasp(network, progress);
            case SYNFLOW -> synFlowScores(network, null);
        };
    }

    private List<double[]> snip(Network network, Progress progress) {
        Gradients g = Gradients.of(network, probeData(), progress);
        return perLayer(network, layer -> UnitSums.absolute(layer, g.of(layer.name(), "weight"), g.of(layer.name(), "bias")));
    }

    private List<double[]> grasp(Network network, Progress progress) {
        HessianGradient hg = HessianGradient.of(network, probeData(), progress);
        return perLayer(network, layer -> signed
                ? UnitSums.signed(layer, hg.of(layer.name(), "weight"), hg.of(layer.name(), "bias"))
                : UnitSums.absolute(layer, hg.of(layer.name(), "weight"), hg.of(layer.name(), "bias")));
    }

    private Dataset probeData() {
        if (probeData == null) {
            throw new BadInputException("--method " + name(), name() + " needs the probe data set to compute gradients on");
        }
        return probeData;
    }

    private Map<String, int[]> synFlow(Network network, Progress progress) {
        double density = 1 - sparsity;
        Map<String, int[]> kept = null;
        for (int k = 1; k <= rounds; k++) {
            progress.checkCancelled();
            progress.update("SynFlow round " + k, k - 1, rounds);
            Network masked = kept == null ? network : Masking.apply(network, new PruningPlan(name(), Map.of(), 0, kept));
            List<double[]> scores = synFlowScores(masked, kept);
            double share = Math.pow(density, k / (double) rounds);
            kept = ranked(network, scores, n -> (int) Math.round(share * n));
        }
        return kept;
    }

    /** SynFlow's per-unit scores; units outside {@code kept} (when given) score −∞, so they stay pruned. */
    private static List<double[]> synFlowScores(Network network, Map<String, int[]> kept) {
        Gradients flow = SynapticFlow.of(network);
        if (!Double.isFinite(flow.loss())) {
            throw new BadInputException(network.name(), "SynFlow's objective R is not finite in float32 (" + flow.loss() + ")");
        }
        return perLayer(network, layer -> {
            double[] s = UnitSums.absolute(layer, flow.of(layer.name(), "weight"), flow.of(layer.name(), "bias"));
            if (kept != null && kept.containsKey(layer.name())) {
                double[] live = s.clone();
                Arrays.fill(s, Double.NEGATIVE_INFINITY);
                for (int u : kept.get(layer.name())) {
                    s[u] = live[u];
                }
            }
            return s;
        });
    }

    private static List<double[]> perLayer(Network network, Function<Layer, double[]> score) {
        List<double[]> out = new ArrayList<>();
        for (int li : network.prunableLayerIndices()) {
            out.add(score.apply(network.layer(li)));
        }
        return out;
    }
}
