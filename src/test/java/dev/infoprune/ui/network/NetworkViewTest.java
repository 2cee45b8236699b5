package dev.infoprune.ui.network;

import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import dev.infoprune.ui.Screenshots;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The network view's drawing: score colours, strips for tall layers, removed nodes, zoom and selection. */
@ExtendWith(ApplicationExtension.class)
class NetworkViewTest {
    private final NetworkViewModel model = new NetworkViewModel();
    private NetworkView view;
    private Network network;
    private NodeScore score;

    @Start
    void start(Stage stage) {
        network = RandomNetworks.mlp(2, 784, 300, 12, 10);
        view = new NetworkView(model);
        stage.setScene(new Scene(new StackPane(view), 1000, 700));
        stage.show();
        Map<String, double[]> values = new LinkedHashMap<>();
        values.put("fc1", java.util.stream.IntStream.range(0, 300).mapToDouble(i -> i).toArray());
        values.put("fc2", java.util.stream.IntStream.range(0, 12).mapToDouble(i -> 300 - 25 * i).toArray());
        score = new NodeScore("s", "test score", "nats", "by hand", values);
        model.showEdgesProperty().set(false);
        model.pictureProperty().set(NetworkPicture.of(network));
        model.scoreProperty().set(score);
    }

    private WritableImage snapshot() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(10, TimeUnit.SECONDS);
    }

    private static void assertColor(PixelReader px, Point2D p, Color expected) {
        Color c = px.getColor((int) Math.round(p.getX()), (int) Math.round(p.getY()));
        assertThat(Math.abs(c.getRed() - expected.getRed()) + Math.abs(c.getGreen() - expected.getGreen())
                + Math.abs(c.getBlue() - expected.getBlue())).as("colour at %s is %s, expected %s", p, c, expected).isLessThan(0.06);
    }

    @Test
    void nodesAreColouredByTheirScoreInCirclesAndInDenseStrips() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        NetworkLayout layout = view.currentLayout();
        assertThat(layout.column(1).circles()).isFalse();
        assertThat(layout.column(2).circles()).isTrue();
        PixelReader px = snapshot().getPixelReader();
        for (int i : new int[] {0, 150, 299}) {
            assertColor(px, view.screenPointOf(new NodeId("fc1", i)), ColorScale.color(i, 0, 300));
        }
        assertColor(px, view.screenPointOf(new NodeId("fc2", 4)), ColorScale.color(200, 0, 300));
    }

    @Test
    void removedNodesAreDrawnAsEmptyGhostsAndTheColumnCountsWhatIsKept(FxRobot robot) throws Exception {
        BitSet gone = new BitSet();
        gone.set(3);
        gone.set(5);
        BitSet goneStrip = new BitSet();
        goneStrip.set(100, 200);
        robot.interact(() -> model.removedProperty().set(Map.of("fc2", gone, "fc1", goneStrip)));
        PixelReader px = snapshot().getPixelReader();
        assertColor(px, view.screenPointOf(new NodeId("fc2", 4)), ColorScale.color(200, 0, 300));
        Point2D removed = view.screenPointOf(new NodeId("fc2", 3));
        Color centre = px.getColor((int) removed.getX() + 3, (int) removed.getY());
        assertThat(centre.getBrightness()).as("a removed circle is empty").isGreaterThan(0.9);
        assertColor(px, view.screenPointOf(new NodeId("fc1", 150)), NetworkPainter.REMOVED);
        assertColor(px, view.screenPointOf(new NodeId("fc1", 250)), ColorScale.color(250, 0, 300));
        Screenshots.save(view.getScene(), "network-removed-nodes");
    }

    @Test
    void scrollingZoomsAroundThePointerAndNodesStayClickable(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        NodeId target = new NodeId("fc2", 6);
        Point2D before = view.localToScreen(view.screenPointOf(target));
        robot.moveTo(before);
        robot.scroll(5, javafx.geometry.VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double zoom = model.zoomProperty().get();
        assertThat(zoom).isNotEqualTo(1.0);
        Point2D after = view.localToScreen(view.screenPointOf(target));
        assertThat(after.distance(before)).as("the node under the pointer stays under it").isLessThan(2);
        robot.clickOn(after, MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.selectedProperty().get()).isEqualTo(target);
        robot.doubleClickOn(view.localToScreen(10, 680), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.zoomProperty().get()).isEqualTo(1.0);
    }

    @Test
    void panningCopiesACachedPictureThatIsMadeOncePerContent(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        int renders = view.networkRenders();
        robot.interact(() -> model.panXProperty().set(37));
        snapshot();
        assertThat(view.networkRenders()).as("the first pan makes the picture").isEqualTo(renders + 1);
        robot.interact(() -> {
            model.panXProperty().set(-12);
            model.panYProperty().set(-21);
        });
        PixelReader px = snapshot().getPixelReader();
        assertThat(view.networkRenders()).as("later pans copy it").isEqualTo(renders + 1);
        assertColor(px, view.screenPointOf(new NodeId("fc1", 150)), ColorScale.color(150, 0, 300));
        assertColor(px, view.screenPointOf(new NodeId("fc2", 4)), ColorScale.color(200, 0, 300));
        robot.interact(() -> model.hoveredProperty().set(new NodeId("fc2", 1)));
        snapshot();
        assertThat(view.networkRenders()).isEqualTo(renders + 1);

        BitSet gone = new BitSet();
        gone.set(4);
        robot.interact(() -> model.removedProperty().set(Map.of("fc2", gone)));
        px = snapshot().getPixelReader();
        assertThat(view.networkRenders()).as("a content change draws directly").isEqualTo(renders + 1);
        Point2D removed = view.screenPointOf(new NodeId("fc2", 4));
        assertThat(px.getColor((int) removed.getX() + 3, (int) removed.getY()).getBrightness()).isGreaterThan(0.9);
        robot.interact(() -> model.panYProperty().set(5));
        px = snapshot().getPixelReader();
        assertThat(view.networkRenders()).as("the next pan makes the new picture").isEqualTo(renders + 2);
        removed = view.screenPointOf(new NodeId("fc2", 4));
        assertThat(px.getColor((int) removed.getX() + 3, (int) removed.getY()).getBrightness()).isGreaterThan(0.9);
        assertColor(px, view.screenPointOf(new NodeId("fc2", 6)), ColorScale.color(150, 0, 300));
        robot.interact(() -> model.zoomAt(1.5, 300, 300));
        px = snapshot().getPixelReader();
        assertColor(px, view.screenPointOf(new NodeId("fc2", 6)), ColorScale.color(150, 0, 300));
    }

    @Test
    void removingNodesRepaintsOnlyTheirStripWithThePixelsOfAFullPaint(FxRobot robot) throws Exception {
        Network deep = deepMlp();
        robot.interact(() -> {
            model.pictureProperty().set(NetworkPicture.of(deep));
            model.scoreProperty().set(null);
            model.showEdgesProperty().set(true);
            model.removedProperty().set(Map.of());
        });
        int[] before = pixels(snapshot());
        int strips = view.stripRepaints();

        BitSet gone = new BitSet();
        gone.set(1);
        gone.set(5);
        robot.interact(() -> model.removedProperty().set(Map.of("h3", gone)));
        int[] stripped = pixels(snapshot());
        assertThat(view.stripRepaints()).as("a change in one layer repaints its strip").isEqualTo(strips + 1);
        assertThat(stripped).as("the removal changed the picture").isNotEqualTo(before);

        // the same state painted in full: toggling the edges off and on paints everything twice
        robot.interact(() -> model.showEdgesProperty().set(false));
        snapshot();
        robot.interact(() -> model.showEdgesProperty().set(true));
        int[] full = pixels(snapshot());
        assertThat(view.stripRepaints()).isEqualTo(strips + 1);
        assertThat(stripped).as("the strip repaint equals a full paint, pixel for pixel").isEqualTo(full);

        robot.interact(() -> model.removedProperty().set(Map.of()));
        assertThat(pixels(snapshot())).as("restoring the nodes gives back the first picture").isEqualTo(before);
        assertThat(view.stripRepaints()).isEqualTo(strips + 2);
    }

    private static int[] pixels(WritableImage image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
        return argb;
    }

    /** 20 inputs, six hidden layers of 16 and 10 outputs: eight columns, so one layer's strip is a small part. */
    private static Network deepMlp() {
        java.util.Random r = new java.util.Random(3);
        java.util.List<dev.infoprune.model.Layer> layers = new java.util.ArrayList<>();
        int in = 20;
        for (int i = 1; i <= 7; i++) {
            int out = i == 7 ? 10 : 16;
            float[] w = new float[out * in];
            for (int k = 0; k < w.length; k++) {
                w[k] = (float) r.nextGaussian();
            }
            layers.add(new dev.infoprune.model.Dense(i == 7 ? "out" : "h" + i, in, out,
                    new dev.infoprune.model.Tensor(new int[] {out, in}, w), new dev.infoprune.model.Tensor(new int[] {out}, new float[out])));
            if (i < 7) {
                layers.add(new dev.infoprune.model.Activation("relu" + i, dev.infoprune.model.Activation.Kind.RELU));
            }
            in = out;
        }
        return new Network("deep", new int[] {20}, java.util.stream.IntStream.range(0, 10).mapToObj(Integer::toString).toList(),
                layers, dev.infoprune.model.Normalization.IDENTITY, dev.infoprune.model.ModelCard.EMPTY);
    }
}
