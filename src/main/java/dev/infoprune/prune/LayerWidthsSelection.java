package dev.infoprune.prune;

import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A control that separates how many units each layer keeps from which ones: keeps, in every hidden layer, exactly
 * as many units as another method's plan kept there, chosen by a simple selection rule (uniformly at random with a
 * seed, or by the L1 norm of incoming weights). Named {@code RULE@SOURCE}, e.g. {@code random@mipp}.
 */
public final class LayerWidthsSelection implements PruningMethod {
    /** The selection rules a control can use, by the name of the method whose rule it is. */
    public enum Rule {
        RANDOM(RandomPruning.NAME), L1(LocalMagnitude.NAME);

        private final String method;

        Rule(String method) {
            this.method = method;
        }

        public String method() {
            return method;
        }

        /** The rule of the method called {@code name}, if it has one a control can use. */
        public static java.util.Optional<Rule> of(String name) {
            return java.util.Arrays.stream(values()).filter(r -> r.method.equals(name)).findFirst();
        }
    }

    private final Rule rule;
    private final String source;
    private final Map<String, Integer> widths;
    private final long seed;

    /**
     * @param source the method whose widths are taken, for the name
     * @param widths units to keep per hidden layer; a layer not named keeps all its units
     */
    public LayerWidthsSelection(Rule rule, String source, Map<String, Integer> widths, long seed) {
        this.rule = rule;
        this.source = source;
        this.widths = Map.copyOf(widths);
        this.seed = seed;
    }

    /** The widths {@code plan} keeps, per layer. */
    public static Map<String, Integer> widthsOf(PruningPlan plan) {
        Map<String, Integer> out = new LinkedHashMap<>();
        plan.kept().forEach((layer, kept) -> out.put(layer, kept.length));
        return out;
    }

    @Override
    public String name() {
        return rule.method() + "@" + source;
    }

    @Override
    public PlanResult plan(Network network, Activations probe, Progress progress) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, int[]> kept = new LinkedHashMap<>();
        for (int li : network.prunableLayerIndices()) {
            progress.checkCancelled();
            String layer = network.layer(li).name();
            int width = network.layer(li).units();
            double[] s = rule == Rule.RANDOM ? RandomPruning.scores(random, width) : UnitScore.L1.score(network, li, probe);
            kept.put(layer, Ranking.topK(s, Math.min(width, widths.getOrDefault(layer, width))));
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("selection", rule == Rule.RANDOM ? "random" : "l1");
        settings.put("widths-of", source);
        return PlanResult.of(new PruningPlan(name(), settings, rule == Rule.RANDOM ? seed : 0, kept));
    }
}
