package dev.infoprune.ui.workbench;

import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The one-line descriptions of a model the header shows. */
final class ModelSummary {
    private ModelSummary() {
    }

    static String title(Network n) {
        return n.name();
    }

    static String architecture(Network n) {
        String widths = Arrays.stream(n.unitLayerWidths()).mapToObj(Integer::toString).collect(Collectors.joining(" → "));
        return "input " + Arrays.stream(n.inputShape()).mapToObj(Integer::toString).collect(Collectors.joining("×"))
                + " → " + widths;
    }

    static String size(Network n) {
        return String.format(Locale.ROOT, "%,d parameters · %,d MACs per sample", n.parameterCount(), n.macs());
    }

    static String accuracy(Network n) {
        ModelCard c = n.card();
        if (c.testAccuracy() == null) {
            return "test accuracy: not recorded";
        }
        return String.format(Locale.ROOT, "test accuracy %.1f%%", 100 * c.testAccuracy())
                + (c.dataset() == null ? "" : " on " + c.dataset());
    }
}
