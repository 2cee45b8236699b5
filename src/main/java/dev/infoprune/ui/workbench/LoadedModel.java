package dev.infoprune.ui.workbench;

import dev.infoprune.model.Network;
import dev.infoprune.ui.network.NetworkPicture;
import dev.infoprune.ui.network.NodeScore;
import dev.infoprune.workspace.ModelSource;
import dev.infoprune.workspace.ProbeScores;

import java.util.List;

/** A network ready to show, prepared off the FX thread: where it came from, its picture and its weight scores. */
record LoadedModel(ModelSource source, Network network, NetworkPicture picture, List<NodeScore> scores) {
    static LoadedModel prepare(ModelSource source, Network network) {
        return new LoadedModel(source, network, NetworkPicture.of(network), ScoreViews.weights(ProbeScores.weights(network)));
    }
}
