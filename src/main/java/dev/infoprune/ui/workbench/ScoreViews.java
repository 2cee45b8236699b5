package dev.infoprune.ui.workbench;

import dev.infoprune.info.NodeScores;
import dev.infoprune.info.ScoreKind;
import dev.infoprune.ui.network.NodeScore;
import dev.infoprune.workspace.DataChoice;

import java.util.List;
import java.util.Locale;

/** Turns the core's {@link NodeScores} into what the network view colours by, with the legend's wording. */
final class ScoreViews {
    static final String WEIGHT_SOURCE = "incoming weights, no data needed";

    private ScoreViews() {
    }

    /** The id of a score kind, as the command line names it ({@code label-mi}, {@code weight-l1}, …). */
    static String id(ScoreKind kind) {
        return switch (kind) {
            case LABEL_MI -> "label-mi";
            case NEXT_LAYER_MI -> "next-layer-mi";
            case LABEL_CMI_GIVEN_LAYER -> "label-cmi";
            case WEIGHT_L1 -> "weight-l1";
            case WEIGHT_L2 -> "weight-l2";
        };
    }

    static boolean isWeightScore(NodeScore s) {
        return s.id().startsWith("weight-");
    }

    static List<NodeScore> weights(List<NodeScores> scores) {
        return scores.stream().map(s -> new NodeScore(id(s.kind()), title(s.kind()), "", WEIGHT_SOURCE, s.byLayer())).toList();
    }

    /** Information scores, described with their estimator, conditioning, probe sample and seed. */
    static List<NodeScore> information(List<NodeScores> scores, String dataName, int samples, DataChoice data) {
        return scores.stream().map(s -> new NodeScore(id(s.kind()), title(s.kind()), unit(s), describe(s, dataName, samples, data),
                s.byLayer())).toList();
    }

    private static String title(ScoreKind kind) {
        return switch (kind) {
            case WEIGHT_L1 -> "‖w‖₁ (L1 of incoming weights)";
            case WEIGHT_L2 -> "‖w‖₂ (L2 of incoming weights)";
            default -> kind.label();
        };
    }

    private static String unit(NodeScores s) {
        return s.estimator() != null && s.estimator().name().equals("hsic") ? "" : "nats";
    }

    private static String describe(NodeScores s, String dataName, int samples, DataChoice data) {
        Object conditioning = s.settings().get("conditioning");
        return s.estimator().describe() + (conditioning == null ? "" : ", conditioning on the " + conditioning)
                + String.format(Locale.ROOT, ", %d probe samples of %s, seed %d", samples, dataName, data.seed());
    }
}
