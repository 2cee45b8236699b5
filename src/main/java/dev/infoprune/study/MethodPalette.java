package dev.infoprune.study;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/**
 * One colour per method, the same in every chart of a report and in the workbench's Compare view, so that a method
 * keeps its colour between the accuracy chart (which has an "unpruned" series) and the collapse chart (which has not).
 * A control ({@code random@mipp}, {@code local-magnitude@mipp}) takes a light shade of its selection rule's colour.
 */
public final class MethodPalette {
    public static final String UNPRUNED = "unpruned";
    private static final Map<String, String> BY_METHOD = Map.ofEntries(
            Map.entry(UNPRUNED, "#9aa5b1"),
            Map.entry("mipp", "#3b6ea8"),
            Map.entry("global-topk", "#e8590c"),
            Map.entry("local-magnitude", "#2b8a3e"),
            Map.entry("cmi", "#7048e8"),
            Map.entry("itpruner", "#c2255c"),
            Map.entry("random", "#868e96"),
            Map.entry("snip", "#1098ad"),
            Map.entry("grasp", "#f59f00"),
            Map.entry("synflow", "#74b816"),
            Map.entry("thinet", "#862e9c"),
            Map.entry("random@mipp", "#ced4da"),
            Map.entry("local-magnitude@mipp", "#8ce99a"));
    private static final List<String> SPARE = List.of("#0b7285", "#5c940d", "#a61e4d", "#364fc7");

    private MethodPalette() {
    }

    /** The method's colour as {@code #rrggbb}; a method without its own colour gets one of a few spares. */
    public static String hex(String method) {
        String c = BY_METHOD.get(method);
        return c != null ? c : SPARE.get(Math.floorMod(method.hashCode(), SPARE.size()));
    }

    public static Color awt(String method) {
        return Color.decode(hex(method));
    }
}
