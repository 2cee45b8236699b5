package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.data.SeededSubset;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.CaptureOptions;
import dev.infoprune.info.RenyiGrams;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conditional-MI filter pruning after Vu-Van, Du Thanh, Ho and Vu (arXiv 2411.18578). Inside each pruned
 * layer, feature maps are added greedily, each time the one with the largest I(map; labels | maps already
 * selected [, conditioning maps of the neighbouring layers]), with the matrix-based Rényi α-entropy (see
 * {@link RenyiGrams}; α = 1.01 and 256 samples by default, as the paper). A feature map is one multivariate
 * variable: the filter's whole flattened map (or a seeded sample of its positions) when the probe inputs are
 * given, with its own Gaussian kernel width by the median heuristic ({@link dev.infoprune.info.GaussianGram});
 * without them the activations handed in are used (a conv filter's spatial mean). The order gives a gain
 * curve c_k = I(first k maps; labels | C); the layer keeps the prefix a {@link Cutoff} chooses.
 *
 * <p>Layers: conv layers only by default ({@link Layers#AUTO}: all dense layers of a network without conv
 * layers); dense layers on request ({@link Layers#ALL}). Layers outside the scope keep every unit.
 *
 * <p>Direction: {@code FORWARD} runs input side first and conditions every layer on the kept maps of the
 * already pruned previous layer; {@code BIDIRECTIONAL} also conditions on all maps of the next layer (not yet
 * pruned), so a map is kept for what neither neighbour carries; {@code BACKWARD} runs output side first and
 * conditions on the kept maps of the next layer; {@code INDEPENDENT} conditions on nothing.
 */
public final class CmiFilterPruning implements PruningMethod {
    public static final String NAME = "cmi";

    /** Where a layer's gain curve is cut. */
    public enum Cutoff {
        /** The shortest prefix with I(prefix; labels | C) ≥ fraction · I(whole layer; labels | C). */
        FRACTION,
        /** The knee of the normalised gain curve (Kneedle: the point furthest above the diagonal). */
        KNEE,
        /** A fixed share of every layer's units, {@code max(1, round(fraction · units))}, in greedy order. */
        SHARE,
        /** Scree test on the maps' CMI values (the greedy gains): the elbow of their sorted curve ({@link CmiCutoffs#scree}). */
        SCREE,
        /** X-means clustering of the CMI values; the cluster with the smallest mean is cut ({@link CmiCutoffs#xmeans}). */
        XMEANS
    }

    public enum Direction { FORWARD, BIDIRECTIONAL, BACKWARD, INDEPENDENT }

    /** Which prunable layers are pruned; the others keep every unit. */
    public enum Layers {
        /** Conv layers; a network without conv layers: its dense layers. */
        AUTO,
        /** Conv layers only. */
        CONV,
        /** Every prunable layer, dense ones included. */
        ALL
    }

    /**
     * @param fraction   information share to retain ({@link Cutoff#FRACTION}) or share of units to keep
     *                   ({@link Cutoff#SHARE}), in (0, 1]
     * @param alpha      Rényi order (1.01 as the paper; 2 is fast: no eigenvalues)
     * @param samples    probe samples used (a seeded subsample when the probe is larger)
     * @param widthScale multiplies each map's median-heuristic kernel width
     * @param layers     which layers are pruned
     * @param positions  positions drawn (seeded) from each conv map, 0 for the whole flattened map
     * @param widthGrowth each of m maps modelled jointly has its median-heuristic width times m^widthGrowth
     *                    ({@link #jointWidth}); 0: the maps' own widths, 0.5: the median heuristic of their
     *                    concatenation
     */
    public record Settings(Cutoff cutoff, double fraction, Direction direction, double alpha, int samples,
                           double widthScale, long seed, Layers layers, int positions, double widthGrowth) {
        public static final double DEFAULT_ALPHA = 1.01;
        public static final int DEFAULT_SAMPLES = 256;
        public static final double DEFAULT_WIDTH_GROWTH = 0.25;

        public Settings {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("the retained information fraction must be in (0, 1], got " + fraction);
            }
            if (!(alpha > 0)) {
                throw new IllegalArgumentException("the Rényi order must be positive, got " + alpha);
            }
            if (samples < 10) {
                throw new IllegalArgumentException("CMI pruning needs at least 10 probe samples, got " + samples);
            }
            if (!(widthScale > 0)) {
                throw new IllegalArgumentException("the kernel width scale must be positive, got " + widthScale);
            }
            if (!(widthGrowth >= 0 && widthGrowth <= 1)) {
                throw new IllegalArgumentException("the width growth must be in [0, 1], got " + widthGrowth);
            }
            if (positions < 0) {
                throw new IllegalArgumentException("positions must be 0 (whole maps) or positive, got " + positions);
            }
            if (cutoff == null || direction == null || layers == null) {
                throw new IllegalArgumentException("cutoff, direction and layers must be given");
            }
        }

        public Settings(Cutoff cutoff, double fraction, Direction direction, double alpha, int samples,
                        double widthScale, long seed) {
            this(cutoff, fraction, direction, alpha, samples, widthScale, seed, Layers.AUTO, 0);
        }

        public Settings(Cutoff cutoff, double fraction, Direction direction, double alpha, int samples,
                        double widthScale, long seed, Layers layers, int positions) {
            this(cutoff, fraction, direction, alpha, samples, widthScale, seed, layers, positions, DEFAULT_WIDTH_GROWTH);
        }

        public static Settings defaults() {
            return new Settings(Cutoff.FRACTION, 0.95, Direction.FORWARD, DEFAULT_ALPHA, DEFAULT_SAMPLES, 1.0, 0L,
                    Layers.AUTO, 0, DEFAULT_WIDTH_GROWTH);
        }

        public Settings withCutoff(Cutoff c) {
            return new Settings(c, fraction, direction, alpha, samples, widthScale, seed, layers, positions, widthGrowth);
        }

        public Settings withFraction(double f) {
            return new Settings(cutoff, f, direction, alpha, samples, widthScale, seed, layers, positions, widthGrowth);
        }

        public Settings withDirection(Direction d) {
            return new Settings(cutoff, fraction, d, alpha, samples, widthScale, seed, layers, positions, widthGrowth);
        }

        public Settings withAlpha(double a) {
            return new Settings(cutoff, fraction, direction, a, samples, widthScale, seed, layers, positions, widthGrowth);
        }

        public Settings withSamples(int s) {
            return new Settings(cutoff, fraction, direction, alpha, s, widthScale, seed, layers, positions, widthGrowth);
        }

        public Settings withWidthScale(double g) {
            return new Settings(cutoff, fraction, direction, alpha, samples, g, seed, layers, positions, widthGrowth);
        }

        public Settings withSeed(long s) {
            return new Settings(cutoff, fraction, direction, alpha, samples, widthScale, s, layers, positions, widthGrowth);
        }

        public Settings withLayers(Layers l) {
            return new Settings(cutoff, fraction, direction, alpha, samples, widthScale, seed, l, positions, widthGrowth);
        }

        public Settings withPositions(int p) {
            return new Settings(cutoff, fraction, direction, alpha, samples, widthScale, seed, layers, p, widthGrowth);
        }

        public Settings withWidthGrowth(double g) {
            return new Settings(cutoff, fraction, direction, alpha, samples, widthScale, seed, layers, positions, g);
        }

        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("estimator", "renyi(alpha=" + alpha + ")");
            m.put("cutoff", cutoff.name().toLowerCase());
            if (cutoff == Cutoff.FRACTION) {
                m.put("fraction", fraction);
            } else if (cutoff == Cutoff.SHARE) {
                m.put("sparsity", 1 - fraction);
            }
            m.put("direction", direction.name().toLowerCase());
            m.put("layers", layers.name().toLowerCase());
            m.put("samples", samples);
            m.put("widthScale", widthScale);
            m.put("widthGrowth", widthGrowth);
            if (positions > 0) {
                m.put("positions", positions);
            }
            return m;
        }
    }

    /**
     * What the greedy ranking found in one layer: units in the order they were added, the cumulative
     * information {@code curve[k-1] = I(first k; labels | C)} (nats), the layer's total I(all; labels | C),
     * and how many units the cutoff keeps.
     */
    public record LayerSelection(String layer, int[] order, double[] curve, double total, int kept) {
        public int[] keptUnits() {
            int[] k = Arrays.copyOf(order, kept);
            Arrays.sort(k);
            return k;
        }
    }

    private final Settings settings;
    private final Dataset probeInputs;
    private final int iterativeEpochs;

    public CmiFilterPruning(Settings settings) {
        this(settings, null);
    }

    /**
     * @param probeInputs the probe split the activations were captured on; given, the feature maps of the
     *                    subsampled probe inputs are captured again whole (or at {@code positions} positions);
     *                    null: the activations handed to {@link #plan} are used as they are
     */
    public CmiFilterPruning(Settings settings, Dataset probeInputs) {
        this(settings, probeInputs, 0);
    }

    private CmiFilterPruning(Settings settings, Dataset probeInputs, int iterativeEpochs) {
        if (iterativeEpochs < 0) {
            throw new IllegalArgumentException("iterative-epochs must be 0 (one shot) or positive, got " + iterativeEpochs);
        }
        this.settings = settings;
        this.probeInputs = probeInputs;
        this.iterativeEpochs = iterativeEpochs;
    }

    /**
     * The iterative mode ({@link IterativeCmiPruning}) with this many epochs of retraining after each layer;
     * 0: one shot. Only a caller with the training split runs it ({@code infoprune prune}); {@link #plan} refuses.
     */
    public CmiFilterPruning withIterativeEpochs(int epochs) {
        return new CmiFilterPruning(settings, probeInputs, epochs);
    }

    public int iterativeEpochs() {
        return iterativeEpochs;
    }

    /** The probe inputs the maps are captured from (null: the activations given are used). */
    public Dataset probeInputs() {
        return probeInputs;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public PruningMethod withProbeInputs(Dataset inputs) {
        return new CmiFilterPruning(settings, inputs, iterativeEpochs);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PlanResult plan(Network network, Activations probe, Progress progress) {
        if (iterativeEpochs > 0) {
            throw new BadInputException("--method cmi", "iterative-epochs retrains between layers, which needs the "
                    + "training split: run it with infoprune prune");
        }
        Map<String, int[]> kept = new LinkedHashMap<>();
        for (LayerSelection s : select(network, probe, progress)) {
            kept.put(s.layer(), s.keptUnits());
        }
        Map<String, int[]> ordered = GroupPlans.everyLayer(network, kept);
        Map<String, Object> described = settings.asMap();
        described.put("prunedLayers", List.copyOf(kept.keySet()));
        described.put("maps", probeInputs == null ? "given activations (conv filters as captured: spatial means unless captured raw)"
                : settings.positions() > 0 ? settings.positions() + " seeded positions per map" : "flattened maps");
        return PlanResult.of(new PruningPlan(NAME, described, settings.seed(), ordered));
    }

    /**
     * The prunable layers the scope covers, input side first; on a graph network only its {@link UncoupledLayers}
     * (the others' channels are coupled and kept whole), each conditioned on the one before it in this list.
     */
    public static List<String> layersInScope(Network network, Layers scope) {
        List<String> all = UncoupledLayers.names(network);
        List<String> conv = all.stream().filter(l -> network.layer(network.indexOf(l)) instanceof Conv2d).toList();
        return switch (scope) {
            case ALL -> all;
            case CONV -> conv;
            case AUTO -> conv.isEmpty() ? all : conv;
        };
    }

    /** Runs the greedy ranking on every layer in scope, in the order of the direction. */
    public List<LayerSelection> select(Network network, Activations probe, Progress progress) {
        List<String> layers = new ArrayList<>(layersInScope(network, settings.layers()));
        if (settings.direction() == Direction.BACKWARD) {
            java.util.Collections.reverse(layers);
        }
        Context ctx = context(network, probe, progress);
        long work = 0;
        for (String layer : layers) {
            long c = unitsOf(network, layer);
            work += c * c;
        }
        long done = 0;
        List<LayerSelection> out = new ArrayList<>();
        String previous = null;
        int[] previousKept = null;
        for (int li = 0; li < layers.size(); li++) {
            String layer = layers.get(li);
            String next = li + 1 < layers.size() ? layers.get(li + 1) : null;
            LayerSelection s = rank(network, ctx, layer, previous, previousKept, next, progress, done, work);
            done += (long) unitsOf(network, layer) * unitsOf(network, layer);
            out.add(s);
            previous = layer;
            previousKept = s.keptUnits();
        }
        progress.update("CMI ranking done", work, work);
        return out;
    }

    /**
     * Ranks one layer of a network whose earlier layers are already pruned (the iterative mode): conditioned,
     * as the direction says, on all maps of the previous layer in scope (and for {@code BIDIRECTIONAL} of the
     * next one). {@code BACKWARD} is not meaningful here and conditions like {@code FORWARD}.
     */
    public LayerSelection selectOne(Network network, Activations probe, String layer, Progress progress) {
        List<String> layers = layersInScope(network, settings.layers());
        int li = layers.indexOf(layer);
        if (li < 0) {
            throw new IllegalArgumentException("layer " + layer + " is not pruned by cmi with layers=" + settings.layers());
        }
        Context ctx = context(network, probe, progress);
        String previous = li > 0 ? layers.get(li - 1) : null;
        int[] all = previous == null ? null : java.util.stream.IntStream.range(0, unitsOf(network, previous)).toArray();
        String next = li + 1 < layers.size() ? layers.get(li + 1) : null;
        long units = unitsOf(network, layer);
        return rank(network, ctx, layer, previous, all, next, progress, 0, units * units);
    }

    /** The maps the ranking reads, on which rows, and the Gram machinery for those samples' labels. */
    private record Context(Activations maps, int[] rows, RenyiGrams grams) {
    }

    private Context context(Network network, Activations probe, Progress progress) {
        int[] rows = subsample(probe.samples());
        int[] allLabels = probe.labels();
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = allLabels[rows[i]];
        }
        RenyiGrams grams = new RenyiGrams(labels, settings.alpha());
        if (probeInputs == null) {
            return new Context(probe, rows, grams);
        }
        CaptureOptions capture = settings.positions() > 0
                ? CaptureOptions.positions(settings.positions(), settings.seed()) : CaptureOptions.raw();
        Activations maps = ActivationCapture.capture(network, probeInputs.subset(rows), capture, progress.slice(0, 0.1));
        return new Context(maps, java.util.stream.IntStream.range(0, rows.length).toArray(), grams);
    }

    private LayerSelection rank(Network network, Context ctx, String layer, String previous, int[] previousKept,
                                String next, Progress progress, long base, long total) {
        RenyiGrams grams = ctx.grams();
        Matrix acts = checked(ctx.maps().of(layer), layer).selectRows(ctx.rows());
        double[] conditioning = grams.ones();
        if (settings.direction() != Direction.INDEPENDENT && previous != null) {
            Matrix prev = ctx.maps().of(previous).selectRows(ctx.rows());
            int width = blockWidth(prev, unitsOf(network, previous), previous);
            double scale = jointWidth(previousKept.length);
            for (int u : previousKept) {
                RenyiGrams.multiplyInto(conditioning, grams.mapGram(prev, u * width, width, scale));
            }
        }
        if (settings.direction() == Direction.BIDIRECTIONAL && next != null) {
            Matrix nextActs = checked(ctx.maps().of(next), next).selectRows(ctx.rows());
            int units = unitsOf(network, next);
            int width = blockWidth(nextActs, units, next);
            double scale = jointWidth(units);
            for (int u = 0; u < units; u++) {
                RenyiGrams.multiplyInto(conditioning, grams.mapGram(nextActs, u * width, width, scale));
            }
        }
        return selectLayer(layer, acts, unitsOf(network, layer), grams, conditioning, progress, (k) ->
                progress.update("CMI ranking of " + layer, base + k, total));
    }

    /**
     * The width factor of each of {@code maps} maps modelled jointly (a layer, or the conditioning maps of a
     * neighbour): the scale times maps^growth. The Hadamard product of m Gram matrices at the maps' own median
     * widths has typical off-diagonal entries e^(−m/2): after a dozen maps it is close to the identity (every
     * sample alone), I(maps; labels) reaches H(labels) and the greedy gains of the remaining maps are ~0, so the
     * ranking stops early. Growth 0.5 is the median heuristic of the maps' concatenation (entries ~e^(−1/2) at
     * any m); the curve then rises almost linearly and hardly tells maps apart. The default 0.25 leaves the
     * product of a layer at ~e^(−√m/2) (0.06 for 32 maps): unsaturated, yet with diminishing returns.
     */
    private double jointWidth(int maps) {
        return settings.widthScale() * Math.pow(Math.max(1, maps), settings.widthGrowth());
    }

    private static int unitsOf(Network network, String layer) {
        return network.layer(network.indexOf(layer)).units();
    }

    /** Columns per unit: 1 for scalar units, the positions of a map when captured whole or sampled. */
    private static int blockWidth(Matrix acts, int units, String layer) {
        if (acts.cols() % units != 0) {
            throw new BadInputException("activations of layer " + layer, acts.cols() + " columns for " + units + " units");
        }
        return acts.cols() / units;
    }

    private LayerSelection selectLayer(String layer, Matrix acts, int units, RenyiGrams grams, double[] conditioning,
                                       Progress progress, java.util.function.LongConsumer tick) {
        int width = blockWidth(acts, units, layer);
        float[][] g = new float[units][];
        double scale = jointWidth(units);
        java.util.stream.IntStream.range(0, units).parallel()
                .forEach(c -> g[c] = grams.mapGram(acts, c * width, width, scale));
        double base = grams.mutualInformationWithLabels(conditioning);
        double[] all = conditioning.clone();
        for (float[] k : g) {
            RenyiGrams.multiplyInto(all, k);
        }
        double total = grams.mutualInformationWithLabels(all) - base;
        boolean[] chosen = new boolean[units];
        int[] order = new int[units];
        double[] curve = new double[units];
        double[] product = conditioning.clone();
        int steps = 0;
        long evaluated = 0;
        int share = Math.max(1, (int) Math.round(settings.fraction() * units));
        while (steps < units) {
            double[] infos = candidateInformation(grams, product, g, chosen, progress);
            int best = -1;
            double bestInfo = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < units; c++) {
                if (chosen[c]) {
                    continue;
                }
                if (infos[c] > bestInfo + 1e-12) {
                    bestInfo = infos[c];
                    best = c;
                }
                evaluated++;
            }
            tick.accept(evaluated);
            chosen[best] = true;
            RenyiGrams.multiplyInto(product, g[best]);
            order[steps] = best;
            curve[steps] = bestInfo - base;
            steps++;
            if (settings.cutoff() == Cutoff.FRACTION && curve[steps - 1] >= settings.fraction() * total - 1e-12
                    || settings.cutoff() == Cutoff.SHARE && steps >= share) {
                break;
            }
        }
        double[] ranked = Arrays.copyOf(curve, steps);
        int kept = switch (settings.cutoff()) {
            case KNEE -> knee(ranked);
            case SCREE -> CmiCutoffs.scree(gains(ranked));
            case XMEANS -> CmiCutoffs.xmeans(gains(ranked));
            default -> steps;
        };
        int[] fullOrder = completeOrder(order, steps, chosen);
        return new LayerSelection(layer, fullOrder, ranked, total, Math.max(1, kept));
    }

    /**
     * I(selected ∪ {c}; labels) for every candidate c not chosen yet, in parallel: at α ≠ 2 each is two
     * eigenvalue problems (the joint and its label blocks), independent of the others. The best is then picked
     * in index order, so the ranking is the serial one.
     */
    private static double[] candidateInformation(RenyiGrams grams, double[] product, float[][] g, boolean[] chosen,
                                                 Progress progress) {
        double[] infos = new double[g.length];
        java.util.stream.IntStream.range(0, g.length).filter(c -> !chosen[c]).parallel().forEach(c -> {
            progress.checkCancelled();
            infos[c] = grams.mutualInformationWithLabels(product, g[c]);
        });
        return infos;
    }

    /** The CMI of each unit given those chosen before it: the differences of the gain curve. */
    static double[] gains(double[] curve) {
        double[] g = new double[curve.length];
        for (int k = 0; k < curve.length; k++) {
            g[k] = curve[k] - (k == 0 ? 0 : curve[k - 1]);
        }
        return g;
    }

    /** Units never ranked (the fraction cutoff stopped early) follow in index order. */
    private static int[] completeOrder(int[] order, int steps, boolean[] chosen) {
        int[] out = order.clone();
        int p = steps;
        for (int c = 0; c < chosen.length; c++) {
            if (!chosen[c]) {
                out[p++] = c;
            }
        }
        return out;
    }

    /**
     * Kneedle on the points (k, c_k), k = 0..m with c_0 = 0: normalise both axes to [0, 1] and take the k
     * furthest above the chord from the first to the last point. A curve without gain keeps one unit.
     */
    static int knee(double[] curve) {
        int m = curve.length;
        double top = curve[m - 1];
        if (!(top > 0)) {
            return 1;
        }
        int best = 1;
        double bestGap = Double.NEGATIVE_INFINITY;
        for (int k = 1; k <= m; k++) {
            double gap = curve[k - 1] / top - (double) k / m;
            if (gap > bestGap + 1e-12) {
                bestGap = gap;
                best = k;
            }
        }
        return best;
    }

    private int[] subsample(int available) {
        if (available <= settings.samples()) {
            return java.util.stream.IntStream.range(0, available).toArray();
        }
        return SeededSubset.rows(available, settings.samples(), settings.seed());
    }

    private static Matrix checked(Matrix m, String layer) {
        int[] bad = m.firstNonFinite();
        if (bad != null) {
            throw new BadInputException("activations of layer " + layer,
                    "non-finite value at sample " + bad[0] + ", unit " + bad[1]);
        }
        return m;
    }
}
