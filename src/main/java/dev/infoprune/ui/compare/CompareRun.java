package dev.infoprune.ui.compare;

import dev.infoprune.model.Network;
import dev.infoprune.prune.MethodSettings;

import java.util.Map;

/**
 * What a shown comparison was run on: the unpruned network, the data settings and the methods' settings (to
 * reproduce MIPP's trace of a comparison restored from a session).
 */
public record CompareRun(Network network, dev.infoprune.ui.network.NetworkPicture picture, String dataSpec, long seed,
                         int maxProbe, int maxTrain, Map<String, MethodSettings> settings) {
    public CompareRun {
        settings = Map.copyOf(settings);
    }
}
