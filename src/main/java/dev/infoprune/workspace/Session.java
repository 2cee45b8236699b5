package dev.infoprune.workspace;

import dev.infoprune.info.NodeScores;
import dev.infoprune.model.Network;

import java.util.List;

/**
 * What the user opened, computed and decided, as one value a session file holds.
 *
 * @param model       where the model came from
 * @param embedded    the network itself when it lives only in the session (a pruned or fine-tuned one), else null
 * @param data        the data set, seed and probe size of the scores (null: none chosen)
 * @param estimator   the estimator chosen for the scores
 * @param scores      the information scores computed on {@code data} (empty when none)
 * @param shownScore  the id of the score the network is coloured by (null: the default)
 * @param mipp        the MIPP run (null: none started)
 * @param comparisons comparison results (in the file, each the study engine's {@code results.json} document)
 * @param savedAt     when it was written (milliseconds since the epoch; 0 before it was)
 */
public record Session(ModelSource model, Network embedded, DataChoice data, EstimatorChoice estimator,
                      List<NodeScores> scores, String shownScore, MippState mipp, List<SessionComparison> comparisons,
                      long savedAt) {
    public Session {
        if (model == null) {
            throw new IllegalArgumentException("a session needs a model");
        }
        if ((model.kind() == ModelSource.Kind.EMBEDDED) != (embedded != null)) {
            throw new IllegalArgumentException("an embedded network goes with an embedded model source, and only with one");
        }
        estimator = estimator == null ? EstimatorChoice.DEFAULT : estimator;
        scores = scores == null ? List.of() : List.copyOf(scores);
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    }

    public Session withSavedAt(long millis) {
        return new Session(model, embedded, data, estimator, scores, shownScore, mipp, comparisons, millis);
    }
}
