package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.info.EstimatorSpec;
import dev.infoprune.prune.mipp.Mipp;
import dev.infoprune.prune.mipp.MippSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The method registry: declared settings parse once, check their range once, and read back what they wrote. */
class MethodRegistryTest {
    @Test
    void everyDefaultWritesTextThatReadsBackToItself() {
        for (MethodType type : PruningMethods.all()) {
            for (Setting<?> setting : type.settings()) {
                if (setting.defaultValue() != null) {
                    assertRoundTrip(type, setting);
                }
            }
        }
    }

    private static <T> void assertRoundTrip(MethodType type, Setting<T> setting) {
        MethodSettings s = type.defaults().withText(setting.key(), setting.format(setting.defaultValue()));
        assertThat(s.get(setting)).as(type.name() + " " + setting.key()).isEqualTo(setting.defaultValue());
        assertThat(s.isGiven(setting)).isTrue();
        assertThat(type.defaults().isGiven(setting)).isFalse();
    }

    @Test
    void theRegistryKnowsHowEachMethodIsSized() {
        assertThat(PruningMethods.names()).containsExactly("mipp", "global-topk", "local-magnitude", "random", "cmi", "itpruner", "snip", "grasp",
                "synflow", "thinet");
        assertThat(PruningMethods.MIPP.sizesItself()).isTrue();
        assertThat(PruningMethods.MIPP.takesSparsity()).isFalse();
        assertThat(PruningMethods.MIPP.sparsity()).isEmpty();
        assertThat(PruningMethods.CMI_FILTERS.sizesItself()).isTrue();
        assertThat(PruningMethods.CMI_FILTERS.takesSparsity()).isTrue();
        for (MethodType t : PruningMethods.all()) {
            assertThat(t.sparsity().isPresent()).as(t.name()).isEqualTo(t.takesSparsity());
        }
    }

    @Test
    void typedSettingsBuildTheSameMethodAsText() {
        MethodSettings typed = PruningMethods.MIPP.defaults().with(PruningMethods.CONFIDENCE, 0.8)
                .with(PruningMethods.MIPP_ESTIMATOR, new EstimatorSpec("gaussian", Map.of())).with(PruningMethods.RIDGE, 0.5);
        MethodSettings text = PruningMethods.MIPP.defaults().withText("confidence", "0.8").withText("estimator", "gaussian")
                .withText("ridge", "0.5");
        assertThat(typed).isEqualTo(text);
        MippSettings run = ((Mipp) PruningMethods.MIPP.create(typed, null)).settings();
        assertThat(run.confidence()).isEqualTo(0.8);
        assertThat(run.estimator().parameters()).containsEntry("ridge", 0.5).containsEntry("bias-corrected", true);
        assertThat(PruningMethods.mippSettings(PruningMethods.MIPP.defaults())).isEqualTo(MippSettings.defaults());
    }

    @Test
    void valuesAreCheckedWhereTheyAreSetNamingTheMethodAndTheOption() {
        assertThatThrownBy(() -> PruningMethods.MIPP.defaults().with(PruningMethods.CONFIDENCE, 1.5))
                .isInstanceOf(BadInputException.class).hasMessage("--method mipp: confidence must be in (0, 1), got 1.5");
        assertThatThrownBy(() -> PruningMethods.RANDOM.defaults().withText("sparsity", "x"))
                .isInstanceOf(BadInputException.class).hasMessage("--method random: sparsity must be a number, got x");
        assertThatThrownBy(() -> PruningMethods.LOCAL_MAGNITUDE.defaults().withText("seed", "1"))
                .isInstanceOf(BadInputException.class).hasMessage("--method local-magnitude: unknown option seed (it takes sparsity)");
        assertThatThrownBy(() -> PruningMethods.LOCAL_MAGNITUDE.defaults().withText("estimator.k", "1"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown option estimator.k");
        assertThatThrownBy(() -> PruningMethods.RANDOM.defaults().with(PruningMethods.CONFIDENCE, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("random has no setting confidence");
        assertThatThrownBy(() -> PruningMethods.type("magic")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown method magic");
    }

    @Test
    void estimatorOptionsTravelWithTheEstimatorWhicheverComesFirst() {
        MethodSettings a = PruningMethods.MIPP.defaults().withText("estimator.lambda", "2").withText("estimator", "ridge-cv");
        MethodSettings b = PruningMethods.MIPP.defaults().withText("estimator", "ridge-cv").withText("estimator.lambda", "2");
        assertThat(a).isEqualTo(b);
        assertThat(a.estimatorOptions()).containsExactly(Map.entry("lambda", "2"));
        assertThat(PruningMethods.mippSettings(a).estimator().describe()).isEqualTo("ridge-cv(lambda=2.0)");
    }
}
