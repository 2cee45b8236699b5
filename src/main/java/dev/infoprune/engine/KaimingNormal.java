package dev.infoprune.engine;

import dev.infoprune.model.Activation;
import dev.infoprune.model.Tensor;

import java.util.Random;

/**
 * He et al.'s normal initialisation: std = sqrt(2 / fan-in) before a ReLU-like activation and sqrt(1 / fan-in)
 * otherwise (tanh, sigmoid, hardsigmoid, clip, or none), drawn from {@code random} in row-major order.
 */
final class KaimingNormal {
    private KaimingNormal() {
    }

    static Tensor draw(Random random, int fanIn, Activation.Kind activation, int... shape) {
        double std = Math.sqrt((activation != null && activation.reluLike() ? 2.0 : 1.0) / fanIn);
        float[] data = new float[(int) Tensor.sizeOf(shape)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) (random.nextGaussian() * std);
        }
        return new Tensor(shape, data);
    }
}
