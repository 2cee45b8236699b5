package dev.infoprune.ui.flows;

import dev.infoprune.core.BadInputException;
import dev.infoprune.data.SeededSubset;
import dev.infoprune.data.BundledDatasets;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Splits;
import dev.infoprune.model.Network;


/**
 * The data a comparison or a fine-tuning run uses: the data set chosen in the main window (else the bundled set
 * the model's card names), cut into seeded train/probe/test splits, with the probe and train splits limited to
 * seeded subsets so that interactive runs stay short. Call off the FX thread: it reads files.
 */
public final class StudyData {
    private StudyData() {
    }

    /** The data set to use for {@code network}: the chosen one, else its card's bundled set. */
    public static String specFor(String chosen, Network network) {
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        String card = network.card().dataset();
        if (card != null && BundledDatasets.isBundled(card)) {
            return card;
        }
        throw new BadInputException(network.name(), "no data set chosen: pick one in the Data menu first");
    }

    /**
     * @param maxProbe at most this many probe samples (seeded subset); 0 = all
     * @param maxTrain at most this many training samples (seeded subset); 0 = all
     */
    public static Splits resolve(String spec, long seed, int maxProbe, int maxTrain) {
        Splits s = DatasetLocator.resolve(spec, seed);
        return new Splits(limit(s.train(), maxTrain, seed), limit(s.probe(), maxProbe, seed), s.test());
    }

    static Dataset limit(Dataset d, int max, long seed) {
        if (max <= 0 || d.size() <= max) {
            return d;
        }
        return SeededSubset.of(d, max, seed);
    }
}
