package dev.infoprune.prune;

import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.GlobalAvgPool;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.Pool;

import java.util.ArrayList;
import java.util.List;

/**
 * The multiply-accumulates of a network as a function of the kept-width ratios x of its prunable layers:
 * every dense or conv layer costs its full MACs times the ratio of its input (the previous dense/conv layer's
 * ratio, 1 for the network input) times the ratio of its output (1 for the output layer). So
 * {@code MACs(x) = c + Σ bᵢ xᵢ + Σ aᵢ xᵢ₋₁ xᵢ}: quadratic (bilinear in neighbours), increasing in every xᵢ. On a
 * graph network x covers its {@link UncoupledLayers} only (the others keep their width), a layer's input ratio is
 * that of the layer it reads through element-wise layers, and a join's output has a fixed width.
 *
 * <p>{@link #of} counts dense and conv layers only (what {@link Network#macs()} counts);
 * {@link #wholeNetwork} adds the batch norms (one multiply-add per element), pooling (kernel² per output
 * element; a global average pool one per input element), each scaling with the ratio of the channels it sees.
 */
public final class WidthFlops {
    private final long[] macs;
    private final int[] inputOf;
    private final int[] outputOf;
    private final int[] units;

    private WidthFlops(long[] macs, int[] inputOf, int[] outputOf, int[] units) {
        this.macs = macs;
        this.inputOf = inputOf;
        this.outputOf = outputOf;
        this.units = units;
    }

    /** Dense and conv layers only. */
    public static WidthFlops of(Network network) {
        return of(network, false);
    }

    /** Dense, conv, batch-norm and pooling layers: the FLOPs ITPruner budgets. */
    public static WidthFlops wholeNetwork(Network network) {
        return of(network, true);
    }

    private static WidthFlops of(Network network, boolean whole) {
        List<String> variables = UncoupledLayers.names(network);
        List<Long> macs = new ArrayList<>();
        List<Integer> in = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        // the variable whose ratio scales each layer's output channels, -1 for a fixed width
        int[] ratioOf = new int[network.layers().size()];
        for (int i = 0; i < network.layers().size(); i++) {
            Layer layer = network.layer(i);
            int[] sources = network.sourcesOf(i);
            int previous = sources.length == 1 && sources[0] >= 0 ? ratioOf[sources[0]] : -1;
            if (!layer.isPrunable()) {
                long extra = whole ? elementwiseMacs(layer, network.inputShapeOf(i)) : 0;
                if (extra > 0) {
                    macs.add(extra);
                    in.add(previous);
                    out.add(-1);
                }
                ratioOf[i] = previous;
                continue;
            }
            int own = variables.indexOf(layer.name());
            macs.add(layer.macs(network.inputShapeOf(i)));
            in.add(previous);
            out.add(own);
            ratioOf[i] = own;
        }
        int[] units = variables.stream().mapToInt(l -> network.layer(network.indexOf(l)).units()).toArray();
        return new WidthFlops(macs.stream().mapToLong(Long::longValue).toArray(),
                in.stream().mapToInt(Integer::intValue).toArray(),
                out.stream().mapToInt(Integer::intValue).toArray(), units);
    }

    /** Operations of a batch norm or pooling layer at full width (0 for the other unit-less layers). */
    static long elementwiseMacs(Layer layer, int[] inputShape) {
        if (layer instanceof BatchNorm) {
            return elements(inputShape);
        }
        if (layer instanceof Pool pool) {
            return elements(pool.outputShape(inputShape)) * pool.kernel() * pool.kernel();
        }
        if (layer instanceof GlobalAvgPool) {
            return elements(inputShape);
        }
        return 0;
    }

    private static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Number of prunable layers (the dimension of x). */
    public int layers() {
        return units.length;
    }

    public int units(int layer) {
        return units[layer];
    }

    public int[] units() {
        return units.clone();
    }

    /** MACs of the network whose prunable layers keep the fractions x of their units. */
    public double macs(double[] x) {
        double total = 0;
        for (int k = 0; k < macs.length; k++) {
            double a = inputOf[k] < 0 ? 1 : x[inputOf[k]];
            double b = outputOf[k] < 0 ? 1 : x[outputOf[k]];
            total += macs[k] * a * b;
        }
        return total;
    }

    /** MACs with integer kept counts per prunable layer. */
    public double macs(int[] kept) {
        double[] x = new double[kept.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (double) kept[i] / units[i];
        }
        return macs(x);
    }

    /** MACs (at full width) of the terms that scale with layer i's ratio alone. */
    double unaryMacs(int i) {
        double total = 0;
        for (int k = 0; k < macs.length; k++) {
            boolean in = inputOf[k] == i && outputOf[k] < 0;
            boolean out = outputOf[k] == i && inputOf[k] < 0;
            if (in || out) {
                total += macs[k];
            }
        }
        return total;
    }

    /** MACs (at full width) of the term that scales with the ratios of layers i−1 and i. */
    double pairMacs(int i) {
        double total = 0;
        for (int k = 0; k < macs.length; k++) {
            if (inputOf[k] == i - 1 && outputOf[k] == i) {
                total += macs[k];
            }
        }
        return total;
    }

    /** ∂MACs/∂xᵢ at x. */
    public double[] gradient(double[] x) {
        double[] g = new double[x.length];
        for (int k = 0; k < macs.length; k++) {
            double a = inputOf[k] < 0 ? 1 : x[inputOf[k]];
            double b = outputOf[k] < 0 ? 1 : x[outputOf[k]];
            if (inputOf[k] >= 0) {
                g[inputOf[k]] += macs[k] * b;
            }
            if (outputOf[k] >= 0) {
                g[outputOf[k]] += macs[k] * a;
            }
        }
        return g;
    }

    public double fullMacs() {
        double[] x = new double[units.length];
        java.util.Arrays.fill(x, 1);
        return macs(x);
    }
}
