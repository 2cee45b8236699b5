package dev.infoprune.engine;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.BatchNorm;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Dense;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ArchitectureSpecTest {
    static final int[] IMAGE = {1, 28, 28};
    static final List<String> TEN = RandomNetworks.classes(10);

    static List<String> types(Network n) {
        return n.layers().stream().map(Layer::type).toList();
    }

    @Test
    void anMlpSpecBuildsDenseLayersWithReluAndAnOutputLayer() {
        Network n = ArchitectureSpec.parse("mlp:128-64").build("m", new int[] {64}, TEN, 1);
        assertThat(types(n)).containsExactly("dense", "relu", "dense", "relu", "dense");
        assertThat(n.unitLayerWidths()).containsExactly(128, 64, 10);
        assertThat(n.layer(4).name()).isEqualTo("out");
        assertThat(n.card().architecture()).isEqualTo("mlp:128-64");
    }

    @Test
    void anImageInputIsFlattenedBeforeTheFirstDenseLayer() {
        Network n = ArchitectureSpec.parse("lenet300").build("m", IMAGE, TEN, 1);
        assertThat(types(n)).containsExactly("flatten", "dense", "relu", "dense", "relu", "dense");
        assertThat(n.unitLayerWidths()).containsExactly(300, 100, 10);
        assertThat(n.parameterCount()).isEqualTo(784 * 300 + 300 + 300 * 100 + 100 + 100 * 10 + 10);
    }

    @Test
    void convItemsTakeKernelStridePaddingBatchNormAndActivation() {
        Network n = ArchitectureSpec.parse("conv:8c3s2p0/bn/tanh-avgpool3-16c5-gap-drop0.5-fc20/linear")
                .build("c", new int[] {3, 31, 31}, TEN, 2);
        assertThat(types(n)).containsExactly("conv2d", "batchnorm", "tanh", "avgpool", "conv2d", "relu", "globalavgpool",
                "dropout", "flatten", "dense", "dense");
        Conv2d c1 = (Conv2d) n.layer(0);
        assertThat(List.of(c1.out(), c1.kernel(), c1.stride(), c1.padding())).containsExactly(8, 3, 2, 0);
        assertThat(n.outputShapeOf(0)).containsExactly(8, 15, 15);
        assertThat(n.outputShapeOf(3)).containsExactly(8, 5, 5);
        Conv2d c2 = (Conv2d) n.layer(4);
        assertThat(c2.padding()).isEqualTo(2); // "same" by default
        assertThat(n.layer(1)).isInstanceOf(BatchNorm.class);
        assertThat(n.layer(1).name()).isEqualTo("conv1_bn");
    }

    @Test
    void thePresetsAreTheSampleModelsArchitectures() {
        Network lenet5 = ArchitectureSpec.parse("lenet5").build("l", IMAGE, TEN, 1);
        assertThat(lenet5.unitLayerWidths()).containsExactly(6, 16, 120, 84, 10);
        assertThat(lenet5.inputShapeOf(lenet5.indexOf("fc1"))).containsExactly(16 * 5 * 5);
        Network vgg = ArchitectureSpec.parse("vgg-small").build("v", IMAGE, TEN, 1);
        assertThat(vgg.unitLayerWidths()).containsExactly(16, 16, 32, 32, 128, 10);
        assertThat(vgg.layers().stream().filter(l -> l instanceof BatchNorm).count()).isEqualTo(4);
        assertThat(ArchitectureSpec.parse("mlp-digits").text()).isEqualTo("mlp:128-64");
    }

    @Test
    void initialisationIsSeededKaimingNormal() {
        ArchitectureSpec spec = ArchitectureSpec.parse("mlp:400");
        Network a = spec.build("a", new int[] {300}, TEN, 5);
        assertThat(a.sameWeightsAs(spec.build("a", new int[] {300}, TEN, 5))).isTrue();
        assertThat(a.sameWeightsAs(spec.build("a", new int[] {300}, TEN, 6))).isFalse();
        float[] w = ((Dense) a.layer(0)).weight().data();
        double mean = 0;
        double sq = 0;
        for (float v : w) {
            mean += v;
            sq += v * v;
        }
        mean /= w.length;
        double std = Math.sqrt(sq / w.length - mean * mean);
        assertThat(mean).isCloseTo(0, within(0.002));
        assertThat(std).isCloseTo(Math.sqrt(2.0 / 300), within(0.002));
        assertThat(((Dense) a.layer(0)).bias().data()).containsOnly(0f);
    }

    @Test
    void residualBlocksAddTheirInputOrAProjectionWhenTheShapeChanges() {
        Network n = ArchitectureSpec.parse("resnet8").build("r", IMAGE, TEN, 1);
        assertThat(n.isGraph()).isTrue();
        assertThat(n.inputs().get(n.indexOf("res1_add"))).containsExactly("res1_conv2_bn", "conv1_relu");
        assertThat(n.inputs().get(n.indexOf("res2_proj"))).containsExactly("res1_relu");
        assertThat(n.inputs().get(n.indexOf("res2_add"))).containsExactly("res2_conv2_bn", "res2_proj_bn");
        assertThat(n.layers().stream().filter(l -> l.name().endsWith("_proj")).map(Layer::name))
                .containsExactly("res2_proj", "res3_proj");
        Conv2d proj = (Conv2d) n.layer(n.indexOf("res3_proj"));
        assertThat(List.of(proj.in(), proj.out(), proj.kernel(), proj.stride())).containsExactly(32, 64, 1, 2);
        assertThat(n.outputShapeOf(n.indexOf("res3_relu"))).containsExactly(64, 7, 7);
        assertThat(n.unitLayerWidths()).containsExactly(16, 16, 16, 32, 32, 32, 64, 64, 64, 10);
        Network resnet20 = ArchitectureSpec.parse("resnet20").build("r", IMAGE, TEN, 1);
        assertThat(resnet20.layers().stream().filter(l -> l instanceof Conv2d).count()).isEqualTo(19 + 2);
        Network small = ArchitectureSpec.parse("resnet8-small").build("r", IMAGE, TEN, 1);
        assertThat(small.outputShapeOf(small.indexOf("res3_relu"))).containsExactly(32, 4, 4);
        assertThatThrownBy(() -> ArchitectureSpec.parse("mlp:8-res8").build("x", IMAGE, TEN, 1))
                .isInstanceOf(BadInputException.class).hasMessageContaining("residual blocks need image inputs");
    }

    @Test
    void malformedSpecsAreClearErrors() {
        assertThatThrownBy(() -> ArchitectureSpec.parse("mlp:128-x7")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("--arch mlp:128-x7: cannot read \"x7\"");
        assertThatThrownBy(() -> ArchitectureSpec.parse("rnn:4")).hasMessageContaining("unknown family \"rnn\"");
        assertThatThrownBy(() -> ArchitectureSpec.parse("16c3/bx")).hasMessageContaining("unknown modifier \"/bx\"");
        assertThatThrownBy(() -> ArchitectureSpec.parse("mlp:")).hasMessageContaining("no layers");
        assertThatThrownBy(() -> ArchitectureSpec.parse("mlp:0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> ArchitectureSpec.parse("conv:16c3").build("x", new int[] {64}, TEN, 1))
                .isInstanceOf(BadInputException.class).hasMessageContaining("conv layers need image inputs");
        assertThatThrownBy(() -> ArchitectureSpec.parse("conv:4c5p0-pool-4c5p0-pool-4c5p0").build("x", IMAGE, TEN, 1))
                .isInstanceOf(BadInputException.class).hasMessageContaining("does not fit inputs of shape [1, 28, 28]");
    }
}
