package dev.infoprune.ui.teach;

import dev.infoprune.prune.mipp.Decision;
import dev.infoprune.prune.mipp.Step;
import dev.infoprune.ui.network.NodeId;
import dev.infoprune.ui.network.NodeScore;

import java.util.Locale;

/**
 * The teach panel's words: for each per-node score its definition, how this program estimates it and what it
 * means for pruning; for a MIPP step the test with its numbers filled in and the decision in words.
 */
public final class TeachTexts {
    static final String NATS = "1 nat = 1/ln 2 ≈ 1.44 bits.";

    private TeachTexts() {
    }

    /** The lesson for the score colouring the network (a prompt when there is none). */
    public static Lesson forScore(NodeScore score) {
        if (score == null) {
            return new Lesson("No score shown", "—",
                    "Open a model: its nodes are coloured by a score, and this panel explains the score.");
        }
        String id = score.id();
        String how = score.estimator().isEmpty() ? "" : " Computed here with " + score.estimator() + ".";
        boolean gaussian = score.estimator().startsWith("gaussian");
        return switch (id) {
            case "weight-l1" -> new Lesson(score.title(), "‖wᵢ‖₁ = Σⱼ |wᵢⱼ|",
                    "The sum of the absolute values of the weights coming into node i (for a conv filter, its whole "
                            + "kernel). Magnitude pruning keeps the nodes with the largest norms. It needs no data and "
                            + "is cheap, but it is blind to what the node's activation carries: a node with large "
                            + "weights can repeat what its neighbours say, and one with small weights can be the only "
                            + "carrier of something the next layer needs." + how);
            case "weight-l2" -> new Lesson(score.title(), "‖wᵢ‖₂ = √( Σⱼ wᵢⱼ² )",
                    "The Euclidean length of the weights coming into node i. Like the L1 norm it ranks nodes by how "
                            + "strongly they are wired, not by what they compute; it weighs a few large weights more "
                            + "than many small ones." + how);
            case "label-mi" -> new Lesson(score.title(),
                    "I(Xᵢ; Y) = H(Y) − H(Y | Xᵢ)\nGaussian estimate:  I = −½ ln(1 − ρᵢ²),   ρᵢ² = rᵢᵀ R_Y⁻¹ rᵢ",
                    "How much knowing node i's activation Xᵢ lowers the uncertainty about the class label Y. 0 means "
                            + "the node on its own says nothing about the class; the true value can never exceed H(Y) "
                            + "(ln 10 ≈ 2.30 nats for ten balanced classes). "
                            + (gaussian ? "The Gaussian estimate treats the activation and the one-hot labels as "
                            + "jointly Gaussian: rᵢ holds the correlations of Xᵢ with the label columns and R_Y their "
                            + "correlation matrix, so it sees linear relations only. " : "")
                            + "A high score alone does not make a node necessary: its neighbours may say the "
                            + "same. " + NATS + how);
            case "label-cmi" -> new Lesson(score.title(),
                    "I(Xᵢ; Y | X₋ᵢ) = I(X; Y) − I(X₋ᵢ; Y)\nGaussian:  ½ [ ln (R_XY⁻¹)ᵢᵢ − ln (R_X⁻¹)ᵢᵢ ]",
                    "What node i tells about the label that the rest of its layer X₋ᵢ does not already tell: the "
                            + "information the layer loses when this node alone is removed. A node with high "
                            + "I(node; labels) but almost no conditional information is redundant, because other "
                            + "nodes carry the same information; removing it costs little. Information-preserving "
                            + "pruning such as MIPP is built on this idea. " + NATS + how);
            case "next-layer-mi" -> nextLayer(score, how);
            default -> generic(score, how);
        };
    }

    private static Lesson nextLayer(NodeScore score, String how) {
        return new Lesson(score.title(), "I(Xᵢ; T),   T = the units of the next layer (the outputs after the last hidden layer)",
                "How much node i's activation tells about the next layer's activations taken together. MIPP "
                        + "preserves exactly this between adjacent layers: a node that tells the next layer "
                        + "nothing it needs can go, even if it is correlated with the label." + how);
    }

    private static Lesson generic(NodeScore score, String how) {
        String t = score.title();
        if (t.contains("next")) {
            return nextLayer(score, how);
        }
        if (t.contains("Δ") || score.id().contains("mipp") || score.id().contains("delta")) {
            return new Lesson(t, "Δᵢ = I(S; T) − I(S ∖ {i}; T)",
                    "MIPP's test statistic: how much information about the next layer T the kept set S of this "
                            + "layer loses when node i is removed. Nodes whose Δ is not significantly above 0 were "
                            + "pruned." + how);
        }
        return new Lesson(t, t + (score.unit().isEmpty() ? "" : "  [" + score.unit() + "]"),
                "A per-node score: the colour of each node shows its value, from low (dark) to high (bright)." + how);
    }

    /** One line on the selected node under the score shown; "" without a selection or a value. */
    public static String forNode(NodeScore score, NodeId node) {
        if (score == null || node == null) {
            return "";
        }
        double v = score.value(node.layer(), node.index());
        if (Double.isNaN(v)) {
            return node + " has no value for this score (input or output nodes are not scored).";
        }
        double[] layer = score.byLayer().get(node.layer());
        int rank = 1;
        for (double o : layer) {
            rank += o > v ? 1 : 0;
        }
        return String.format(Locale.ROOT, "Selected %s:  %s = %.4g%s — rank %d of %d in %s (1 = highest).", node,
                score.title(), v, score.unit().isEmpty() ? "" : " " + score.unit(), rank, layer.length, node.layer());
    }

    /** MIPP's rule; with the current step's numbers and decision when there is one. */
    public static Lesson forStep(Step step, double confidence) {
        String level = Math.round(confidence * 100) + "%";
        if (step == null) {
            return new Lesson("MIPP: which nodes preserve the information",
                    "Δᵢ = I(S; T) − I(S ∖ {i}; T)\nkeep i  ⇔  lower end of the one-sided " + level + " interval of Δᵢ > 0",
                    "MIPP works backwards from the last hidden layer. T is what the next layer keeps (for the last "
                            + "hidden layer, the network's outputs); S is the set of nodes of the current layer still "
                            + "kept. Nodes are tested least informative first: if removing node i does not measurably "
                            + "lower what S tells about T, node i is pruned at once and later tests are made without "
                            + "it. The paper measures I(S;T) by how well a small network reconstructs T from S on held-out "
                            + "samples (the default estimator, reconstruction); a node stays only when the test is more than "
                            + "x sure that it carries information. x is the only knob: a higher x asks for more certainty "
                            + "and prunes more; how wide each layer ends up is an outcome. When T is an exact function of "
                            + "the layer, closed-form estimators (gaussian with a tiny ridge) find every used node "
                            + "indispensable; the loss-based test weighs each node against the noise of re-training instead. "
                            + "Step through MIPP to see each decision explained here.");
        }
        if (step.baselineLoss() != null) {
            return lossStep(step, confidence);
        }
        String node = step.layer() + ":" + step.unit();
        String formula = String.format(Locale.ROOT,
                "Δ = I(S;T) − I(S∖{%s};T) = %.4f − %.4f = %.4f nats\nlower end at %s: %.4f  %s 0  →  %s",
                node, step.miWith(), step.miWithout(), step.delta(), level, step.deltaLower(),
                step.deltaLower() > 0 ? ">" : "≤", switch (step.decision()) {
                    case KEEP -> "kept";
                    case PRUNE -> "pruned";
                    case KEEP_LAST -> "kept (last node)";
                });
        int repeats = step.deltas() == null ? 0 : step.deltas().length;
        StringBuilder words = new StringBuilder(String.format(Locale.ROOT,
                "Step %d tests node %d of %s against the %d node%s of its layer still kept. Without it, what the layer "
                        + "tells about T drops by %.4f nats on average over %d subsample%s (spread ± %.4f).",
                step.index() + 1, step.unit(), step.layer(), step.setSize(), step.setSize() == 1 ? "" : "s",
                step.delta(), repeats, repeats == 1 ? "" : "s", step.deltaStd()));
        if (step.nullDelta() != null) {
            words.append(String.format(Locale.ROOT, " An injected random variable's Δ was %.4f: the node is compared with that, not with 0.",
                    step.nullDelta()));
        }
        words.append(' ').append(switch (step.decision()) {
            case KEEP -> "The drop is significant at " + level + ", so the node stays";
            case PRUNE -> "The drop is not significant at " + level + ", so MIPP removes the node now and tests the next "
                    + "node without it";
            case KEEP_LAST -> "It is the last node of " + step.layer() + "; a layer is never emptied, so it stays whatever Δ says";
        }).append(String.format(Locale.ROOT, "; %d node%s of %s remain%s.", step.keptAfter(),
                step.keptAfter() == 1 ? "" : "s", step.layer(), step.keptAfter() == 1 ? "s" : ""));
        return new Lesson("MIPP step " + (step.index() + 1) + ": " + node + (step.decision() == Decision.PRUNE ? " pruned" : " kept"),
                formula, words.toString());
    }

    /**
     * A step of the paper's loss-based estimator: the information is read off held-out reconstruction losses, and x
     * is the certainty the test needs to keep the node.
     */
    private static Lesson lossStep(Step step, double confidence) {
        String node = step.layer() + ":" + step.unit();
        double with = step.baselineLoss() - step.miWith();
        double without = step.baselineLoss() - step.miWithout();
        String x = new java.math.BigDecimal(Double.toString(confidence)).stripTrailingZeros().toPlainString();
        String formula = String.format(Locale.ROOT,
                "Δ = loss without %s − loss with it = %.5f − %.5f = %.5f\nsure it carries information: %.0f %%  %s  x = %s  →  %s",
                node, without, with, step.delta(), 100 * step.certainty(), step.decision() == Decision.PRUNE ? "≤" : ">", x,
                switch (step.decision()) {
                    case KEEP -> "kept";
                    case PRUNE -> "pruned";
                    case KEEP_LAST -> "kept (last node)";
                });
        int repeats = step.deltas() == null ? 0 : step.deltas().length;
        String words = String.format(Locale.ROOT,
                "A small network g was trained to reconstruct the next layer T from the %d node%s of %s still kept; its "
                        + "mean squared error on held-out samples is %.5f (predicting T by its mean scores %.5f). To test "
                        + "node %d, a copy of g loses that node, takes over what the other nodes can express of it, and is "
                        + "re-trained briefly; its held-out loss rises to %.5f. The rise, %.5f ± %.5f over %d repeats with "
                        + "their own seeds, is the information the node carries about T beyond the rest. The test is %.0f %% "
                        + "sure it is above zero. %s",
                step.setSize(), step.setSize() == 1 ? "" : "s", step.layer(), with, step.baselineLoss(), step.unit(), without,
                step.delta(), step.deltaStd(), repeats, 100 * step.certainty(), switch (step.decision()) {
                    case KEEP -> "That is more than x = " + x + ", so the node stays. A higher x asks for more certainty and prunes more.";
                    case PRUNE -> "That is not more than x = " + x + ", so MIPP removes the node now and tests the next one without it.";
                    case KEEP_LAST -> "It is the last node of " + step.layer() + "; a layer is never emptied, so it stays.";
                });
        return new Lesson("MIPP step " + (step.index() + 1) + ": " + node + (step.decision() == Decision.PRUNE ? " pruned" : " kept"),
                formula, words);
    }
}
