package dev.infoprune.cli;

import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;

import java.util.Arrays;
import java.util.Locale;

/** The short MODEL_CARD.md written next to a trained model. */
final class ModelCardText {
    private ModelCardText() {
    }

    static String markdown(Network n, String command) {
        ModelCard c = n.card();
        return String.format(Locale.ROOT, """
                # %s

                | | |
                |---|---|
                | data set | %s |
                | split | train / probe / test split of `%s` with seed %d (the probe split was the validation set) |
                | architecture | `%s` |
                | input | %s, %d classes |
                | units per layer | %s |
                | parameters | %d |
                | multiply-accumulates per sample | %d |
                | seed | %d |
                | epochs | %d |
                | test accuracy | %.4f |
                | test loss (mean cross-entropy, nats) | %.4f |

                %s.

                Made with:

                ```
                %s
                ```
                """, n.name(), c.dataset(), c.dataset(), c.seed(), c.architecture(), Arrays.toString(n.inputShape()),
                n.outputSize(), Arrays.toString(n.unitLayerWidths()), n.parameterCount(), n.macs(), c.seed(),
                c.epochs(), c.testAccuracy(), c.testLoss(), capitalise(c.notes()), command);
    }

    private static String capitalise(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
