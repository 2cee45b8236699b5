package dev.infoprune.engine;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Every bundled sample model scores on its test split what its card says, and at least what it promises. */
class SampleModelsTest {
    static final Map<String, Double> THRESHOLDS = Map.of(
            "mlp-digits", 0.95,
            "lenet300-fashion", 0.87,
            "lenet5-fashion", 0.89,
            "vgg-fashion", 0.91);

    @Test
    void theFourSampleModelsAreBundled() {
        assertThat(SampleModels.names()).containsAll(THRESHOLDS.keySet());
    }

    @Test
    void everySampleMatchesItsCardOnItsTestSplit() throws Exception {
        Map<String, Dataset> tests = new HashMap<>();
        for (String name : SampleModels.names()) {
            Network net = SampleModels.load(name);
            ModelCard card = net.card();
            Dataset test = tests.computeIfAbsent(card.dataset() + "#" + card.seed(),
                    k -> DatasetLocator.resolve(card.dataset(), card.seed()).test());
            Evaluation e = Inference.evaluate(net, test, Progress.NONE);
            assertThat(e.accuracy()).as(name).isCloseTo(card.testAccuracy(), within(0.005));
            assertThat(e.loss()).as(name).isCloseTo(card.testLoss(), within(0.005));
            assertThat(e.accuracy()).as(name).isGreaterThanOrEqualTo(THRESHOLDS.getOrDefault(name, 0.0));
            Path markdown = Path.of("sample-models", name, "MODEL_CARD.md");
            assertThat(Files.readString(markdown)).as(name)
                    .contains(String.format(Locale.ROOT, "| test accuracy | %.4f |", card.testAccuracy()))
                    .contains("infoprune train --arch ");
        }
    }

    @Test
    void theVggSampleHasFourConvLayersWithBatchNorm() {
        Network vgg = SampleModels.load("vgg-fashion");
        assertThat(vgg.layers().stream().filter(l -> l instanceof Conv2d).count()).isGreaterThanOrEqualTo(4);
        assertThat(vgg.layers().stream().filter(l -> l instanceof BatchNorm).count()).isGreaterThanOrEqualTo(4);
    }
}
