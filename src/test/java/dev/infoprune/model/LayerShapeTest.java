package dev.infoprune.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayerShapeTest {
    @Test
    void aPoolWindowLargerThanTheMapIsRefused() {
        Pool pool = new Pool("pool", Pool.Kind.MAX, 3, 3);
        assertThat(pool.outputShape(new int[] {4, 7, 7})).containsExactly(4, 2, 2);
        assertThat(pool.outputShape(new int[] {4, 3, 3})).containsExactly(4, 1, 1);
        assertThatThrownBy(() -> pool.outputShape(new int[] {4, 2, 2})).hasMessageContaining("leaves no output");
    }

    @Test
    void aConvKernelLargerThanThePaddedMapIsRefused() {
        Conv2d conv = Conv2d.zeros("conv", 1, 2, 5, 3, 1);
        assertThat(conv.outputShape(new int[] {1, 3, 3})).containsExactly(2, 1, 1);
        assertThatThrownBy(() -> conv.outputShape(new int[] {1, 2, 2})).hasMessageContaining("leaves no output");
        assertThat(Conv2d.zeros("c", 1, 2, 3, 2, 1).outputShape(new int[] {1, 28, 28})).containsExactly(2, 14, 14);
    }
}
