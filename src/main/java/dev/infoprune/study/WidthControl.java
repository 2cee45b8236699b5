package dev.infoprune.study;

import dev.infoprune.core.BadInputException;
import dev.infoprune.prune.LayerWidthsSelection;
import dev.infoprune.prune.PruningMethod;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.mipp.Mipp;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A control method of a comparison, {@code SELECTION@mipp} (e.g. {@code random@mipp}, {@code local-magnitude@mipp}):
 * every layer keeps exactly as many units as the same seed's MIPP plan kept there, chosen by the named method's
 * selection rule. Next to MIPP it shows whether MIPP's gain lies in how many units each layer keeps or in which.
 */
public record WidthControl(String name, LayerWidthsSelection.Rule rule, String source) {
    /** The control {@code name} stands for; empty when it names no control; a {@link BadInputException} for a bad one. */
    public static Optional<WidthControl> parse(String name) {
        int at = name.indexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String selection = name.substring(0, at);
        String source = name.substring(at + 1);
        if (!source.equals(Mipp.NAME)) {
            throw new BadInputException("--methods", "a control takes MIPP's per-layer widths: write " + selection
                    + "@mipp, not " + name);
        }
        LayerWidthsSelection.Rule rule = LayerWidthsSelection.Rule.of(selection).orElseThrow(() ->
                new BadInputException("--methods", name + " is not a control: the selections that work within a layer are "
                        + Arrays.stream(LayerWidthsSelection.Rule.values()).map(r -> r.method() + "@mipp")
                        .collect(Collectors.joining(" and "))));
        return Optional.of(new WidthControl(name, rule, source));
    }

    /** Every control a comparison can run, e.g. {@code random@mipp}, {@code local-magnitude@mipp}. */
    public static java.util.List<String> names() {
        return Arrays.stream(LayerWidthsSelection.Rule.values()).map(r -> r.method() + "@" + Mipp.NAME).toList();
    }

    /** What the control does, in a line, e.g. for a hint beside its check box. */
    public String summary() {
        return "control: every layer keeps as many units as MIPP kept there, chosen "
                + (rule == LayerWidthsSelection.Rule.RANDOM ? "at random" : "by incoming weight norm") + " (needs mipp)";
    }

    public static boolean isControl(String name) {
        return name.indexOf('@') >= 0;
    }

    /** The control for one seed: the widths of {@code sourcePlan} (that seed's MIPP plan), selection seeded with {@code seed}. */
    public PruningMethod at(PruningPlan sourcePlan, long seed) {
        return new LayerWidthsSelection(rule, source, LayerWidthsSelection.widthsOf(sourcePlan), seed);
    }
}
