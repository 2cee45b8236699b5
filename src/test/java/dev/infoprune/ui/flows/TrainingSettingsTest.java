package dev.infoprune.ui.flows;

import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingSettingsTest {
    @Test
    void theSeedFollowsTheCardOfTheNetworkOpenedAndStaysWhenACardHasNone() {
        TrainingSettings settings = new TrainingSettings(500);
        assertThat(settings.trainSamplesProperty().get()).isEqualTo(500);
        assertThat(settings.epochsProperty().get()).isEqualTo(TrainingSettings.EPOCHS);
        assertThat(settings.learningRateProperty().get()).isEqualTo(TrainingSettings.LEARNING_RATE);
        SimpleObjectProperty<Network> open = new SimpleObjectProperty<>();
        settings.followCardSeed(open);
        Network net = RandomNetworks.mlp(1, 4, 3, 3, 2);
        open.set(net.withCard(new ModelCard("iris", 7L, 1, null, null, null, null)));
        assertThat(settings.seedProperty().get()).isEqualTo(7);
        settings.seedProperty().set(3);
        open.set(net.withCard(new ModelCard("iris", null, 1, null, null, null, null)));
        assertThat(settings.seedProperty().get()).isEqualTo(3);
    }
}
