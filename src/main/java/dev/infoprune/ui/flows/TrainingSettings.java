package dev.infoprune.ui.flows;

import dev.infoprune.model.Network;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;

/**
 * A fine-tuning budget as the compare and fine-tune views ask for it: epochs, learning rate (Adam), the seed
 * (of the splits, the sample subsets and training) and at most how many training samples.
 */
public final class TrainingSettings {
    public static final int EPOCHS = 3;
    public static final double LEARNING_RATE = 1e-3;

    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", EPOCHS);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", LEARNING_RATE);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 0);
    private final IntegerProperty trainSamples;

    public TrainingSettings(int trainSamples) {
        this.trainSamples = new SimpleIntegerProperty(this, "trainSamples", trainSamples);
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    public IntegerProperty trainSamplesProperty() {
        return trainSamples;
    }

    /**
     * Takes the seed the open network was trained with (from its card) whenever another network opens: splits
     * cut with it keep the network's test samples out of fine-tuning.
     */
    public void followCardSeed(ObservableValue<Network> network) {
        network.addListener((o, was, now) -> {
            if (now != null && now.card().seed() != null) {
                seed.set((int) (long) now.card().seed());
            }
        });
    }
}
