package dev.infoprune.ui.tools;

import javafx.scene.Node;

import java.util.Locale;

/**
 * One of the views the window switches between (network, compare, fine-tune), with how the view switch, the
 * Tools menu and the tab name it: key {@code fineTune} gives tab {@code tabFineTune}, toggle
 * {@code fineTuneButton} and menu item {@code menuFineTune}.
 */
public record ToolPlace(String key, String title, String menuText, String keys, String tip, Node content) {
    public String tabId() {
        return "tab" + capitalised();
    }

    public String buttonId() {
        return key + "Button";
    }

    public String menuId() {
        return "menu" + capitalised();
    }

    private String capitalised() {
        return key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
    }
}
