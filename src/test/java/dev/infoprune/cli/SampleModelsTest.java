package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.ModelCard;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every bundled sample model scores on its test split what its card says, and at least what it promises,
 * through {@code infoprune evaluate NAME --data DS --json}.
 */
class SampleModelsTest {
    static final Map<String, Double> THRESHOLDS = Map.of(
            "mlp-digits", 0.95,
            "lenet300-fashion", 0.87,
            "lenet5-fashion", 0.89,
            "vgg-fashion", 0.91,
            "resnet8-fashion", 0.85,
            "vgg16-fashion", 0.91);

    @Test
    void theFourSampleModelsAreBundled() {
        assertThat(SampleModels.names()).containsAll(THRESHOLDS.keySet());
    }

    @Test
    void everySampleMatchesItsCardOnItsTestSplit() throws Exception {
        for (String name : SampleModels.names()) {
            ModelCard card = SampleModels.load(name).card();
            CliRun run = CliRun.of("evaluate", name, "--data", card.dataset(), "--json");
            assertThat(run.status()).as(run.err()).isZero();
            JsonNode e = run.json();
            assertThat(e.path("seed").asLong()).isEqualTo(card.seed());
            assertThat(e.path("accuracy").asDouble()).as(name).isCloseTo(card.testAccuracy(), within(0.005));
            assertThat(e.path("loss").asDouble()).as(name).isCloseTo(card.testLoss(), within(0.005));
            assertThat(e.path("accuracy").asDouble()).as(name).isGreaterThanOrEqualTo(THRESHOLDS.getOrDefault(name, 0.0));
            Path markdown = Path.of("sample-models", name, "MODEL_CARD.md");
            assertThat(Files.readString(markdown)).as(name)
                    .contains(String.format(Locale.ROOT, "| test accuracy | %.4f |", card.testAccuracy()))
                    .contains("infoprune train --arch ");
        }
    }

    @Test
    void theVgg16SampleHasThirteenConvLayersWithBatchNormInFiveStages() {
        Network vgg16 = SampleModels.load("vgg16-fashion");
        assertThat(vgg16.layers().stream().filter(l -> l instanceof Conv2d).map(l -> ((Conv2d) l).out()).toList())
                .containsExactly(8, 8, 16, 16, 32, 32, 32, 64, 64, 64, 64, 64, 64);
        assertThat(vgg16.layers().stream().filter(l -> l instanceof BatchNorm).count()).isEqualTo(13);
    }

    @Test
    void theVggSampleHasFourConvLayersWithBatchNorm() {
        Network vgg = SampleModels.load("vgg-fashion");
        assertThat(vgg.layers().stream().filter(l -> l instanceof Conv2d).count()).isGreaterThanOrEqualTo(4);
        assertThat(vgg.layers().stream().filter(l -> l instanceof BatchNorm).count()).isGreaterThanOrEqualTo(4);
    }
}
