package dev.infoprune.model;

import java.util.Locale;

/**
 * An element-wise non-linearity, with PyTorch's definitions. Two parameters carry what some kinds need:
 * <ul>
 * <li>{@code leakyrelu}: {@code alpha} is the negative slope ({@code nn.LeakyReLU(negative_slope)}, default 0.01)</li>
 * <li>{@code elu}: {@code alpha} ({@code nn.ELU(alpha)}, default 1): {@code x > 0 ? x : alpha (e^x - 1)}</li>
 * <li>{@code clip}: {@code alpha} is the minimum and {@code beta} the maximum ({@code nn.Hardtanh(min_val, max_val)})</li>
 * <li>{@code hardsigmoid}: {@code clamp(alpha x + beta, 0, 1)}; PyTorch's {@code nn.Hardsigmoid} is
 * {@code relu6(x + 3) / 6}, alpha 1/6 and beta 1/2 (ONNX's HardSigmoid defaults differ: 0.2 and 0.5)</li>
 * </ul>
 * The others take none: relu, sigmoid, tanh, relu6 ({@code min(max(x, 0), 6)}), gelu (the exact form
 * {@code x (1 + erf(x / sqrt 2)) / 2}), silu ({@code x sigmoid(x)}) and hardswish ({@code x relu6(x + 3) / 6}).
 */
public record Activation(String name, Kind kind, double alpha, double beta) implements Layer {
    public enum Kind {
        RELU, SIGMOID, TANH, LEAKYRELU, ELU, RELU6, CLIP, GELU, SILU, HARDSWISH, HARDSIGMOID;

        public String type() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind whose model.json type is {@code type}, or null. */
        public static Kind ofType(String type) {
            for (Kind k : values()) {
                if (k.type().equals(type)) {
                    return k;
                }
            }
            return null;
        }

        /** True for kinds that behave like ReLU for weight initialisation (Kaiming gain 2). */
        public boolean reluLike() {
            return this != SIGMOID && this != TANH && this != HARDSIGMOID && this != CLIP;
        }
    }

    /** PyTorch's default negative slope of {@code nn.LeakyReLU}. */
    public static final double LEAKY_RELU_SLOPE = 0.01;
    /** PyTorch's {@code nn.Hardsigmoid}: slope 1/6 and offset 1/2. */
    public static final double HARD_SIGMOID_ALPHA = 1.0 / 6;
    public static final double HARD_SIGMOID_BETA = 0.5;

    public Activation {
        if (kind == null) {
            throw new IllegalArgumentException("activation " + name + " has no kind");
        }
        if (!Double.isFinite(alpha) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException(kind.type() + " " + name + ": parameters must be finite numbers");
        }
        if (kind == Kind.CLIP && !(alpha <= beta)) {
            throw new IllegalArgumentException("clip " + name + ": min " + alpha + " exceeds max " + beta);
        }
        if (!usesAlpha(kind)) {
            alpha = 0;
        }
        if (!usesBeta(kind)) {
            beta = 0;
        }
    }

    /** An activation with the kind's default parameters (PyTorch's module defaults; clip needs its bounds). */
    public Activation(String name, Kind kind) {
        this(name, kind, defaultAlpha(kind), defaultBeta(kind));
    }

    public static Activation leakyRelu(String name, double negativeSlope) {
        return new Activation(name, Kind.LEAKYRELU, negativeSlope, 0);
    }

    public static Activation elu(String name, double alpha) {
        return new Activation(name, Kind.ELU, alpha, 0);
    }

    public static Activation clip(String name, double min, double max) {
        return new Activation(name, Kind.CLIP, min, max);
    }

    public static Activation hardSigmoid(String name, double alpha, double beta) {
        return new Activation(name, Kind.HARDSIGMOID, alpha, beta);
    }

    public static boolean usesAlpha(Kind kind) {
        return kind == Kind.LEAKYRELU || kind == Kind.ELU || kind == Kind.CLIP || kind == Kind.HARDSIGMOID;
    }

    public static boolean usesBeta(Kind kind) {
        return kind == Kind.CLIP || kind == Kind.HARDSIGMOID;
    }

    static double defaultAlpha(Kind kind) {
        return switch (kind) {
            case LEAKYRELU -> LEAKY_RELU_SLOPE;
            case ELU -> 1.0;
            case HARDSIGMOID -> HARD_SIGMOID_ALPHA;
            case CLIP -> throw new IllegalArgumentException("a clip activation needs its min and max");
            default -> 0;
        };
    }

    static double defaultBeta(Kind kind) {
        return kind == Kind.HARDSIGMOID ? HARD_SIGMOID_BETA : 0;
    }

    /** The lower bound of a clip activation. */
    public double min() {
        return alpha;
    }

    /** The upper bound of a clip activation. */
    public double max() {
        return beta;
    }

    @Override
    public String type() {
        return kind.type();
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }
}
