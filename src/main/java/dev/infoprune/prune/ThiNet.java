package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.LayerInputs;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * ThiNet (Luo et al. 2017) after training, at one ratio for every layer: a layer's units (channels) are chosen
 * by how well the next dense or conv layer's pre-activations are reconstructed from the kept ones. Each channel
 * c adds a contribution x_c to every next-layer output (its outgoing weights times what the next layer receives
 * from it: a conv kernel's window, a flattened map's positions, or a single value); removing a set T changes the
 * outputs by Σ_{c∈T} x_c, with squared error 1ᵀ G_TT 1 for the Gram matrix G_cd = Σ ⟨x_c, x_d⟩ over the
 * sampled outputs. Greedily, as ThiNet does, the channel whose removal increases that error least is removed
 * next until {@code round(sparsity · width)} are gone (at least one unit kept). The outputs sampled are every
 * output of the next layer for each of the first {@code samples} probe samples, at {@code positions} seeded
 * positions per sample when the next layer is a conv layer.
 *
 * <p>Unlike ThiNet, every layer is scored on the unpruned network in one shot (no pruning layer by layer with
 * fine-tuning in between) and the next layer's weights are not rescaled by least squares afterwards.
 */
public final class ThiNet implements PruningMethod {
    public static final String NAME = "thinet";
    public static final int DEFAULT_SAMPLES = 256;
    public static final int DEFAULT_POSITIONS = 10;

    private final double sparsity;
    private final int samples;
    private final int positions;
    private final long seed;
    private final Dataset probeData;

    /** @param probeData the probe split's inputs; may be null until {@link #withProbeInputs} gives it */
    public ThiNet(double sparsity, int samples, int positions, long seed, Dataset probeData) {
        Ranking.checkSparsity(sparsity);
        if (samples < 1 || positions < 1) {
            throw new IllegalArgumentException("samples and positions must be positive");
        }
        this.sparsity = sparsity;
        this.samples = samples;
        this.positions = positions;
        this.seed = seed;
        this.probeData = probeData;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PruningMethod withProbeInputs(Dataset inputs) {
        return new ThiNet(sparsity, samples, positions, seed, inputs);
    }

    @Override
    public PlanResult plan(Network network, Activations probe, Progress progress) {
        if (probeData == null) {
            throw new BadInputException("--method " + NAME, "thinet needs the probe data set to see what the next layers receive");
        }
        Dataset used = probeData.head(Math.min(samples, probeData.size()));
        Map<Integer, Integer> readers = readers(network);
        int[] layers = readers.keySet().stream().mapToInt(Integer::intValue).toArray();
        Map<String, int[]> kept = new LinkedHashMap<>();
        for (int l = 0; l < layers.length; l++) {
            progress.checkCancelled();
            Progress step = progress.slice(l / (double) layers.length, (l + 1) / (double) layers.length);
            Layer layer = network.layer(layers[l]);
            double[][] gram = reconstructionGram(network, layers[l], readers.get(layers[l]), used, step);
            int width = layer.units();
            int[] removed = removalOrder(gram, width - Ranking.keptCount(width, sparsity));
            boolean[] gone = new boolean[width];
            for (int c : removed) {
                gone[c] = true;
            }
            kept.put(layer.name(), IntStream.range(0, width).filter(c -> !gone[c]).toArray());
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sparsity", sparsity);
        settings.put("samples", used.size());
        settings.put("positions", positions);
        return PlanResult.of(new PruningPlan(NAME, settings, seed, GroupPlans.everyLayer(network, kept)));
    }

    /**
     * ThiNet's greedy: the {@code count} channels removed, in the order removed; each is the one whose removal,
     * with those removed before it, adds least to {@code 1ᵀ G_TT 1}. Ties go to the lower index.
     */
    static int[] removalOrder(double[][] gram, int count) {
        int width = gram.length;
        double[] cross = new double[width]; // Σ_{t∈T} G_tc
        boolean[] removed = new boolean[width];
        int[] order = new int[count];
        for (int step = 0; step < count; step++) {
            int best = -1;
            double bestIncrease = Double.POSITIVE_INFINITY;
            for (int c = 0; c < width; c++) {
                double increase = gram[c][c] + 2 * cross[c];
                if (!removed[c] && increase < bestIncrease) {
                    best = c;
                    bestIncrease = increase;
                }
            }
            removed[best] = true;
            order[step] = best;
            for (int d = 0; d < width; d++) {
                cross[d] += gram[best][d];
            }
        }
        return order;
    }

    /**
     * The layers ThiNet prunes (by index, input side first), each with the one layer that reads its units and whose
     * outputs it reconstructs: on a chain every prunable layer and the next dense or conv layer; on a graph the
     * {@link UncoupledLayers} read by one conv (not grouped) or dense layer whose input is exactly their channels
     * (e.g. the first conv of a residual block, read by the second). The other layers keep all their units.
     */
    static Map<Integer, Integer> readers(Network network) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        if (!network.isGraph()) {
            for (int li : network.prunableLayerIndices()) {
                out.put(li, nextUnitLayer(network, li));
            }
            return out;
        }
        UncoupledLayers.consumers(network).forEach((layer, consumers) -> {
            int li = network.indexOf(layer);
            int units = network.layer(li).units();
            Layer reader = consumers.size() == 1 ? network.layer(network.indexOf(consumers.get(0))) : null;
            boolean exactly = reader instanceof Conv2d c ? c.in() == units && c.groups() == 1
                    : reader instanceof Dense d && d.in() == units;
            if (exactly) {
                out.put(li, network.indexOf(reader.name()));
            }
        });
        return out;
    }

    /** The first dense or conv layer after {@code layerIndex}: the one that reads its units. */
    static int nextUnitLayer(Network network, int layerIndex) {
        for (int i = layerIndex + 1; i < network.layers().size(); i++) {
            if (network.layer(i) instanceof Dense || network.layer(i) instanceof Conv2d) {
                return i;
            }
        }
        throw new IllegalArgumentException("layer " + network.layer(layerIndex).name() + " has no layer reading it");
    }

    /**
     * G_cd = Σ ⟨x_c, x_d⟩ over the sampled outputs of the layer that reads layer {@code layerIndex}, x_c being unit
     * c's contribution to them; {@code 1ᵀ G_TT 1} is the squared change of those outputs when the units T go.
     */
    double[][] reconstructionGram(Network network, int layerIndex, int next, Dataset data, Progress progress) {
        Matrix inputs = LayerInputs.of(network, data, next, progress);
        return gram(network.layer(next), network.layer(layerIndex).units(), network.inputShapeOf(next), inputs,
                new Random(seed * 31 + layerIndex));
    }

    private double[][] gram(Layer next, int channels, int[] inputShape, Matrix inputs, Random random) {
        double[][] g = new double[channels][channels];
        double[] x = new double[channels];
        float[] w = next.weights().get("weight").data();
        for (int n = 0; n < inputs.rows(); n++) {
            double[] in = inputs.rowValues(n);
            if (next instanceof Conv2d conv) {
                int oh = conv.outputSize(inputShape[1]);
                int ow = conv.outputSize(inputShape[2]);
                int drawn = Math.min(positions, oh * ow);
                for (int p : draw(oh * ow, drawn, random)) {
                    for (int j = 0; j < conv.out(); j++) {
                        convContributions(conv, w, in, inputShape, j, p / ow, p % ow, x);
                        accumulate(g, x);
                    }
                }
            } else {
                Dense dense = (Dense) next;
                int group = dense.in() / channels;
                for (int j = 0; j < dense.out(); j++) {
                    Arrays.fill(x, 0);
                    int row = j * dense.in();
                    for (int c = 0; c < channels; c++) {
                        for (int r = c * group; r < (c + 1) * group; r++) {
                            x[c] += w[row + r] * in[r];
                        }
                    }
                    accumulate(g, x);
                }
            }
        }
        for (int c = 0; c < channels; c++) {
            for (int d = 0; d < c; d++) {
                g[d][c] = g[c][d];
            }
        }
        return g;
    }

    private static void convContributions(Conv2d conv, float[] w, double[] in, int[] shape, int j, int oy, int ox,
                                          double[] x) {
        int k = conv.kernel();
        int h = shape[1];
        int wd = shape[2];
        for (int c = 0; c < x.length; c++) {
            double s = 0;
            for (int u = 0; u < k; u++) {
                int y = oy * conv.stride() - conv.padding() + u;
                if (y < 0 || y >= h) {
                    continue;
                }
                for (int v = 0; v < k; v++) {
                    int xx = ox * conv.stride() - conv.padding() + v;
                    if (xx >= 0 && xx < wd) {
                        s += w[((j * conv.in() + c) * k + u) * k + v] * in[(c * h + y) * wd + xx];
                    }
                }
            }
            x[c] = s;
        }
    }

    /** Adds x xᵀ to the lower triangle of g. */
    private static void accumulate(double[][] g, double[] x) {
        for (int c = 0; c < x.length; c++) {
            if (x[c] == 0) {
                continue;
            }
            for (int d = 0; d <= c; d++) {
                g[c][d] += x[c] * x[d];
            }
        }
    }

    private static int[] draw(int size, int count, Random random) {
        int[] all = IntStream.range(0, size).toArray();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, count);
    }
}
