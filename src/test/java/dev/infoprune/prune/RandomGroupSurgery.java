package dev.infoprune.prune;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.Network;

/**
 * For the torchvision coverage run: a random group-consistent plan ({@link TestPlans#groups}) applied by surgery and
 * by masking, and how far apart the two networks' outputs are on the given inputs (0 up to rounding when surgery
 * removes exactly what masking zeroes).
 */
public final class RandomGroupSurgery {
    /** The plan's size and the outputs' largest difference. */
    public record Outcome(int groups, long parametersBefore, long parametersAfter, double maxAbsDiff) {
    }

    private RandomGroupSurgery() {
    }

    public static Outcome check(Network net, float[] inputs, int batch, long seed) {
        PruningPlan plan = TestPlans.groups(net, seed);
        Network shrunk = Surgery.apply(net, plan);
        Network masked = Masking.apply(net, plan);
        Dataset data = new Dataset("x", net.inputShape(), inputs, new int[batch], net.classes());
        Matrix a = Inference.outputs(shrunk, data, Progress.NONE);
        Matrix b = Inference.outputs(masked, data, Progress.NONE);
        double max = 0;
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                max = Math.max(max, Math.abs(a.get(r, c) - b.get(r, c)));
            }
        }
        return new Outcome(DependencyGroups.of(net).groups().size(), net.parameterCount(), shrunk.parameterCount(), max);
    }
}
