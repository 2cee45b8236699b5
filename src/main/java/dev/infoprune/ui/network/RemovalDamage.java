package dev.infoprune.ui.network;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The strip of the view that a change of removed nodes alone repaints. Removing or restoring a unit changes its
 * own column (fill, title count) and the edges into and out of it, all of which lie between the centres of the
 * neighbouring columns; the rest of the picture keeps its pixels. A MIPP step touches one layer, so it repaints
 * a third of a seven-column drawing instead of all of it.
 */
final class RemovalDamage {
    /** Pixels added on each side for anti-aliasing and the widest edge stroke. */
    private static final double PAD = 4;
    /** Above this share of the view the whole picture is painted instead. */
    private static final double MAX_SHARE = 0.6;

    private RemovalDamage() {
    }

    /**
     * The device-pixel x range {@code [from, to)} to repaint, or null when the change is not local (more than a
     * few columns, or the strip would cover most of the view).
     */
    static int[] strip(NetworkLayout layout, NetworkPicture picture, Map<String, BitSet> before, Map<String, BitSet> after,
                       double zoom, double panX, double viewWidth) {
        if (picture.isGraph()) {
            // a removal also empties the add and concat channels it feeds, anywhere to the right
            return null;
        }
        Set<String> layers = new HashSet<>(before.keySet());
        layers.addAll(after.keySet());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String layer : layers) {
            if (Objects.equals(nonEmpty(before.get(layer)), nonEmpty(after.get(layer)))) {
                continue;
            }
            int c = picture.columnOf(layer);
            if (c < 0) {
                continue;
            }
            NetworkLayout.Column left = layout.column(Math.max(0, c - 1));
            NetworkLayout.Column right = layout.column(Math.min(layout.columns().size() - 1, c + 1));
            lo = Math.min(lo, left.left());
            hi = Math.max(hi, right.right());
        }
        if (lo > hi) {
            return new int[] {0, 0};
        }
        int from = (int) Math.max(0, Math.floor(lo * zoom + panX - PAD));
        int to = (int) Math.min(Math.ceil(viewWidth), Math.ceil(hi * zoom + panX + PAD));
        if (to - from > MAX_SHARE * viewWidth) {
            return null;
        }
        return new int[] {from, Math.max(from, to)};
    }

    private static BitSet nonEmpty(BitSet s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
