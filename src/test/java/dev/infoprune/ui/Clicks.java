package dev.infoprune.ui;

import dev.infoprune.ui.network.NetworkView;
import dev.infoprune.ui.network.NetworkViewModel;
import dev.infoprune.ui.network.NodeId;
import dev.infoprune.ui.task.TaskRunner;
import javafx.animation.AnimationTimer;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * User input for the GUI tests that checks it took: each gesture is made through the robot, then the test waits
 * for its effect and makes it again if Monocle lost it (at most {@value #ATTEMPTS} times), or fails naming what
 * did not happen.
 *
 * <p>Why input gets lost under headless Monocle, and what is done against it before every gesture:
 * <ul>
 * <li>A {@link Tooltip} is a window of its own, placed one pixel below and right of the pointer once the pointer
 * has rested a second on a control that has one (a test waiting for background work does exactly that), and it
 * stays a moment after the pointer leaves. Monocle sends a press to the topmost window under the pointer, so a
 * click on anything in that corner went to the tooltip and was lost. Showing tooltips are hidden first.
 * <li>A view that is laid out again (a panel appearing, a label growing) moves its content on the next pulse, not
 * when the test's events are processed; a point read in between is stale. The test waits for a full pulse and
 * reads positions on the FX thread just before the gesture.
 * <li>A button a failed test left pressed turns the next click into a drag; the robot releases what it holds.
 * </ul>
 * The effect is awaited for {@value #TAKE_SECONDS} s before a gesture is repeated, long enough that a slow
 * gesture that did take is never made twice (a second click on a toggle would undo the first). Conditions for
 * gestures that start background work should accept the work having started ({@link #startedTask}).
 */
public final class Clicks {
    /** How often a gesture is made before the test fails. */
    public static final int ATTEMPTS = 4;
    /** How long a gesture's effect is awaited before it counts as lost. */
    public static final long TAKE_SECONDS = 8;

    private Clicks() {
    }

    /**
     * Makes {@code gesture} until {@code took} (evaluated on the FX thread) holds. {@code took} must not hold
     * before the first gesture: a condition that is already true cannot tell whether the gesture took.
     */
    public static void until(FxRobot robot, Runnable gesture, BooleanSupplier took, String what) {
        until(robot, gesture, took, what, () -> "");
    }

    /** As {@link #until(FxRobot, Runnable, BooleanSupplier, String)}; {@code state} describes the target when it fails. */
    private static void until(FxRobot robot, Runnable gesture, BooleanSupplier took, String what, Supplier<String> state) {
        if (holds(took)) {
            throw new AssertionError("before " + what + ": its effect already shows, so it cannot tell whether the input took");
        }
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            settle(robot);
            gesture.run();
            if (awaitHolds(took, TAKE_SECONDS)) {
                return;
            }
            System.err.println("Clicks: " + what + " did not take after " + TAKE_SECONDS + " s (attempt " + attempt + " of "
                    + ATTEMPTS + "); " + state.get() + scene());
        }
        saveScreens(what);
        throw new AssertionError(what + " did not take in " + ATTEMPTS + " attempts; " + state.get() + scene());
    }

    /** A screenshot of every showing window, named after the lost gesture, to see what took the input. */
    private static void saveScreens(String what) {
        String name = "lost-input-" + what.replaceAll("[^A-Za-z0-9]+", "-");
        List<javafx.scene.Scene> scenes = fx(() -> Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null).map(Window::getScene).toList());
        for (int i = 0; i < scenes.size(); i++) {
            try {
                System.err.println("Clicks: screenshot " + Screenshots.save(scenes.get(i), name + "-" + i));
            } catch (Exception e) {
                System.err.println("Clicks: no screenshot: " + e);
            }
        }
    }

    /** Clicks the node {@code query} finds until {@code took} holds. */
    public static void on(FxRobot robot, String query, BooleanSupplier took) {
        int[] attempt = {0};
        until(robot, () -> {
            reveal(robot, query);
            if (++attempt[0] > MOUSE_ATTEMPTS && pressSpaceOn(robot, query)) {
                return;
            }
            robot.clickOn(query);
        }, took, "click on " + query, () -> describe(robot, query));
    }

    /** Scrolls every scroll pane around the node {@code query} finds so that the node is in sight, as a user would. */
    public static void reveal(FxRobot robot, String query) {
        fx(() -> {
            robot.lookup(query).tryQuery().ifPresent(Clicks::reveal);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void reveal(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane pane && pane.getContent() != null) {
                double viewport = pane.getViewportBounds().getHeight();
                double extra = pane.getContent().getLayoutBounds().getHeight() - viewport;
                if (extra <= 0) {
                    continue;
                }
                javafx.geometry.Bounds at = pane.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
                double shown = pane.getVvalue() * extra;
                if (at.getMinY() < shown) {
                    pane.setVvalue(Math.max(0, at.getMinY() / extra));
                } else if (at.getMaxY() > shown + viewport) {
                    pane.setVvalue(Math.min(1, (at.getMaxY() - viewport) / extra));
                }
                pane.layout();
            }
        }
    }

    /**
     * A button, check box or toggle that lost its clicks this many times is pressed from the keyboard instead
     * (focus, Space): full CI runs twice saw every click on a visible check box go astray while the scene's hit
     * test found another panel at that point; the keyboard still drives the same control through real input.
     */
    private static final int MOUSE_ATTEMPTS = 2;

    private static boolean pressSpaceOn(FxRobot robot, String query) {
        Node node = robot.lookup(query).tryQuery().orElse(null);
        if (!(node instanceof javafx.scene.control.ButtonBase)) {
            return false;
        }
        System.err.println("Clicks: pressing Space on " + query + " instead of clicking it");
        fx(() -> {
            node.requestFocus();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.SPACE);
        return true;
    }

    /** The node {@code query} finds, where it is and whether it can take a click, for failure messages. */
    private static String describe(FxRobot robot, String query) {
        return fx(() -> query + ": " + robot.lookup(query).tryQuery().map(n -> n.getClass().getSimpleName() + " at "
                + n.localToScreen(n.getLayoutBounds()) + (n.isDisabled() ? ", disabled" : "")
                + (showing(n) ? "" : ", not showing")).orElse("not found") + "; ");
    }

    /** Clicks {@code node} until {@code took} holds. */
    public static void on(FxRobot robot, Node node, BooleanSupplier took, String what) {
        until(robot, () -> robot.clickOn(node), took, "click on " + what);
    }

    /** Types {@code keys} (each pressed and released) until {@code took} holds. */
    public static void key(FxRobot robot, BooleanSupplier took, String what, KeyCode... keys) {
        until(robot, () -> robot.type(keys), took, what);
    }

    /** Clicks the text field {@code query} until it has the keyboard focus. */
    public static void focus(FxRobot robot, String query) {
        Node field = robot.lookup(query).query();
        if (holds(field::isFocused)) {
            return;
        }
        on(robot, field, field::isFocused, query + " to focus it");
    }

    /** Replaces the text of the field {@code query} by typing: focus it, select all, write {@code text}. */
    public static void write(FxRobot robot, String query, String text) {
        TextInputControl field = robot.lookup(query).queryAs(TextInputControl.class);
        focus(robot, query);
        BooleanSupplier allSelected = () -> field.getText().isEmpty() || field.getSelectedText().equals(field.getText());
        if (!holds(allSelected)) {
            until(robot, () -> robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL), allSelected,
                    "Ctrl+A in " + query);
        }
        until(robot, () -> {
            if (!holds(allSelected)) {
                robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
            }
            robot.write(text);
        }, () -> field.getText().equals(text), "typing \"" + text + "\" into " + query);
    }

    /**
     * Opens the combo box {@code comboQuery}, clicks the list item {@code item}, until {@code took} holds; each
     * round reopens the list if it closed without the choice taking.
     */
    public static void choose(FxRobot robot, String comboQuery, String item, BooleanSupplier took) {
        until(robot, () -> {
            if (popupItem(robot, item).isEmpty()) {
                on(robot, comboQuery, () -> popupItem(robot, item).isPresent());
                settle(robot);
            }
            robot.clickOn(popupItem(robot, item).orElseThrow(() -> new AssertionError("no item " + item + " in " + comboQuery)));
        }, took, "choosing " + item + " in " + comboQuery);
    }

    /** As {@link #choose(FxRobot, String, String, BooleanSupplier)}, until the combo box shows {@code item}. */
    public static void choose(FxRobot robot, String comboQuery, String item) {
        ComboBox<?> combo = robot.lookup(comboQuery).queryComboBox();
        choose(robot, comboQuery, item, () -> shows(combo, item));
    }

    /** Opens the menu {@code menu} of the menu bar and clicks its item {@code item} until {@code took} holds. */
    public static void menu(FxRobot robot, String menu, String item, BooleanSupplier took) {
        until(robot, () -> {
            if (popupItem(robot, item).isEmpty()) {
                on(robot, menu, () -> popupItem(robot, item).isPresent());
                settle(robot);
            }
            robot.clickOn(popupItem(robot, item).orElseThrow(() -> new AssertionError("no item " + item + " in " + menu)));
        }, took, "menu " + menu + " › " + item);
    }

    /** Clicks a hidden or output node of a network view until the view's model has it selected. */
    public static void select(FxRobot robot, NetworkView view, NetworkViewModel model, NodeId node) {
        until(robot, () -> robot.clickOn(onScreen(view, node)), () -> node.equals(model.selectedProperty().get()),
                "click on node " + node, () -> "selected: " + fx(() -> model.selectedProperty().get()) + "; ");
    }

    /** Where {@code node}'s centre is on the screen now, read on the FX thread; fails if it is not there to click. */
    public static Point2D onScreen(NetworkView view, NodeId node) {
        return fx(() -> {
            Point2D local = view.screenPointOf(node);
            if (!node.equals(view.nodeAtScreen(local.getX(), local.getY()))) {
                throw new AssertionError("node " + node + " is not under its own centre " + local);
            }
            if (!view.getLayoutBounds().contains(local)) {
                throw new AssertionError("node " + node + " is outside the view at " + local + " of " + view.getLayoutBounds());
            }
            return view.localToScreen(local);
        });
    }

    /** A condition that holds once {@code runner} has started a task after this call (whether or not it ended). */
    public static BooleanSupplier startedTask(TaskRunner runner) {
        Object before = fx(() -> runner.currentProperty().get());
        return () -> runner.currentProperty().get() != before;
    }

    /** Whether the node {@code query} finds is on screen: in a showing window, it and all its parents visible. */
    public static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Clicks::showing).orElse(false);
    }

    private static boolean showing(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Whether the combo box's button shows {@code text}. */
    public static boolean shows(ComboBox<?> combo, String text) {
        Node cell = combo.lookup(".list-cell");
        return cell instanceof Labeled l && text.equals(l.getText());
    }

    /**
     * Lets the window come to rest before a gesture: releases any mouse button the robot holds, hides showing
     * tooltips, and waits for the queued events and one full pulse (CSS, layout and drawing) after them.
     */
    public static void settle(FxRobot robot) {
        robot.release(new MouseButton[0]);
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Tooltip && w.isShowing()) {
                    w.hide();
                }
            }
            return null;
        });
        awaitPulses(2);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void awaitPulses(int pulses) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        fx(() -> {
            new AnimationTimer() {
                private int seen;

                @Override
                public void handle(long now) {
                    if (++seen >= pulses) {
                        stop();
                        done.complete(null);
                    }
                }
            }.start();
            return null;
        });
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the FX thread ran no pulse in 30 s", e);
        }
    }

    /** A visible labelled node showing {@code text} in an open popup (a combo box list or a menu). */
    private static Optional<Node> popupItem(FxRobot robot, String text) {
        return fx(() -> robot.lookup(text).match(n -> n.getScene() != null && n.getScene().getWindow() instanceof PopupWindow
                && !(n.getScene().getWindow() instanceof Tooltip) && showing(n)).tryQuery());
    }

    private static boolean awaitHolds(BooleanSupplier condition, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            if (holds(condition)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
    }

    /** Evaluates {@code condition} on the FX thread; a condition that throws does not hold. */
    private static boolean holds(BooleanSupplier condition) {
        return fx(() -> {
            try {
                return condition.getAsBoolean();
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** Runs {@code work} on the FX thread and returns its result. */
    public static <T> T fx(Supplier<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work::get).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError("the FX thread did not answer in 30 s", e);
        }
    }

    /** What the screen holds, for the message when input is lost: the pointer, what is under it, the windows. */
    private static String scene() {
        return fx(() -> {
            Point2D pointer = new javafx.scene.robot.Robot().getMousePosition();
            StringBuilder sb = new StringBuilder("pointer at ").append(pointer).append(" over ");
            Node under = null;
            List<Window> windows = List.copyOf(Window.getWindows());
            for (int i = windows.size() - 1; i >= 0 && under == null; i--) {
                Window w = windows.get(i);
                if (w.isShowing() && w.getScene() != null) {
                    under = deepestAt(w.getScene().getRoot(), pointer);
                }
            }
            sb.append(under == null ? "nothing" : under.getClass().getSimpleName()
                    + (under.getId() == null ? "" : "#" + under.getId()) + " in " + under.getScene().getWindow().getClass().getSimpleName());
            sb.append("; windows:");
            sb.append(glassWindows());
            for (Window w : windows) {
                sb.append(' ').append(w.getClass().getSimpleName()).append(w.isShowing() ? "" : "(hidden)")
                        .append(String.format(java.util.Locale.ROOT, "[%.0f,%.0f %.0fx%.0f]", w.getX(), w.getY(), w.getWidth(), w.getHeight()));
                if (w.isShowing() && w.getScene() != null) {
                    for (Node n : w.getScene().getRoot().lookupAll(".split-pane")) {
                        javafx.scene.control.SplitPane sp = (javafx.scene.control.SplitPane) n;
                        sb.append(String.format(java.util.Locale.ROOT, "; split %s %.0fx%.0f dividers %s items",
                                sp.getId(), sp.getWidth(), sp.getHeight(), java.util.Arrays.toString(sp.getDividerPositions())));
                        for (Node item : sp.getItems()) {
                            var b = item.getLayoutBounds();
                            sb.append(String.format(java.util.Locale.ROOT, " %.0fx%.0f", b.getWidth(), b.getHeight()));
                        }
                    }
                }
            }
            return sb.toString();
        });
    }

    /** Monocle's own window stack, bottom to top, which decides where a press goes (best effort, by reflection). */
    private static String glassWindows() {
        try {
            Class<?> manager = Class.forName("com.sun.glass.ui.monocle.MonocleWindowManager");
            var getInstance = manager.getDeclaredMethod("getInstance");
            getInstance.setAccessible(true);
            var field = manager.getDeclaredField("windows");
            field.setAccessible(true);
            Object[] stack = (Object[]) field.get(getInstance.invoke(null));
            StringBuilder sb = new StringBuilder(" (Monocle stack:");
            for (Object o : stack) {
                com.sun.glass.ui.Window w = (com.sun.glass.ui.Window) o;
                sb.append(String.format(java.util.Locale.ROOT, " [%d,%d %dx%d%s]", w.getX(), w.getY(), w.getWidth(), w.getHeight(),
                        w.isVisible() ? "" : " invisible"));
            }
            return sb.append(")").toString();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return " (Monocle stack unknown: " + e + ")";
        }
    }

    /** The last-drawn visible node that is not mouse transparent and whose bounds hold {@code screen}. */
    private static Node deepestAt(Node node, Point2D screen) {
        if (!node.isVisible() || node.isMouseTransparent()) {
            return null;
        }
        var bounds = node.localToScreen(node.getLayoutBounds());
        if (bounds == null || !bounds.contains(screen)) {
            return null;
        }
        if (node instanceof javafx.scene.Parent p) {
            List<Node> children = p.getChildrenUnmodifiable();
            for (int i = children.size() - 1; i >= 0; i--) {
                Node hit = deepestAt(children.get(i), screen);
                if (hit != null) {
                    return hit;
                }
            }
        }
        return node;
    }

    /**
     * Chooses the estimator of the MIPP form (e.g. {@code gaussian} for tests about stepping and sessions, whose
     * reference runs use it; the form's default is the paper's reconstruction estimator).
     */
    public static void chooseMippEstimator(org.testfx.api.FxRobot robot, String name) {
        robot.interact(() -> robot.lookup("#mippEstimator").<javafx.scene.control.ComboBox<String>>query().setValue(name));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
