package dev.infoprune.engine;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.Activation;
import dev.infoprune.model.Add;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Dropout;
import dev.infoprune.model.Flatten;
import dev.infoprune.model.GlobalAvgPool;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.Pool;
import dev.infoprune.model.Tensor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compact description of a network's hidden layers, e.g. {@code mlp:128-64} or
 * {@code conv:16c3/bn-16c3/bn-pool-32c3/bn-32c3/bn-pool-fc128}, that builds a freshly initialised
 * {@link Network} for a given input shape and class count. Grammar (case-insensitive, items joined by '-'):
 * <pre>
 * spec   := [family ':'] item ('-' item)*          family (mlp, conv, cnn) is a label only; or a preset name
 * item   := dense | conv | res | pool | 'gap' | 'drop' RATE
 * dense  := ['fc'] UNITS mods                      hidden dense layer
 * conv   := FILTERS 'c' KERNEL ['s' STRIDE] ['p' PADDING] mods
 *                                                  square kernel, stride 1, padding KERNEL/2 ("same") by default
 * mods   := ('/bn' | '/' ACTIVATION | '/linear')*
 *                                                  BatchNorm after the layer; its activation (relu by default):
 *                                                  relu, tanh, sigmoid, leakyrelu, elu, relu6, gelu, silu,
 *                                                  hardswish, hardsigmoid (PyTorch's default parameters)
 * res    := 'res' FILTERS ['s' STRIDE]              a basic residual block (He et al. 2016): 3x3 conv (stride
 *                                                  STRIDE)/bn/relu, 3x3 conv/bn, added to the block's input, relu;
 *                                                  the shortcut is the identity, or a 1x1 conv (stride STRIDE)/bn
 *                                                  when the shape changes
 * pool   := ('pool' | 'maxpool' | 'avgpool') [SIZE]  window = stride = SIZE (2); pool means max pooling
 * </pre>
 * A spec with residual blocks builds a graph network; the presets {@code resnet8} and {@code resnet20} are the
 * CIFAR-style ResNets of that paper (a 16-filter stem, three stages of 16, 32 and 64 filters, the last two starting
 * with stride 2, global average pooling) with one and three blocks per stage; {@code resnet8-small} is ResNet-8 at half width (8, 16 and 32 filters) with
 * the stem max-pooled as ImageNet ResNets do, 0.6 M multiply-accumulates per 28x28 image, which trains on this
 * project's shared CPUs in minutes.
 * A flatten layer is put before the first dense layer when the input is an image, and the output dense layer
 * (one unit per class, named {@code out}) is appended. Weights are drawn with Kaiming (He) normal
 * initialisation, std = sqrt(2 / fan-in) before ReLU-like activations (all but tanh, sigmoid and hardsigmoid)
 * and sqrt(1 / fan-in) otherwise; biases start at 0, BatchNorm at the identity.
 */
public final class ArchitectureSpec {
    /** Named architectures: the ones the sample models use. */
    public static final Map<String, String> PRESETS;

    static {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("mlp-digits", "mlp:128-64");
        p.put("lenet300", "mlp:300-100");
        p.put("lenet5", "conv:6c5p2-pool-16c5p0-pool-fc120-fc84");
        p.put("vgg-small", "conv:16c3/bn-pool-16c3/bn-32c3/bn-pool-32c3/bn-fc128");
        p.put("resnet8", "conv:16c3/bn-res16-res32s2-res64s2-gap");
        p.put("resnet8-small", "conv:8c3/bn-pool-res8-res16s2-res32s2-gap");
        p.put("resnet20", "conv:16c3/bn-res16-res16-res16-res32s2-res32-res32-res64s2-res64-res64-gap");
        // VGG-16's 13 convolutions in 5 stages at 1/8 of its widths; the fifth pool is left out (1x1 maps on 28x28)
        p.put("vgg16-small", "conv:8c3/bn-8c3/bn-pool-16c3/bn-16c3/bn-pool-32c3/bn-32c3/bn-32c3/bn-pool"
                + "-64c3/bn-64c3/bn-64c3/bn-pool-64c3/bn-64c3/bn-64c3/bn-fc128-fc128");
        PRESETS = java.util.Collections.unmodifiableMap(p);
    }

    private static final Pattern DENSE = Pattern.compile("(?:fc)?(\\d+)");
    private static final Pattern CONV = Pattern.compile("(\\d+)c(\\d+)(?:s(\\d+))?(?:p(\\d+))?");
    private static final Pattern RES = Pattern.compile("res(\\d+)(?:s(\\d+))?");
    private static final Pattern POOL = Pattern.compile("(pool|maxpool|avgpool)(\\d+)?");
    private static final Pattern DROP = Pattern.compile("drop(0?\\.\\d+|0)");

    private final String text;
    private final List<Item> items;

    private ArchitectureSpec(String text, List<Item> items) {
        this.text = text;
        this.items = List.copyOf(items);
    }

    private interface Item {
    }

    private record DenseItem(int units, boolean batchNorm, Activation.Kind activation) implements Item {
    }

    private record ConvItem(int filters, int kernel, int stride, int padding, boolean batchNorm,
                            Activation.Kind activation) implements Item {
    }

    private record ResItem(int filters, int stride) implements Item {
    }

    private record PoolItem(Pool.Kind kind, int size) implements Item {
    }

    private record GapItem() implements Item {
    }

    private record DropItem(double rate) implements Item {
    }

    /** Parses a spec or a preset name; a malformed spec is a {@link BadInputException} from "--arch". */
    public static ArchitectureSpec parse(String specOrPreset) {
        String spec = specOrPreset.trim();
        String resolved = PRESETS.getOrDefault(spec.toLowerCase(Locale.ROOT), spec);
        String body = resolved.toLowerCase(Locale.ROOT);
        int colon = body.indexOf(':');
        if (colon >= 0) {
            String family = body.substring(0, colon);
            if (!List.of("mlp", "conv", "cnn").contains(family)) {
                throw bad(spec, "unknown family \"" + family + "\" (mlp, conv or cnn)");
            }
            body = body.substring(colon + 1);
        }
        if (body.isBlank()) {
            throw bad(spec, "no layers (e.g. mlp:128-64, or a preset: " + String.join(", ", PRESETS.keySet()) + ")");
        }
        List<Item> items = new ArrayList<>();
        for (String token : body.split("-", -1)) {
            items.add(item(spec, token));
        }
        return new ArchitectureSpec(resolved, items);
    }

    private static Item item(String spec, String token) {
        String[] parts = token.split("/", -1);
        String head = parts[0];
        Matcher m;
        if ((m = POOL.matcher(head)).matches()) {
            requireNoModifiers(spec, token, parts);
            Pool.Kind kind = m.group(1).equals("avgpool") ? Pool.Kind.AVG : Pool.Kind.MAX;
            return new PoolItem(kind, m.group(2) == null ? 2 : positive(spec, token, m.group(2)));
        }
        if ((m = RES.matcher(head)).matches()) {
            requireNoModifiers(spec, token, parts);
            return new ResItem(positive(spec, token, m.group(1)), m.group(2) == null ? 1 : positive(spec, token, m.group(2)));
        }
        if (head.equals("gap")) {
            requireNoModifiers(spec, token, parts);
            return new GapItem();
        }
        if ((m = DROP.matcher(head)).matches()) {
            requireNoModifiers(spec, token, parts);
            return new DropItem(Double.parseDouble(m.group(1)));
        }
        boolean batchNorm = false;
        Activation.Kind activation = Activation.Kind.RELU;
        for (int i = 1; i < parts.length; i++) {
            switch (parts[i]) {
                case "bn" -> batchNorm = true;
                case "linear" -> activation = null;
                default -> {
                    activation = Activation.Kind.ofType(parts[i]);
                    if (activation == null || activation == Activation.Kind.CLIP) {
                        throw bad(spec, "unknown modifier \"/" + parts[i] + "\" in \"" + token
                                + "\" (bn, relu, tanh, sigmoid, leakyrelu, elu, relu6, gelu, silu, hardswish, "
                                + "hardsigmoid, linear)");
                    }
                }
            }
        }
        if ((m = CONV.matcher(head)).matches()) {
            int kernel = positive(spec, token, m.group(2));
            int stride = m.group(3) == null ? 1 : positive(spec, token, m.group(3));
            int padding = m.group(4) == null ? kernel / 2 : Integer.parseInt(m.group(4));
            return new ConvItem(positive(spec, token, m.group(1)), kernel, stride, padding, batchNorm, activation);
        }
        if ((m = DENSE.matcher(head)).matches()) {
            return new DenseItem(positive(spec, token, m.group(1)), batchNorm, activation);
        }
        throw bad(spec, "cannot read \"" + token + "\" (expected e.g. 128, fc128, 16c3, 16c3s2p1/bn, res32s2, pool, avgpool2, "
                + "gap, drop0.5)");
    }

    private static void requireNoModifiers(String spec, String token, String[] parts) {
        if (parts.length > 1) {
            throw bad(spec, "\"" + token + "\" takes no modifiers");
        }
    }

    private static int positive(String spec, String token, String digits) {
        try {
            int v = Integer.parseInt(digits);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw bad(spec, "\"" + token + "\" needs positive sizes");
    }

    private static BadInputException bad(String spec, String problem) {
        return new BadInputException("--arch " + spec, problem);
    }

    /** The spec with presets resolved, as recorded in model cards. */
    public String text() {
        return text;
    }

    /** A freshly initialised network for inputs of {@code inputShape} and one output per class. */
    public Network build(String name, int[] inputShape, List<String> classes, long seed) {
        Random random = new Random(seed);
        List<Layer> layers = new ArrayList<>();
        Map<Integer, List<String>> reads = new HashMap<>();
        int[] shape = inputShape.clone();
        int convs = 0;
        int blocks = 0;
        int denses = 0;
        int pools = 0;
        int drops = 0;
        try {
            for (Item item : items) {
                int first = layers.size();
                int[] itemInput = shape;
                if (item instanceof ConvItem c) {
                    if (shape.length != 3) {
                        throw new IllegalArgumentException("conv layers need image inputs [c, h, w] before any dense layer");
                    }
                    String layerName = "conv" + (++convs);
                    int fanIn = shape[0] * c.kernel() * c.kernel();
                    layers.add(new Conv2d(layerName, shape[0], c.filters(), c.kernel(), c.stride(), c.padding(),
                            KaimingNormal.draw(random, fanIn, c.activation(), c.filters(), shape[0], c.kernel(), c.kernel()),
                            Tensor.zeros(c.filters())));
                    addNormAndActivation(layers, layerName, c.filters(), c.batchNorm(), c.activation());
                } else if (item instanceof DenseItem d) {
                    shape = flattenIfImage(layers, shape);
                    String layerName = "fc" + (++denses);
                    layers.add(new Dense(layerName, shape[0], d.units(),
                            KaimingNormal.draw(random, shape[0], d.activation(), d.units(), shape[0]), Tensor.zeros(d.units())));
                    addNormAndActivation(layers, layerName, d.units(), d.batchNorm(), d.activation());
                } else if (item instanceof ResItem r) {
                    if (shape.length != 3) {
                        throw new IllegalArgumentException("residual blocks need image inputs [c, h, w] before any dense layer");
                    }
                    addResidualBlock(layers, reads, "res" + (++blocks), shape, r, random);
                } else if (item instanceof PoolItem p) {
                    layers.add(new Pool("pool" + (++pools), p.kind(), p.size(), p.size()));
                } else if (item instanceof GapItem) {
                    layers.add(new GlobalAvgPool("gap"));
                } else if (item instanceof DropItem d) {
                    layers.add(new Dropout("drop" + (++drops), d.rate()));
                }
                // a residual block's output has the shape of its first conv's; other items are chains
                shape = itemInput;
                for (int i = first; i < layers.size(); i = item instanceof ResItem ? layers.size() : i + 1) {
                    shape = layers.get(i).outputShape(shape);
                }
            }
            shape = flattenIfImage(layers, shape);
            layers.add(new Dense("out", shape[0], classes.size(),
                    KaimingNormal.draw(random, shape[0], null, classes.size(), shape[0]), Tensor.zeros(classes.size())));
            return wired(name, inputShape, classes, layers, reads).withCard(new ModelCard(null, seed, 0, null, null, text, null));
        } catch (IllegalArgumentException e) {
            throw bad(text, "does not fit inputs of shape " + java.util.Arrays.toString(inputShape) + ": " + e.getMessage());
        }
    }

    private static int[] flattenIfImage(List<Layer> layers, int[] shape) {
        if (shape.length == 1) {
            return shape;
        }
        layers.add(new Flatten("flatten"));
        return new int[] {(int) Tensor.sizeOf(shape)};
    }

    /** The layers so far as a network; {@code reads} names the inputs of the layers that skip (by index). */
    private static Network wired(String name, int[] inputShape, List<String> classes, List<Layer> layers,
                                 Map<Integer, List<String>> reads) {
        List<List<String>> inputs = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            inputs.add(reads.getOrDefault(i, List.of()));
        }
        return new Network(name, inputShape, classes, layers, inputs, Normalization.IDENTITY, null);
    }

    private static void addResidualBlock(List<Layer> layers, Map<Integer, List<String>> reads, String block,
                                         int[] shape, ResItem r, Random random) {
        String in = layers.isEmpty() ? Network.INPUT : layers.get(layers.size() - 1).name();
        int channels = shape[0];
        layers.add(new Conv2d(block + "_conv1", channels, r.filters(), 3, r.stride(), 1,
                KaimingNormal.draw(random, channels * 9, Activation.Kind.RELU, r.filters(), channels, 3, 3),
                Tensor.zeros(r.filters())));
        addNormAndActivation(layers, block + "_conv1", r.filters(), true, Activation.Kind.RELU);
        layers.add(new Conv2d(block + "_conv2", r.filters(), r.filters(), 3, 1, 1,
                KaimingNormal.draw(random, r.filters() * 9, Activation.Kind.RELU, r.filters(), r.filters(), 3, 3),
                Tensor.zeros(r.filters())));
        addNormAndActivation(layers, block + "_conv2", r.filters(), true, null);
        String residual = layers.get(layers.size() - 1).name();
        String shortcut = in;
        if (r.stride() != 1 || r.filters() != channels) {
            reads.put(layers.size(), List.of(in));
            layers.add(new Conv2d(block + "_proj", channels, r.filters(), 1, r.stride(), 0,
                    KaimingNormal.draw(random, channels, null, r.filters(), channels, 1, 1), Tensor.zeros(r.filters())));
            addNormAndActivation(layers, block + "_proj", r.filters(), true, null);
            shortcut = layers.get(layers.size() - 1).name();
        }
        reads.put(layers.size(), List.of(residual, shortcut));
        layers.add(new Add(block + "_add"));
        layers.add(new Activation(block + "_relu", Activation.Kind.RELU));
    }

    private static void addNormAndActivation(List<Layer> layers, String layerName, int units, boolean batchNorm,
                                             Activation.Kind activation) {
        if (batchNorm) {
            layers.add(BatchNorm.identity(layerName + "_bn", units));
        }
        if (activation != null) {
            layers.add(new Activation(layerName + "_" + activation.type(), activation));
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
