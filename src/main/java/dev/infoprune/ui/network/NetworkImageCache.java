package dev.infoprune.ui.network;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;

import java.util.Arrays;
import java.util.List;

/**
 * The network (edges, nodes, titles) drawn into an image once per content: picture, layout, score, removed
 * nodes, edges on or off, and zoom. Panning then costs one image copy instead of a full redraw. Very deep zooms,
 * whose image would be much larger than the view, are not cached.
 */
final class NetworkImageCache {
    /** An image at most this many times the view's area is cached. */
    static final double MAX_AREA_RATIO = 3;

    private final Canvas offscreen = new Canvas();
    private final SnapshotParameters parameters = new SnapshotParameters();
    private WritableImage image;
    private List<Object> key;
    private int renders;

    NetworkImageCache() {
        parameters.setFill(NetworkPainter.BACKGROUND);
    }

    /**
     * The network at the model's zoom, its top-left corner at world (0, 0); drawn again only when the content
     * changed. Null when it would be too large (the caller draws directly).
     */
    WritableImage imageFor(NetworkLayout layout, NetworkViewModel model, double viewWidth, double viewHeight) {
        double z = model.zoomProperty().get();
        int w = (int) Math.ceil(layout.width() * z);
        int h = (int) Math.ceil(layout.height() * z);
        if (w <= 0 || h <= 0 || (double) w * h > MAX_AREA_RATIO * Math.max(1, viewWidth * viewHeight)) {
            return null;
        }
        List<Object> now = contentKey(layout, model);
        if (image != null && now.equals(key)) {
            return image;
        }
        offscreen.setWidth(w);
        offscreen.setHeight(h);
        var g = offscreen.getGraphicsContext2D();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.clearRect(0, 0, w, h);
        NetworkPainter.paintNetwork(g, layout, model, z, 0, 0);
        boolean reuse = image != null && (int) image.getWidth() == w && (int) image.getHeight() == h;
        image = offscreen.snapshot(parameters, reuse ? image : null);
        key = now;
        renders++;
        return image;
    }

    /** Where the removed nodes sit in {@link #contentKey}. */
    static final int REMOVED_KEY = 3;

    /** Everything the network's pixels depend on except the pan. */
    static List<Object> contentKey(NetworkLayout layout, NetworkViewModel model) {
        return Arrays.asList(layout, model.pictureProperty().get(), model.scoreProperty().get(),
                model.removedProperty().get(), model.showEdgesProperty().get(), model.zoomProperty().get());
    }

    /** How often the image was drawn (for tests). */
    int renders() {
        return renders;
    }
}
