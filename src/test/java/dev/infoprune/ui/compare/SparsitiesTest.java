package dev.infoprune.ui.compare;

import dev.infoprune.core.BadInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparsitiesTest {
    @Test
    void commasOrSpacesSortedWithoutRepeats() {
        assertThat(Sparsities.parse("0.9, 0.5 0.5;0.7")).containsExactly(0.5, 0.7, 0.9);
    }

    @Test
    void outOfRangeOrNotANumberNamesTheValue() {
        assertThatThrownBy(() -> Sparsities.parse("0.5, 1")).isInstanceOf(BadInputException.class)
                .hasMessage("sweep sparsities: 1 is not a share of hidden units in [0, 1)");
        assertThatThrownBy(() -> Sparsities.parse("half")).hasMessage("sweep sparsities: \"half\" is not a number");
        assertThatThrownBy(() -> Sparsities.parse(" ")).hasMessageStartingWith("sweep sparsities: give at least one");
    }

    @Test
    void mippConfidencesMayBeBlankAndNameTheFieldWhenNotNumbers() {
        assertThat(Sparsities.confidences(" ")).isEmpty();
        assertThat(Sparsities.confidences("0.99, 0.5 0.9")).containsExactly(0.5, 0.9, 0.99);
        assertThatThrownBy(() -> Sparsities.confidences("0.9, high")).hasMessage("MIPP confidences: \"high\" is not a number");
    }
}
