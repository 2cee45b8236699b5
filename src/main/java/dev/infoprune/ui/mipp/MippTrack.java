package dev.infoprune.ui.mipp;

import dev.infoprune.prune.mipp.Decision;
import dev.infoprune.prune.mipp.MippRun;
import dev.infoprune.prune.mipp.Step;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the JavaFX thread knows of a MIPP run: the layers it visits and the steps computed so far. Immutable;
 * the state after any computed step k is a function of the first k steps only, so moving back and forth over
 * computed steps needs neither the run nor the estimator.
 */
public record MippTrack(List<String> visitOrder, Map<String, Integer> widths, int totalSteps, double confidence,
                        String settingsText, List<Step> computed) {
    public MippTrack {
        visitOrder = List.copyOf(visitOrder);
        widths = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(widths));
        computed = List.copyOf(computed);
    }

    /** The shape of a freshly started run, before any step. Call on the thread that owns the run. */
    static MippTrack of(MippRun run, String settingsText) {
        Map<String, Integer> widths = new LinkedHashMap<>();
        for (String layer : run.visitOrder()) {
            widths.put(layer, run.network().layer(run.network().indexOf(layer)).units());
        }
        List<Step> steps = new ArrayList<>(run.steps());
        return new MippTrack(run.visitOrder(), widths, run.totalSteps(), run.settings().confidence(), settingsText, steps);
    }

    /** This track with {@code step} appended; a step already known (a replay) leaves it unchanged. */
    MippTrack with(Step step) {
        if (step.index() < computed.size()) {
            return this;
        }
        if (step.index() != computed.size()) {
            throw new IllegalStateException("step " + step.index() + " arrived after " + computed.size() + " steps");
        }
        List<Step> more = new ArrayList<>(computed.size() + 1);
        more.addAll(computed);
        more.add(step);
        return new MippTrack(visitOrder, widths, totalSteps, confidence, settingsText, more);
    }

    public int computedSteps() {
        return computed.size();
    }

    /** The step that position {@code k} shows (the k-th decision), or null at the start. */
    public Step stepAt(int k) {
        return k <= 0 ? null : computed.get(k - 1);
    }

    /** The first step index of each layer in visit order, plus the total at the end. */
    public int[] layerStarts() {
        int[] starts = new int[visitOrder.size() + 1];
        for (int l = 0; l < visitOrder.size(); l++) {
            starts[l + 1] = starts[l] + widths.get(visitOrder.get(l));
        }
        return starts;
    }

    /** The layer whose test is step index {@code i} (0-based), or null past the end. */
    public String layerOfStep(int i) {
        int[] starts = layerStarts();
        for (int l = 0; l < visitOrder.size(); l++) {
            if (i >= starts[l] && i < starts[l + 1]) {
                return visitOrder.get(l);
            }
        }
        return null;
    }

    /** The removed units per layer after the first {@code k} steps. */
    public Map<String, BitSet> removedAt(int k) {
        Map<String, BitSet> out = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            Step s = computed.get(i);
            if (s.decision() == Decision.PRUNE) {
                out.computeIfAbsent(s.layer(), x -> new BitSet()).set(s.unit());
            }
        }
        return out;
    }

    /** How many units of {@code layer} are kept after the first {@code k} steps. */
    public int keptAt(String layer, int k) {
        int kept = widths.get(layer);
        for (int i = 0; i < k; i++) {
            Step s = computed.get(i);
            if (s.decision() == Decision.PRUNE && s.layer().equals(layer)) {
                kept--;
            }
        }
        return kept;
    }

    /** The step that tested {@code unit} of {@code layer} among the first {@code k} steps, or null. */
    public Step decisionOf(String layer, int unit, int k) {
        for (int i = 0; i < k; i++) {
            Step s = computed.get(i);
            if (s.unit() == unit && s.layer().equals(layer)) {
                return s;
            }
        }
        return null;
    }
}
