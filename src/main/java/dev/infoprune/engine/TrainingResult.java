package dev.infoprune.engine;

import dev.infoprune.model.Network;

import java.util.List;

/** The trained network (same structure as the start, new weights and BatchNorm statistics) and its history. */
public record TrainingResult(Network network, List<EpochResult> history) {
    public TrainingResult {
        history = List.copyOf(history);
    }

    public EpochResult lastEpoch() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }
}
