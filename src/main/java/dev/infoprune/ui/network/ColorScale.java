package dev.infoprune.ui.network;

import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;

import java.util.ArrayList;
import java.util.List;

/** The viridis colour map (perceptually uniform, colour-blind safe), as a 256-entry table. */
public final class ColorScale {
    private static final double[][] ANCHORS = {
            {0.267, 0.005, 0.329}, {0.283, 0.141, 0.458}, {0.254, 0.265, 0.530}, {0.207, 0.372, 0.553},
            {0.164, 0.471, 0.558}, {0.128, 0.567, 0.551}, {0.135, 0.659, 0.518}, {0.267, 0.749, 0.441},
            {0.478, 0.821, 0.318}, {0.741, 0.873, 0.150}, {0.993, 0.906, 0.144}};
    private static final Color[] TABLE = new Color[256];

    static {
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0 * (ANCHORS.length - 1);
            int a = Math.min(ANCHORS.length - 2, (int) t);
            double f = t - a;
            TABLE[i] = Color.color(lerp(ANCHORS[a][0], ANCHORS[a + 1][0], f), lerp(ANCHORS[a][1], ANCHORS[a + 1][1], f),
                    lerp(ANCHORS[a][2], ANCHORS[a + 1][2], f));
        }
    }

    private ColorScale() {
    }

    private static double lerp(double a, double b, double f) {
        return a + (b - a) * f;
    }

    /** The colour of {@code value} on a scale from {@code min} to {@code max} (clamped). */
    public static Color color(double value, double min, double max) {
        double t = max > min ? (value - min) / (max - min) : 0.5;
        int i = (int) Math.round(Math.max(0, Math.min(1, t)) * 255);
        return TABLE[i];
    }

    public static LinearGradient horizontalGradient() {
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < ANCHORS.length; i++) {
            stops.add(new Stop(i / (double) (ANCHORS.length - 1), TABLE[Math.round(i * 255f / (ANCHORS.length - 1))]));
        }
        return new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops);
    }
}
