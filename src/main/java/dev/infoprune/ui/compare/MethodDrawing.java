package dev.infoprune.ui.compare;

import dev.infoprune.prune.PruningPlan;
import dev.infoprune.ui.network.NetworkLayout;
import dev.infoprune.ui.network.NetworkPainter;
import dev.infoprune.ui.network.NetworkPicture;
import dev.infoprune.ui.network.NetworkViewModel;
import dev.infoprune.ui.network.NodeScore;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A small drawing of the network one method leaves: the main view's painter and layout on a canvas of its own,
 * removed units greyed out, layers that collapsed to one unit or none framed in red.
 */
final class MethodDrawing extends VBox {
    static final double WIDTH = 230;
    static final double HEIGHT = 150;
    /** The drawing is laid out for a larger area and scaled down, so that column titles keep their room. */
    private static final double SCALE = 0.66;
    static final Color COLLAPSED = Color.web("#c92a2a");
    private static final Color TITLE = Color.web("#4a5563");
    /** Screen height of the title band; the layout leaves more than this above the nodes. */
    private static final double TITLE_HEIGHT = 31;

    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);

    MethodDrawing(String id, String title, String titleColor, String caption, NetworkPicture picture, NodeScore score,
                  PruningPlan plan, List<String> collapsed) {
        setId(id);
        getStyleClass().add("method-drawing");
        setSpacing(2);
        setPadding(new Insets(6));
        Label heading = new Label(title);
        heading.getStyleClass().add("method-drawing-title");
        heading.setStyle("-fx-text-fill: " + titleColor + ";");
        Label under = new Label(caption);
        under.getStyleClass().add("method-drawing-caption");
        under.setWrapText(true);
        under.setMaxWidth(WIDTH);
        getChildren().addAll(heading, canvas, under);
        if (!collapsed.isEmpty()) {
            Label flag = new Label("Collapsed: " + String.join(", ", collapsed));
            flag.getStyleClass().add("collapsed-flag");
            getChildren().add(flag);
        }
        paint(picture, score, plan == null ? Map.of() : CompareController.removedUnits(picture.network(), plan), collapsed);
    }

    private void paint(NetworkPicture picture, NodeScore score, Map<String, BitSet> removed, List<String> collapsed) {
        NetworkViewModel vm = new NetworkViewModel();
        vm.pictureProperty().set(picture);
        vm.scoreProperty().set(score);
        vm.removedProperty().set(removed);
        vm.showEdgesProperty().set(true);
        vm.zoomProperty().set(SCALE);
        NetworkLayout layout = NetworkLayout.thumbnail(picture, WIDTH / SCALE, HEIGHT / SCALE);
        GraphicsContext g = canvas.getGraphicsContext2D();
        NetworkPainter.paint(g, WIDTH, HEIGHT, layout, vm);
        // the main view's column titles are too wide for a thumbnail: short ones instead, kept/total per layer
        double titles = TITLE_HEIGHT;
        g.setFill(NetworkPainter.BACKGROUND);
        g.fillRect(0, 0, WIDTH, titles);
        g.setTextAlign(TextAlignment.CENTER);
        for (NetworkLayout.Column col : layout.columns()) {
            String layer = col.spec().layer();
            boolean flagged = layer != null && collapsed.contains(layer);
            double cx = col.centerX() * SCALE;
            BitSet gone = layer == null ? null : removed.get(layer);
            int units = col.spec().units();
            String count = gone == null || gone.isEmpty() ? Integer.toString(units) : (units - gone.cardinality()) + "/" + units;
            // a graph has too many narrow columns for titles; the caption under it lists the widths
            if (layout.titled()) {
                g.setFill(flagged ? COLLAPSED : TITLE);
                g.setFont(Font.font("System", FontWeight.BOLD, 11));
                g.fillText(col.spec().title(), cx, 13);
                g.setFont(Font.font("System", 10));
                g.fillText(count, cx, 26);
            }
            if (flagged) {
                double left = (col.left() - 6) * SCALE;
                double right = (col.right() + 6) * SCALE;
                g.setStroke(COLLAPSED);
                g.setLineWidth(2);
                g.strokeRoundRect(left, titles - 2, right - left, HEIGHT - titles, 8, 8);
            }
        }
    }

    Canvas canvas() {
        return canvas;
    }
}
