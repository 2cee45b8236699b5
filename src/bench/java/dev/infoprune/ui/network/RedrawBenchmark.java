package dev.infoprune.ui.network;

import dev.infoprune.model.Activation;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Flatten;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.Normalization;
import dev.infoprune.model.Pool;
import dev.infoprune.model.Tensor;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * Redraw time of the network view (1280×760, scores, strongest edges, some removed nodes) on the JavaFX thread:
 * {@code paint} is what a redraw with unchanged content costs the FX thread (recording the canvas commands);
 * the {@code ...AndRasterize} ones add a snapshot, which makes the software renderer rasterise every pixel (an
 * upper bound of a frame's cost): unchanged content, a pan, a change of the removed nodes (a MIPP step), a hover,
 * and the full drawing without the network image cache. A change of removed nodes repaints only the strip of the
 * view between the changed layer's neighbours ({@link RemovalDamage}).
 * Uses the sample models when present, else networks of their shapes with random weights.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
        "-Djava.awt.headless=true"})
public class RedrawBenchmark {
    @Param({"vgg-fashion", "lenet300-fashion"})
    public String model;

    private NetworkView view;
    private NetworkViewModel viewModel;
    private Map<String, BitSet> removedA;
    private Map<String, BitSet> removedB;
    private int flip;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        try {
            Platform.startup(() -> {
            });
        } catch (IllegalStateException alreadyRunning) {
            // started by an earlier trial in this JVM
        }
        // the stage is hidden below: without this JavaFX would exit with its last window
        Platform.setImplicitExit(false);
        Network network = load(model);
        onFx(() -> {
            NetworkViewModel m = new NetworkViewModel();
            view = new NetworkView(m);
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(view), 1280, 760));
            stage.show();
            stage.hide(); // no pulses render the scene behind the benchmark's back
            m.pictureProperty().set(NetworkPicture.of(network));
            Map<String, double[]> values = new LinkedHashMap<>();
            Map<String, BitSet> removed = new HashMap<>();
            Random r = new Random(1);
            for (int i : network.prunableLayerIndices()) {
                Layer l = network.layer(i);
                double[] v = new double[l.units()];
                BitSet gone = new BitSet();
                for (int u = 0; u < v.length; u++) {
                    v[u] = r.nextDouble();
                    if (r.nextDouble() < 0.3) {
                        gone.set(u);
                    }
                }
                values.put(l.name(), v);
                removed.put(l.name(), gone);
            }
            m.scoreProperty().set(new NodeScore("s", "score", "nats", "test", values));
            m.removedProperty().set(removed);
            removedA = removed;
            removedB = new HashMap<>(removed);
            // a middle layer: its strip spans two full gaps of edges, as most MIPP steps do
            List<String> prunable = network.prunableLayerNames();
            String middle = prunable.get(prunable.size() / 2);
            BitSet more = (BitSet) removed.get(middle).clone();
            more.flip(0);
            removedB.put(middle, more);
            viewModel = m;
            m.selectedProperty().set(new NodeId(network.prunableLayerNames().get(0), 3));
            stage.getScene().getRoot().layout();
            return null;
        });
    }

    @Benchmark
    public Object paint() throws Exception {
        return onFx(() -> {
            view.redrawNow();
            return view;
        });
    }

    private int hover;

    @Benchmark
    public Object hoverAndRasterize() throws Exception {
        return onFx(() -> {
            var m = view.currentLayout().column(1);
            view.hoverForBenchmark(new NodeId(m.spec().layer(), hover++ % m.nodes()));
            return view.overlayCanvas().snapshot(null, null);
        });
    }

    /** A pan by one pixel: with the cached network image only that image is copied. */
    @Benchmark
    public Object panAndRasterize() throws Exception {
        // the change queues the view's own redraw, which runs before the snapshot task, as in the app
        onFx(() -> {
            viewModel.panXProperty().set((flip++ & 1) == 0 ? 1 : 0);
            return null;
        });
        return onFx(() -> view.canvas().snapshot(null, null));
    }

    /** One more (or one fewer) removed node, as in a MIPP step: the network is drawn again, then shown. */
    @Benchmark
    public Object contentChangeAndRasterize() throws Exception {
        onFx(() -> {
            viewModel.removedProperty().set((flip++ & 1) == 0 ? removedB : removedA);
            return null;
        });
        return onFx(() -> view.canvas().snapshot(null, null));
    }

    /** The full drawing without the cache, as every redraw was before it. */
    @Benchmark
    public Object uncachedPaintAndRasterize() throws Exception {
        return onFx(() -> {
            NetworkPainter.paint(view.canvas().getGraphicsContext2D(), view.canvas().getWidth(), view.canvas().getHeight(),
                    view.currentLayout(), viewModel);
            return view.canvas().snapshot(null, null);
        });
    }

    @Benchmark
    public Object paintAndRasterize() throws Exception {
        return onFx(() -> {
            view.redrawNow();
            return view.canvas().snapshot(null, null);
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }

    static Network load(String name) {
        Path folder = Path.of("sample-models", name);
        if (Files.isRegularFile(folder.resolve("model.json"))) {
            return ModelFolder.read(folder);
        }
        return name.startsWith("vgg") ? vggShaped() : lenet300Shaped();
    }

    private static Tensor random(Random r, int... shape) {
        float[] d = new float[(int) Tensor.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) r.nextGaussian();
        }
        return new Tensor(shape, d);
    }

    /** conv 32-32-pool-64-64-pool, dense 256, 10 outputs on 1×28×28 (larger than the bundled vgg-fashion). */
    static Network vggShaped() {
        Random r = new Random(7);
        List<Layer> layers = new ArrayList<>();
        int[] widths = {32, 32, 64, 64};
        int in = 1;
        for (int i = 0; i < widths.length; i++) {
            layers.add(new Conv2d("conv" + (i + 1), in, widths[i], 3, 1, 1, random(r, widths[i], in, 3, 3), random(r, widths[i])));
            layers.add(new Activation("relu" + (i + 1), Activation.Kind.RELU));
            if (i % 2 == 1) {
                layers.add(new Pool("pool" + (i + 1), Pool.Kind.MAX, 2, 2));
            }
            in = widths[i];
        }
        layers.add(new Flatten("flatten"));
        layers.add(new Dense("fc1", 64 * 7 * 7, 256, random(r, 256, 64 * 7 * 7), random(r, 256)));
        layers.add(new Activation("relu5", Activation.Kind.RELU));
        layers.add(new Dense("out", 256, 10, random(r, 10, 256), random(r, 10)));
        return new Network("vgg-shaped", new int[] {1, 28, 28}, classes(), layers, Normalization.IDENTITY, ModelCard.EMPTY);
    }

    static Network lenet300Shaped() {
        Random r = new Random(8);
        List<Layer> layers = List.of(
                new Dense("fc1", 784, 300, random(r, 300, 784), random(r, 300)),
                new Activation("relu1", Activation.Kind.RELU),
                new Dense("fc2", 300, 100, random(r, 100, 300), random(r, 100)),
                new Activation("relu2", Activation.Kind.RELU),
                new Dense("out", 100, 10, random(r, 10, 100), random(r, 10)));
        return new Network("lenet300-shaped", new int[] {784}, classes(), layers, Normalization.IDENTITY, ModelCard.EMPTY);
    }

    private static List<String> classes() {
        return java.util.stream.IntStream.range(0, 10).mapToObj(Integer::toString).toList();
    }
}
