package dev.infoprune.study;

import dev.infoprune.core.BadInputException;
import dev.infoprune.prune.CmiFilterPruning;
import dev.infoprune.prune.ItPrunerAllocation;
import dev.infoprune.prune.MethodsByText;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StudyMethodsTest {
    private static final CmiFilterPruning.Settings KNEE_INDEPENDENT = CmiFilterPruning.Settings.defaults()
            .withCutoff(CmiFilterPruning.Cutoff.KNEE).withDirection(CmiFilterPruning.Direction.INDEPENDENT);

    @Test
    void cmiTakesTheCommandLineSettingsAndPerMethodOptionsOnTop() {
        StudyMethods catalog = new StudyMethods(Map.of("cmi", MethodsByText.settings("cmi", Map.of("cutoff", "knee", "direction", "independent",
                "width-scale", "8", "samples", "200"))));
        CmiFilterPruning own = (CmiFilterPruning) catalog.create("cmi", Double.NaN, 5);
        assertThat(own.settings()).isEqualTo(KNEE_INDEPENDENT.withWidthScale(8).withSamples(200).withSeed(5));
        CmiFilterPruning atSparsity = (CmiFilterPruning) catalog.create("cmi", 0.7, 5);
        assertThat(atSparsity.settings().cutoff()).isEqualTo(CmiFilterPruning.Cutoff.SHARE);
        assertThat(atSparsity.settings().fraction()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(atSparsity.settings().widthScale()).isEqualTo(8);
        assertThat(atSparsity.settings().direction()).isEqualTo(CmiFilterPruning.Direction.INDEPENDENT);
    }

    @Test
    void itPrunerTakesItsOptionsAndTheExperimentsSparsity() {
        StudyMethods catalog = new StudyMethods(Map.of("itpruner", MethodsByText.settings("itpruner", Map.of("beta", "3"))));
        ItPrunerAllocation it = (ItPrunerAllocation) catalog.create("itpruner", 0.6, 2);
        assertThat(it.settings()).isEqualTo(ItPrunerAllocation.Settings.atSparsity(0.6).withBeta(3).withSeed(2));
        assertThatThrownBy(() -> new StudyMethods(Map.of("itpruner", MethodsByText.settings("itpruner", Map.of("macs", "0.5"))))
                .create("itpruner", 0.6, 2)).isInstanceOf(BadInputException.class).hasMessageContaining("either sparsity or macs");
        assertThatThrownBy(() -> new StudyMethods(Map.of("cmi", MethodsByText.settings("cmi", Map.of("width", "2"))))
                .create("cmi", Double.NaN, 2)).isInstanceOf(BadInputException.class).hasMessageContaining("unknown option width");
    }
}
