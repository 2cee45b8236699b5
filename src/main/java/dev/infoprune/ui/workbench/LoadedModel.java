package dev.infoprune.ui.workbench;

import dev.infoprune.model.Network;
import dev.infoprune.ui.network.NetworkPicture;
import dev.infoprune.ui.network.NodeScore;

import java.util.List;

/** A network ready to show, prepared off the FX thread: where it came from, its picture and its first scores. */
record LoadedModel(String source, Network network, NetworkPicture picture, List<NodeScore> scores) {
    static LoadedModel prepare(String source, Network network) {
        return new LoadedModel(source, network, NetworkPicture.of(network), WeightScores.of(network));
    }
}
