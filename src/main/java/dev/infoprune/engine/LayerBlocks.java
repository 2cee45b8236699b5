package dev.infoprune.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import dev.infoprune.model.Activation;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Flatten;
import dev.infoprune.model.GlobalAvgPool;
import dev.infoprune.model.Layer;

/** The DJL block that computes one layer of a {@link dev.infoprune.model.Network}, PyTorch semantics. */
final class LayerBlocks {
    /** DJL's default batch-norm momentum 0.9 keeps 90% of the running value: PyTorch's momentum 0.1. */
    static final float BATCH_NORM_MOMENTUM = 0.9f;

    private LayerBlocks() {
    }

    static Block blockFor(Layer layer) {
        if (layer instanceof Dense d) {
            return Linear.builder().setUnits(d.out()).optBias(true).build();
        }
        if (layer instanceof Conv2d c) {
            return ai.djl.nn.convolutional.Conv2d.builder()
                    .setKernelShape(new Shape(c.kernel(), c.kernel()))
                    .setFilters(c.out())
                    .optStride(new Shape(c.stride(), c.stride()))
                    .optPadding(new Shape(c.padding(), c.padding()))
                    .optGroups(c.groups())
                    .optBias(true)
                    .build();
        }
        if (layer instanceof BatchNorm b) {
            return ai.djl.nn.norm.BatchNorm.builder()
                    .optAxis(1)
                    .optEpsilon((float) b.eps())
                    .optMomentum(BATCH_NORM_MOMENTUM)
                    .build();
        }
        if (layer instanceof Activation a) {
            return activationBlock(a);
        }
        if (layer instanceof dev.infoprune.model.Pool p) {
            Shape window = new Shape(p.kernel(), p.kernel());
            Shape stride = new Shape(p.stride(), p.stride());
            Shape padding = new Shape(p.padding(), p.padding());
            if (p.kind() == dev.infoprune.model.Pool.Kind.MAX) {
                return Pool.maxPool2dBlock(window, stride, padding, p.ceilMode());
            }
            if (p.countIncludePad()) {
                return Pool.avgPool2dBlock(window, stride, padding, false, true);
            }
            // DJL's PyTorch engine counts the padding whatever it is told: divide by the share of real inputs instead
            return LambdaBlock.singleton(x -> {
                NDArray sums = Pool.avgPool2d(x, window, stride, padding, false, true);
                Shape s = x.getShape();
                NDArray real = Pool.avgPool2d(x.getManager().ones(new Shape(1, 1, s.get(2), s.get(3))), window, stride,
                        padding, false, true);
                return sums.div(real);
            }, p.name());
        }
        if (layer instanceof GlobalAvgPool g) {
            return LambdaBlock.singleton(x -> Pool.globalAvgPool2d(x).expandDims(2).expandDims(3), g.name());
        }
        if (layer instanceof Flatten) {
            return Blocks.batchFlattenBlock();
        }
        if (layer instanceof dev.infoprune.model.Add a) {
            return reduction(NDArray::add, a.name());
        }
        if (layer instanceof dev.infoprune.model.Multiply m) {
            return reduction(NDArray::mul, m.name()); // a [c, 1, 1] gate broadcasts over the maps
        }
        if (layer instanceof dev.infoprune.model.Concat c) {
            return new LambdaBlock(xs -> new NDList(NDArrays.concat(xs, 1)), c.name());
        }
        if (layer instanceof dev.infoprune.model.ChannelShuffle s) {
            return LambdaBlock.singleton(x -> {
                Shape in = x.getShape();
                long c = in.get(1);
                return x.reshape(new Shape(in.get(0), s.groups(), c / s.groups(), in.get(2), in.get(3)))
                        .transpose(0, 2, 1, 3, 4).reshape(in);
            }, s.name());
        }
        if (layer instanceof dev.infoprune.model.ChannelSlice s) {
            return LambdaBlock.singleton(x -> x.get(new NDIndex(":, {}:{}", s.start(), s.end())), s.name());
        }
        if (layer instanceof dev.infoprune.model.Dropout d) {
            return Dropout.builder().optRate((float) d.rate()).build();
        }
        throw new IllegalArgumentException("no DJL block for layer " + layer.name());
    }

    private static Block reduction(java.util.function.BinaryOperator<NDArray> op, String name) {
        return new LambdaBlock(xs -> {
            NDArray result = xs.get(0);
            for (int i = 1; i < xs.size(); i++) {
                result = op.apply(result, xs.get(i));
            }
            return new NDList(result);
        }, name);
    }

    /** Element-wise blocks; the ones DJL lacks are composed of differentiable operations (PyTorch's formulas). */
    private static Block activationBlock(Activation a) {
        float alpha = (float) a.alpha();
        float beta = (float) a.beta();
        return switch (a.kind()) {
            case RELU -> ai.djl.nn.Activation.reluBlock();
            case SIGMOID -> ai.djl.nn.Activation.sigmoidBlock();
            case TANH -> ai.djl.nn.Activation.tanhBlock();
            case LEAKYRELU -> ai.djl.nn.Activation.leakyReluBlock(alpha);
            case ELU -> ai.djl.nn.Activation.eluBlock(alpha);
            case GELU -> ai.djl.nn.Activation.geluBlock();
            case SILU -> ai.djl.nn.Activation.swishBlock(1f);
            case RELU6 -> elementWise(x -> x.clip(0f, 6f), a);
            case CLIP -> elementWise(x -> x.clip(alpha, beta), a);
            case HARDSIGMOID -> elementWise(x -> x.mul(alpha).add(beta).clip(0f, 1f), a);
            case HARDSWISH -> elementWise(x -> x.mul(x.add(3f).clip(0f, 6f)).div(6f), a);
        };
    }

    private static Block elementWise(java.util.function.UnaryOperator<NDArray> f, Activation a) {
        return LambdaBlock.singleton(f::apply, a.type());
    }

    /** The model-file suffix ("weight", "running_mean", ...) of a DJL parameter. */
    static String suffixOf(Parameter parameter) {
        return switch (parameter.getType()) {
            case WEIGHT, GAMMA -> "weight";
            case BIAS, BETA -> "bias";
            case RUNNING_MEAN -> "running_mean";
            case RUNNING_VAR -> "running_var";
            case OTHER -> throw new IllegalStateException("unexpected DJL parameter " + parameter.getName());
        };
    }
}
