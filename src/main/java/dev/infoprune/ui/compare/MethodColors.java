package dev.infoprune.ui.compare;

import java.util.List;
import java.util.Map;

/** One colour per method, the same in the drawings' titles, the bars and the curves. */
final class MethodColors {
    static final String UNPRUNED = "unpruned";
    private static final Map<String, String> BY_METHOD = Map.of(
            UNPRUNED, "#9aa5b1",
            "mipp", "#3b6ea8",
            "global-topk", "#e8590c",
            "local-magnitude", "#2b8a3e",
            "cmi", "#7048e8",
            "itpruner", "#c2255c",
            "random", "#868e96");
    private static final List<String> SPARE = List.of("#0b7285", "#5c940d", "#a61e4d", "#364fc7");

    private MethodColors() {
    }

    static String hex(String method) {
        String c = BY_METHOD.get(method);
        return c != null ? c : SPARE.get(Math.floorMod(method.hashCode(), SPARE.size()));
    }

    static java.awt.Color awt(String method) {
        return java.awt.Color.decode(hex(method));
    }

    static javafx.scene.paint.Color fx(String method) {
        return javafx.scene.paint.Color.web(hex(method));
    }
}
