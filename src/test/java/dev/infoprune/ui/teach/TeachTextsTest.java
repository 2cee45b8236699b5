package dev.infoprune.ui.teach;

import dev.infoprune.prune.mipp.Decision;
import dev.infoprune.prune.mipp.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TeachTextsTest {
    @Test
    void aPrunedStepReadsWithItsNumbersAndDecision() {
        Step step = new Step(6, "fc2", 7, 9, 0.12, 1.8312, 1.8301, 0.0011, 0.0009, -0.0004,
                new double[] {0.001, 0.002, 0.0, 0.0015, 0.001}, null, Decision.PRUNE, 8, 3.2);
        Lesson l = TeachTexts.forStep(step, 0.95);
        assertThat(l.title()).isEqualTo("MIPP step 7: fc2:7 pruned");
        assertThat(l.formula()).isEqualTo(
                "Δ = I(S;T) − I(S∖{fc2:7};T) = 1.8312 − 1.8301 = 0.0011 nats\nlower end at 95%: -0.0004  ≤ 0  →  pruned");
        assertThat(l.explanation()).contains("against the 9 nodes of its layer still kept").contains("over 5 subsamples")
                .contains("not significant at 95%").endsWith("8 nodes of fc2 remain.");
    }

    @Test
    void aKeptLastNodeAndTheNullModelAreExplained() {
        Step step = new Step(0, "fc1", 3, 1, 0.5, 0.4, 0.0, 0.4, 0.01, 0.39, new double[] {0.4}, 0.02,
                Decision.KEEP_LAST, 1, 1);
        Lesson l = TeachTexts.forStep(step, 0.9);
        assertThat(l.formula()).endsWith("lower end at 90%: 0.3900  > 0  →  kept (last node)");
        assertThat(l.explanation()).contains("random variable's Δ was 0.0200").contains("a layer is never emptied")
                .endsWith("1 node of fc1 remains.");
    }
}
