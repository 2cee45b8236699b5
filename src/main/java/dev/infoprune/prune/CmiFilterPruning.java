package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Conditional-MI filter pruning after Vu-Van, Du Thanh, Ho and Vu (arXiv 2411.18578). Inside each prunable
 * layer, units (conv filters: their maps averaged over space) are added greedily, each time the one with the
 * largest I(unit; labels | units already selected [, conditioning layer]), with the matrix-based Rényi
 * α-entropy (see {@link RenyiGrams}). The order gives a gain curve c_k = I(first k units; labels | C); the
 * layer keeps the shortest prefix that reaches a {@link Cutoff}.
 *
 * <p>Direction: {@code FORWARD} runs input side first and conditions every layer on the kept units of the
 * already pruned previous layer (C), {@code BACKWARD} runs output side first and conditions on the kept units
 * of the next layer, {@code INDEPENDENT} conditions on nothing (each layer alone, as in parallel pruning).
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
        SHARE
    }

    public enum Direction { FORWARD, BACKWARD, INDEPENDENT }

    /**
     * @param fraction   information share to retain ({@link Cutoff#FRACTION}) or share of units to keep
     *                   ({@link Cutoff#SHARE}), in (0, 1]
     * @param alpha      Rényi order (2 is fast: no eigenvalues)
     * @param samples    probe samples used (a seeded subsample when the probe is larger)
     * @param widthScale γ of the kernel width σ = γ·n^(-1/5) on standardised values
     */
    public record Settings(Cutoff cutoff, double fraction, Direction direction, double alpha, int samples,
                           double widthScale, long seed) {
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
        }

        public static Settings defaults() {
            return new Settings(Cutoff.FRACTION, 0.95, Direction.FORWARD, 2.0, 400, 1.0, 0L);
        }

        public Settings withCutoff(Cutoff c) {
            return new Settings(c, fraction, direction, alpha, samples, widthScale, seed);
        }

        public Settings withFraction(double f) {
            return new Settings(cutoff, f, direction, alpha, samples, widthScale, seed);
        }

        public Settings withDirection(Direction d) {
            return new Settings(cutoff, fraction, d, alpha, samples, widthScale, seed);
        }

        public Settings withAlpha(double a) {
            return new Settings(cutoff, fraction, direction, a, samples, widthScale, seed);
        }

        public Settings withSamples(int s) {
            return new Settings(cutoff, fraction, direction, alpha, s, widthScale, seed);
        }

        public Settings withWidthScale(double g) {
            return new Settings(cutoff, fraction, direction, alpha, samples, g, seed);
        }

        public Settings withSeed(long s) {
            return new Settings(cutoff, fraction, direction, alpha, samples, widthScale, s);
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
            m.put("samples", samples);
            m.put("widthScale", widthScale);
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

    public CmiFilterPruning(Settings settings) {
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
        Map<String, int[]> kept = new LinkedHashMap<>();
        for (LayerSelection s : select(network, probe, progress)) {
            kept.put(s.layer(), s.keptUnits());
        }
        Map<String, int[]> ordered = new LinkedHashMap<>();
        for (String layer : network.prunableLayerNames()) {
            ordered.put(layer, kept.get(layer));
        }
        return new PruningPlan(NAME, settings.asMap(), settings.seed(), ordered);
    }

    /** Runs the greedy ranking on every prunable layer, in the order of the direction. */
    public List<LayerSelection> select(Network network, Activations probe, Progress progress) {
        List<String> layers = new ArrayList<>(network.prunableLayerNames());
        if (settings.direction() == Direction.BACKWARD) {
            java.util.Collections.reverse(layers);
        }
        int[] rows = subsample(probe.samples());
        int[] allLabels = probe.labels();
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = allLabels[rows[i]];
        }
        RenyiGrams grams = new RenyiGrams(labels, settings.alpha());
        long work = 0;
        for (String layer : layers) {
            long c = probe.of(layer).cols();
            work += c * c;
        }
        long[] done = {0};
        List<LayerSelection> out = new ArrayList<>();
        Map<String, int[]> keptSoFar = new LinkedHashMap<>();
        String previous = null;
        for (String layer : layers) {
            Matrix acts = checked(probe.of(layer), layer).selectRows(rows);
            double[] conditioning = grams.ones();
            if (settings.direction() != Direction.INDEPENDENT && previous != null) {
                Matrix prev = probe.of(previous).selectRows(rows).selectColumns(keptSoFar.get(previous));
                for (int c = 0; c < prev.cols(); c++) {
                    RenyiGrams.multiplyInto(conditioning, grams.gram(prev.columnValues(c), settings.widthScale()));
                }
            }
            final long base = done[0];
            final long total = work;
            LayerSelection s = selectLayer(layer, acts, grams, conditioning, progress, (k) ->
                    progress.update("CMI ranking of " + layer, base + k, total));
            done[0] += (long) acts.cols() * acts.cols();
            out.add(s);
            keptSoFar.put(layer, s.keptUnits());
            previous = layer;
        }
        progress.update("CMI ranking done", work, work);
        return out;
    }

    private LayerSelection selectLayer(String layer, Matrix acts, RenyiGrams grams, double[] conditioning,
                                       Progress progress, java.util.function.LongConsumer tick) {
        int units = acts.cols();
        float[][] g = new float[units][];
        for (int c = 0; c < units; c++) {
            g[c] = grams.gram(acts.columnValues(c), settings.widthScale());
        }
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
            int best = -1;
            double bestInfo = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < units; c++) {
                if (chosen[c]) {
                    continue;
                }
                progress.checkCancelled();
                double info = grams.mutualInformationWithLabels(product, g[c]);
                if (info > bestInfo + 1e-12) {
                    bestInfo = info;
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
        int kept = settings.cutoff() == Cutoff.KNEE ? knee(curve) : steps;
        int[] fullOrder = completeOrder(order, steps, chosen);
        return new LayerSelection(layer, fullOrder, Arrays.copyOf(curve, steps), total, Math.max(1, kept));
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
        int[] all = java.util.stream.IntStream.range(0, available).toArray();
        Random r = new Random(settings.seed());
        for (int i = 0; i < settings.samples(); i++) {
            int j = i + r.nextInt(available - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] rows = Arrays.copyOf(all, settings.samples());
        Arrays.sort(rows);
        return rows;
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
