package dev.infoprune.prune.mipp;

import dev.infoprune.core.BadInputException;
import dev.infoprune.info.KsgEstimator;
import dev.infoprune.model.Network;
import dev.infoprune.prune.PlantedNetworks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Too few probe samples for the estimator is one clear message saying how many MIPP needs, and exactly that many
 * are enough: the bias-corrected Gaussian estimate needs more samples per subsample than units plus targets, KSG
 * more than k.
 */
class MippProbeSizeTest {
    private static final Network NET = PlantedNetworks.mlp(1);

    /** The smallest n whose subsample round(0.8 n) holds at least {@code rows} rows: 0.8 n ≥ rows − ½. */
    private static int samplesFor(int rows) {
        return (int) Math.ceil((rows - 0.5) / MippSettings.DEFAULT_SUBSAMPLE);
    }

    private static int units(String layer) {
        return NET.layer(NET.indexOf(layer)).units();
    }

    @Test
    void theGaussianEstimateNeedsMoreSamplesPerSubsampleThanUnitsAndTargets() {
        List<String> hidden = NET.prunableLayerNames();
        String last = hidden.get(hidden.size() - 1);
        int outputs = NET.layer(NET.outputLayerIndex()).units();
        int variables = units(last) + outputs;
        int needed = samplesFor(variables + 1);
        assertThatThrownBy(() -> MippRun.start(NET, PlantedNetworks.probe(NET, 2, needed - 1), MippSettings.gaussian()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("probe samples: MIPP needs at least " + needed + " probe samples, got " + (needed - 1)
                        + ": the bias-corrected gaussian estimate of layer " + last + " (" + units(last) + " units against the "
                        + outputs + " outputs) needs more samples in each subsample (80% of the probe samples) than variables ("
                        + variables + "). Use more probe samples or a larger subsample share.");
        MippRun enough = MippRun.start(NET, PlantedNetworks.probe(NET, 2, needed), MippSettings.gaussian());
        assertThat(enough.next().layer()).isEqualTo(last);

        // the null model's noise column is one variable more
        assertThatThrownBy(() -> MippRun.start(NET, PlantedNetworks.probe(NET, 2, needed), MippSettings.gaussian().withNullModel(true)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("MIPP needs at least " + samplesFor(variables + 2));
    }

    @Test
    void aLaterLayerIsCheckedAgainstTheUnitsKeptInTheLayerAfterIt() {
        List<String> hidden = NET.prunableLayerNames();
        String last = hidden.get(hidden.size() - 1);
        String before = hidden.get(hidden.size() - 2);
        int needed = samplesFor(NET.layer(NET.outputLayerIndex()).units() + units(last) + 1);
        MippRun run = MippRun.start(NET, PlantedNetworks.probe(NET, 3, needed), MippSettings.gaussian().withConfidence(0.5));
        while (run.currentLayer().equals(last)) {
            run.next();
        }
        int kept = run.plan().keptCount(last);
        int variables = units(before) + kept;
        // (on these 21 samples MIPP keeps 6 of the 12 units of fc2; fc1 has 14: 21 variables need 27 samples)
        assertThat(samplesFor(variables + 1)).isGreaterThan(needed);
        assertThatThrownBy(run::next).isInstanceOf(BadInputException.class)
                .hasMessageContaining("MIPP needs at least " + samplesFor(variables + 1) + " probe samples, got " + needed)
                .hasMessageContaining("layer " + before + " (" + units(before) + " units against the " + kept
                        + " kept units of " + last + ")");
        // the decisions made stay: the run stands at the start of the layer it could not test
        assertThat(run.position()).isEqualTo(units(last));
        assertThat(run.plan().keptCount(last)).isEqualTo(kept);
    }

    @Test
    void ksgNeedsMoreSamplesPerSubsampleThanK() {
        int k = 20;
        int needed = samplesFor(k + 1);
        MippSettings settings = MippSettings.gaussian().withRepeats(2);
        assertThatThrownBy(() -> MippRun.start(NET, PlantedNetworks.probe(NET, 2, needed - 1), settings, new KsgEstimator(k)))
                .isInstanceOf(BadInputException.class)
                .hasMessage("probe samples: MIPP needs at least " + needed + " probe samples, got " + (needed - 1)
                        + ": the ksg estimate with k = 20 needs more samples in each subsample (80% of the probe samples) "
                        + "than k. Use more probe samples, a larger subsample share or a smaller k.");
        MippRun enough = MippRun.start(NET, PlantedNetworks.probe(NET, 2, needed), settings, new KsgEstimator(k));
        assertThat(enough.next()).isNotNull();
    }
}
