package dev.infoprune.ui.tools;

import javafx.beans.value.ObservableBooleanValue;

/**
 * An action a tool offers the window, as a menu item or a toolbar button; the workbench's view places it.
 *
 * @param keys     the accelerator (e.g. {@code Shortcut+E}), or null
 * @param tip      what it does, for a button's accessible help, or null
 * @param disabled when it cannot be used, or null (always usable)
 */
public record ToolAction(String id, String text, String keys, String tip, Runnable action, ObservableBooleanValue disabled) {
    public static ToolAction menu(String id, String text, String keys, Runnable action) {
        return new ToolAction(id, text, keys, null, action, null);
    }

    public static ToolAction button(String id, String text, String tip, Runnable action) {
        return new ToolAction(id, text, null, tip, action, null);
    }

    public ToolAction disabledWhen(ObservableBooleanValue condition) {
        return new ToolAction(id, text, keys, tip, action, condition);
    }
}
