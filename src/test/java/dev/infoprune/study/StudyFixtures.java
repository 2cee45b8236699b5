package dev.infoprune.study;

import dev.infoprune.data.Dataset;
import dev.infoprune.data.Splits;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;

import java.util.Random;

/** A small network and learnable synthetic splits for study tests. */
final class StudyFixtures {
    private StudyFixtures() {
    }

    static Network mlp() {
        return RandomNetworks.mlp(3, 6, 12, 8, 3);
    }

    /** Three Gaussian blobs in 6 dimensions, split 300/200/200. */
    static Splits blobs(long seed) {
        return new Splits(blobs(300, seed), blobs(200, seed + 1), blobs(200, seed + 2));
    }

    private static Dataset blobs(int n, long seed) {
        Random centres = new Random(99);
        double[][] c = new double[3][6];
        for (double[] row : c) {
            for (int d = 0; d < 6; d++) {
                row[d] = centres.nextGaussian() * 1.5;
            }
        }
        Random r = new Random(seed);
        float[] x = new float[n * 6];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int d = 0; d < 6; d++) {
                x[i * 6 + d] = (float) (c[y[i]][d] + r.nextGaussian());
            }
        }
        return new Dataset("blobs", new int[] {6}, x, y, RandomNetworks.classes(3));
    }
}
