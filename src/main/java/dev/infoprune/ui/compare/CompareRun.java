package dev.infoprune.ui.compare;

import dev.infoprune.model.Network;

/** What a shown comparison was run on: the unpruned network and the data settings (to reproduce MIPP's trace). */
public record CompareRun(Network network, dev.infoprune.ui.network.NetworkPicture picture, String dataSpec, long seed, int maxProbe, int maxTrain) {
}
