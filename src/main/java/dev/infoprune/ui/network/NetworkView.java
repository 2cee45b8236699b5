package dev.infoprune.ui.network;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;

import java.util.Locale;

/**
 * The network drawn on a canvas: layer columns of nodes coloured by the chosen score. Scroll (or pinch) zooms
 * around the pointer, dragging pans, a double click resets the view, hovering shows the node's scores and a
 * click selects it. Redraws are coalesced to one per pulse.
 */
public final class NetworkView extends Region {
    private final NetworkViewModel model;
    private final Canvas canvas = new Canvas();
    private final Canvas overlay = new Canvas();
    private final Label hoverLabel = new Label();
    private final Label emptyLabel = new Label();
    private final NetworkImageCache cache = new NetworkImageCache();
    /** The content last drawn (see {@link NetworkImageCache#contentKey}). */
    private java.util.List<Object> painted;
    /** The canvas as last painted directly (not copied from the cache); null after a copy. */
    private DirectFrame direct;
    private int stripRepaints;
    private NetworkLayout layout;
    private boolean redrawPending;
    private boolean overlayPending;
    private double dragX;
    private double dragY;
    private boolean dragged;

    public NetworkView(NetworkViewModel model) {
        this.model = model;
        getStyleClass().add("network-view");
        setId("networkView");
        hoverLabel.setId("nodeTooltip");
        hoverLabel.getStyleClass().add("node-tooltip");
        hoverLabel.setVisible(false);
        hoverLabel.setMouseTransparent(true);
        emptyLabel.setId("emptyState");
        emptyLabel.getStyleClass().add("empty-state");
        emptyLabel.setWrapText(true);
        emptyLabel.setText("No model loaded.\nFile › Open model folder… (Ctrl+O) or File › Open sample.");
        overlay.setMouseTransparent(true);
        getChildren().addAll(canvas, overlay, emptyLabel, hoverLabel);
        setMinSize(200, 150);

        model.pictureProperty().addListener((o, a, b) -> relayout());
        for (Observable o : new Observable[] {model.scoreProperty(), model.removedProperty(), model.showEdgesProperty(),
                model.zoomProperty(), model.panXProperty(), model.panYProperty()}) {
            o.addListener(x -> requestRedraw());
        }
        // marks live on their own canvas: hovering or selecting never repaints the network
        for (Observable o : new Observable[] {model.selectedProperty(), model.underTestProperty(), model.hoveredProperty()}) {
            o.addListener(x -> requestOverlay());
        }
        emptyLabel.visibleProperty().bind(model.pictureProperty().isNull());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMove);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> setHovered(null, 0, 0));
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            dragX = e.getX();
            dragY = e.getY();
            dragged = false;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            model.panXProperty().set(model.panXProperty().get() + e.getX() - dragX);
            model.panYProperty().set(model.panYProperty().get() + e.getY() - dragY);
            dragged |= Math.abs(e.getX() - dragX) + Math.abs(e.getY() - dragY) > 0;
            dragX = e.getX();
            dragY = e.getY();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClick);
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                model.zoomAt(Math.pow(1.0015, e.getDeltaY()), e.getX(), e.getY());
            }
            e.consume();
        });
    }

    private void onClick(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || dragged) {
            return;
        }
        if (e.getClickCount() == 2) {
            model.resetView();
            return;
        }
        NodeId node = nodeAtScreen(e.getX(), e.getY());
        model.selectedProperty().set(node);
    }

    private void onMove(MouseEvent e) {
        setHovered(nodeAtScreen(e.getX(), e.getY()), e.getX(), e.getY());
    }

    private void setHovered(NodeId node, double sx, double sy) {
        model.hoveredProperty().set(node);
        if (node == null) {
            hoverLabel.setVisible(false);
            return;
        }
        hoverLabel.setText(describe(node));
        hoverLabel.setVisible(true);
        hoverLabel.applyCss();
        double w = hoverLabel.prefWidth(-1);
        double h = hoverLabel.prefHeight(w);
        double x = Math.max(0, sx + 14 + w > getWidth() ? sx - 14 - w : sx + 14);
        double y = Math.min(Math.max(0, sy + 14), Math.max(0, getHeight() - h));
        hoverLabel.resizeRelocate(x, y, w, h);
    }

    /** The hover text: the node and every score it has, with its estimator. */
    public String describe(NodeId node) {
        StringBuilder sb = new StringBuilder(node.toString());
        if (model.isDrawnRemoved(node)) {
            sb.append("  (removed)");
        }
        NetworkPicture picture = model.pictureProperty().get();
        int linked = picture == null ? 0 : picture.linkedTo(node).size();
        if (linked > 0) {
            sb.append("\npruned together with ").append(linked).append(linked == 1 ? " other channel" : " other channels");
        }
        for (NodeScore s : model.allScoresProperty().get()) {
            double v = s.value(node.layer(), node.index());
            if (!Double.isNaN(v)) {
                sb.append('\n').append(s.title()).append(" = ").append(String.format(Locale.ROOT, "%.4g", v))
                        .append(s.unit().isEmpty() ? "" : " " + s.unit());
            }
        }
        return sb.toString();
    }

    /** The hidden or output node under a point in this view's coordinates; input nodes are not selectable. */
    public NodeId nodeAtScreen(double sx, double sy) {
        if (layout == null) {
            return null;
        }
        double z = model.zoomProperty().get();
        NetworkLayout.NodeRef ref = layout.nodeAt((sx - model.panXProperty().get()) / z, (sy - model.panYProperty().get()) / z);
        if (ref == null) {
            return null;
        }
        String layer = layout.column(ref.column()).spec().layer();
        return layer == null ? null : new NodeId(layer, ref.node());
    }

    /** Where a node's centre is on screen (in this view's coordinates), e.g. for tests that click it. */
    public Point2D screenPointOf(NodeId node) {
        NetworkPicture picture = model.pictureProperty().get();
        int c = picture.columnOf(node.layer());
        NetworkLayout.Column col = layout.column(c);
        double z = model.zoomProperty().get();
        return new Point2D(col.nodeCenterX(node.index()) * z + model.panXProperty().get(),
                col.nodeCenterY(node.index()) * z + model.panYProperty().get());
    }

    /** The current layout (world coordinates), or null before a network is shown. */
    public NetworkLayout currentLayout() {
        return layout;
    }

    public Canvas canvas() {
        return canvas;
    }

    Canvas overlayCanvas() {
        return overlay;
    }

    /** Sets the hovered node and repaints the marks at once, as a mouse move does (for the benchmark). */
    void hoverForBenchmark(NodeId node) {
        model.hoveredProperty().set(node);
        redrawOverlayNow();
    }

    private void relayout() {
        NetworkPicture picture = model.pictureProperty().get();
        layout = picture == null || getWidth() <= 0 ? null
                : NetworkLayout.compute(picture, getWidth(), getHeight());
        requestRedraw();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            overlay.setWidth(w);
            overlay.setHeight(h);
            relayout();
        }
        double ew = Math.min(w - 40, 420);
        double eh = emptyLabel.prefHeight(ew);
        emptyLabel.resizeRelocate((w - ew) / 2, (h - eh) / 2, ew, eh);
    }

    public void requestRedraw() {
        if (!redrawPending) {
            redrawPending = true;
            Platform.runLater(this::redrawNow);
        }
    }

    private void requestOverlay() {
        if (!overlayPending && !redrawPending) {
            overlayPending = true;
            Platform.runLater(this::redrawOverlayNow);
        }
    }

    /**
     * Draws the network and its marks now (on the FX thread). A change of what is shown (score, removed nodes,
     * edges, zoom, size) draws the network directly; a redraw that only pans copies a cached image of it, made
     * on the first such redraw (a snapshot costs about as much as a drawing, so content changes skip it).
     */
    public void redrawNow() {
        redrawPending = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        boolean drawable = layout != null && model.pictureProperty().get() != null;
        java.util.List<Object> content = drawable ? NetworkImageCache.contentKey(layout, model) : null;
        WritableImage image = drawable && content.equals(painted)
                ? cache.imageFor(layout, model, canvas.getWidth(), canvas.getHeight()) : null;
        if (image == null) {
            int[] strip = drawable ? stripSinceLastDirectPaint(content) : null;
            if (strip == null) {
                NetworkPainter.paint(g, canvas.getWidth(), canvas.getHeight(), layout, model);
            } else if (strip[1] > strip[0]) {
                NetworkPainter.paintStrip(g, strip[0], strip[1], canvas.getHeight(), layout, model);
                stripRepaints++;
            }
            direct = drawable ? new DirectFrame(content, model.panXProperty().get(), model.panYProperty().get(),
                    canvas.getWidth(), canvas.getHeight(), copy(model.removedProperty().get())) : null;
        } else {
            g.setTransform(1, 0, 0, 1, 0, 0);
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            g.setFill(NetworkPainter.BACKGROUND);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            g.setImageSmoothing(false);
            g.drawImage(image, Math.round(model.panXProperty().get()), Math.round(model.panYProperty().get()));
            direct = null;
        }
        painted = content;
        redrawOverlayNow();
    }

    /** Content, pan and size of a direct paint, and a copy of its removed nodes (the model's sets may be reused). */
    private record DirectFrame(java.util.List<Object> content, double panX, double panY, double width, double height,
                               java.util.Map<String, java.util.BitSet> removed) {
    }

    /**
     * When only the removed nodes changed since the last direct paint, the strip of pixels to paint again
     * ({@link RemovalDamage}); null when the whole picture must be painted.
     */
    private int[] stripSinceLastDirectPaint(java.util.List<Object> content) {
        DirectFrame last = direct;
        if (last == null || last.panX() != model.panXProperty().get() || last.panY() != model.panYProperty().get()
                || last.width() != canvas.getWidth() || last.height() != canvas.getHeight()) {
            return null;
        }
        for (int i = 0; i < content.size(); i++) {
            if (i != NetworkImageCache.REMOVED_KEY && !java.util.Objects.equals(content.get(i), last.content().get(i))) {
                return null;
            }
        }
        return RemovalDamage.strip(layout, model.pictureProperty().get(), last.removed(), model.removedProperty().get(),
                model.zoomProperty().get(), model.panXProperty().get(), canvas.getWidth());
    }

    private static java.util.Map<String, java.util.BitSet> copy(java.util.Map<String, java.util.BitSet> removed) {
        java.util.Map<String, java.util.BitSet> c = new java.util.HashMap<>();
        removed.forEach((k, v) -> c.put(k, (java.util.BitSet) v.clone()));
        return c;
    }

    /** How often a change of removed nodes repainted only its strip (for tests). */
    int stripRepaints() {
        return stripRepaints;
    }

    /** How often the network picture itself was drawn (panning and hovering do not draw it). */
    int networkRenders() {
        return cache.renders();
    }

    /** Draws only the hover, selection and under-test marks now. */
    public void redrawOverlayNow() {
        overlayPending = false;
        NetworkPainter.paintOverlay(overlay.getGraphicsContext2D(), overlay.getWidth(), overlay.getHeight(), layout, model);
    }
}
