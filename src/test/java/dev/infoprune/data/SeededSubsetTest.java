package dev.infoprune.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeededSubsetTest {
    @Test
    void theSameSeedChoosesTheSameDistinctRowsInOrder() {
        int[] rows = SeededSubset.rows(1000, 50, 7);
        assertThat(rows).hasSize(50).isSorted().doesNotHaveDuplicates();
        assertThat(Arrays.stream(rows).allMatch(r -> r >= 0 && r < 1000)).isTrue();
        assertThat(SeededSubset.rows(1000, 50, 7)).isEqualTo(rows);
        assertThat(SeededSubset.rows(1000, 50, 8)).isNotEqualTo(rows);
    }

    @Test
    void aDataSetWithNoMoreSamplesThanAskedIsKept() {
        Dataset d = SyntheticDatasets.xor("xor", 1, 40, 0.1);
        assertThat(SeededSubset.of(d, 40, 3)).isSameAs(d);
        assertThat(SeededSubset.of(d, 10, 3).size()).isEqualTo(10);
        assertThatThrownBy(() -> SeededSubset.rows(5, 6, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
