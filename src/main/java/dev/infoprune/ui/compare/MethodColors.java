package dev.infoprune.ui.compare;

import dev.infoprune.study.MethodPalette;

/** One colour per method, the same in the drawings' titles, the bars and the curves (and in the reports' charts). */
final class MethodColors {
    static final String UNPRUNED = MethodPalette.UNPRUNED;

    private MethodColors() {
    }

    static String hex(String method) {
        return MethodPalette.hex(method);
    }

    static java.awt.Color awt(String method) {
        return MethodPalette.awt(method);
    }

    static javafx.scene.paint.Color fx(String method) {
        return javafx.scene.paint.Color.web(hex(method));
    }
}
