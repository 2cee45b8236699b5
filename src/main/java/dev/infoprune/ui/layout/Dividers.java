package dev.infoprune.ui.layout;

import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.control.SplitPane;
import javafx.scene.input.MouseEvent;

/**
 * Divider positions that survive a window's first layouts. A split pane laid out at a provisional size (a tab
 * pane's content before the window has its size, a stage reused at an old size) moves its dividers to fit its
 * items' minimum sizes there and keeps those positions when it grows, which can leave one side at zero width.
 * {@link #keep} sets the positions again after every resize until the user first presses the mouse inside the
 * split pane; from then on the dividers are the user's.
 */
public final class Dividers {
    private Dividers() {
    }

    public static void keep(SplitPane split, double... positions) {
        double[] wanted = positions.clone();
        split.setDividerPositions(wanted);
        ChangeListener<Number> resized = (o, was, now) -> Platform.runLater(() -> split.setDividerPositions(wanted));
        split.widthProperty().addListener(resized);
        split.heightProperty().addListener(resized);
        EventHandler<MouseEvent> takenOver = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                split.widthProperty().removeListener(resized);
                split.heightProperty().removeListener(resized);
                split.removeEventFilter(MouseEvent.MOUSE_PRESSED, this);
            }
        };
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, takenOver);
        Platform.runLater(() -> split.setDividerPositions(wanted));
    }
}
