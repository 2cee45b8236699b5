package dev.infoprune.prune;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.Inference;
import dev.infoprune.core.BadInputException;
import dev.infoprune.model.ChannelShuffle;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.SampleModels;
import dev.infoprune.model.Network;
import dev.infoprune.model.onnx.OnnxImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Surgery on PyTorch's graph fixtures and the ResNet sample: a group-consistent plan shrinks adds, concats and
 * depthwise convs exactly.
 */
class GraphSurgeryTest {
    @TempDir
    Path dir;

    private static Matrix outputs(Network net, float[] inputs, int batch) {
        return Inference.outputs(net, new Dataset("x", net.inputShape(), inputs, new int[batch], net.classes()),
                Progress.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"graph_resnet8_op17", "graph_mobilenet_op17", "graph_concat_op17", "graph_se_op17",
            "tv_mobilenet_v3_op13", "tv_resnet18_op13", "tv_mobilenet_v2_op13", "tv_densenet_op13", "tv_shufflenet_op13",
            "tv_mnasnet_op13", "resnet20_op13", "resnet8-fashion"})
    void randomGroupPlansGiveTheMaskedOutputsAndTheShrunkModelRoundTrips(String model) throws IOException {
        Network net = model.endsWith("_op13") || model.endsWith("_op17")
                ? OnnxImport.read(Path.of("src/test/resources/onnx", model + ".onnx")) : SampleModels.load(model);
        int batch = 4;
        for (long seed = 0; seed < 4; seed++) {
            PruningPlan plan = TestPlans.groups(net, seed);
            Network shrunk = Surgery.apply(net, plan);
            Network masked = Masking.apply(net, plan);
            assertThat(shrunk.parameterCount()).as("seed %d", seed).isLessThan(net.parameterCount());
            for (int li : net.prunableLayerIndices()) {
                String name = net.layer(li).name();
                if (plan.kept().containsKey(name)) {
                    assertThat(shrunk.layer(li).units()).as(name).isEqualTo(plan.keptCount(name));
                }
                if (shrunk.layer(li) instanceof Conv2d c && net.layer(li) instanceof Conv2d o && o.groups() == o.in()
                        && o.groups() > 1) {
                    assertThat(c.groups()).as("depthwise " + name).isEqualTo(c.in()).isEqualTo(c.out());
                }
            }
            Random r = new Random(seed);
            float[] x = new float[batch * net.inputSize()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) r.nextGaussian();
            }
            Matrix a = outputs(shrunk, x, batch);
            Matrix b = outputs(masked, x, batch);
            Matrix original = outputs(net, x, batch);
            assertThat(IntStream.range(0, a.cols()).mapToDouble(o -> Math.abs(original.get(0, o) - b.get(0, o))).max()
                    .orElseThrow()).as("masking changes the outputs, so the comparison can fail").isGreaterThan(1e-6);
            for (int s = 0; s < batch; s++) {
                for (int o = 0; o < a.cols(); o++) {
                    assertThat(a.get(s, o)).as("%s seed %d output %d of sample %d", model, seed, o, s)
                            .isCloseTo(b.get(s, o), within(1e-5));
                }
            }
            Path folder = dir.resolve(model + seed);
            ModelFolder.write(shrunk, folder);
            Network back = ModelFolder.read(folder);
            assertThat(back.sameWeightsAs(shrunk)).isTrue();
            assertThat(back.inputs()).isEqualTo(shrunk.inputs());
        }
    }

    @Test
    void channelsAroundAShuffleAreKeptWholeAndAPlanThatCutsThemIsRefused() {
        Network net = OnnxImport.read(Path.of("src/test/resources/onnx/tv_shufflenet_op13.onnx"));
        int shuffle = IntStream.range(0, net.layers().size()).filter(i -> net.layer(i) instanceof ChannelShuffle)
                .findFirst().orElseThrow();
        // the last full convolution before the first shuffle makes channels that the concat hands to the shuffle
        String conv = IntStream.iterate(shuffle, i -> i >= 0, i -> i - 1).mapToObj(net::layer)
                .filter(l -> l instanceof Conv2d c && c.groups() == 1).findFirst().orElseThrow().name();
        assertThat(DependencyGroups.of(net).groups()).noneMatch(g -> g.members().stream()
                .anyMatch(m -> m.layer().equals(conv) && m.role() == GroupMember.Role.OUTPUTS));
        PruningPlan cut = new PruningPlan("hand", Map.of(), 0, Map.of(conv, new int[] {0}));
        assertThatThrownBy(() -> Surgery.apply(net, cut)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("removes channels").hasMessageContaining(conv)
                .hasMessageContaining("a channel slice or shuffle");
    }
}
