package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.Add;
import dev.infoprune.model.Concat;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Layer;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import dev.infoprune.model.Tensor;
import dev.infoprune.model.onnx.OnnxImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static dev.infoprune.prune.GroupMember.Role.CHANNELWISE;
import static dev.infoprune.prune.GroupMember.Role.INPUTS;
import static dev.infoprune.prune.GroupMember.Role.OUTPUTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dependency groups of chains (one per prunable layer) and of PyTorch's graph fixtures, and the plan check. */
class DependencyGroupsTest {
    private static Network fixture(String model) {
        return OnnxImport.read(Path.of("src/test/resources/onnx", model + "_op17.onnx"));
    }

    private static DependencyGroup groupProducedBy(DependencyGroups groups, String... producers) {
        return groups.groups().stream().filter(g -> g.producerNames().equals(List.of(producers))).findFirst()
                .orElseThrow(() -> new AssertionError("no group produced by " + List.of(producers) + " in " + groups.groups()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp-digits", "lenet5-fashion", "vgg-fashion"})
    void aChainHasOneUncoupledGroupPerPrunableLayer(String name) {
        Network net = SampleModels.load(name);
        DependencyGroups groups = DependencyGroups.of(net);
        assertThat(groups.groups()).noneMatch(DependencyGroup::coupled);
        assertThat(groups.groups().stream().flatMap(g -> g.producerNames().stream()).toList())
                .isEqualTo(net.prunableLayerNames());
        for (DependencyGroup g : groups.groups()) {
            GroupMember producer = g.producers().get(0);
            assertThat(g.channels()).isEqualTo(net.layer(net.indexOf(producer.layer())).units());
            assertThat(producer.offset()).isZero();
            assertThat(producer.contiguous()).isTrue();
            // the next dense or conv layer reads the channels
            assertThat(g.members()).anyMatch(m -> m.role() == INPUTS);
        }
        for (long seed = 0; seed < 5; seed++) {
            PruningPlan plan = TestPlans.random(net, seed);
            assertThatCode(() -> DependencyGroups.check(net, plan)).doesNotThrowAnyException();
        }
    }

    @Test
    void vggsBatchNormsPassTheirChannelsAndTheFlattenSpansEachChannel() {
        Network net = SampleModels.load("vgg-fashion");
        DependencyGroups groups = DependencyGroups.of(net);
        DependencyGroup conv4 = groupProducedBy(groups, "conv4");
        assertThat(conv4.member("conv4_bn", CHANNELWISE)).isNotNull();
        GroupMember fc1 = conv4.member("fc1", INPUTS);
        int span = net.inputShapeOf(net.indexOf("fc1"))[0] / conv4.channels();
        assertThat(span).isGreaterThan(1);
        assertThat(fc1.span()).isEqualTo(span);
        assertThat(fc1.channels()).isEqualTo(IntStream.range(0, conv4.channels()).map(c -> c * span).toArray());
    }

    @Test
    void theResNetsBlocksAreUncoupledInsideAndEachStagesResidualStreamIsOneCoupledGroup() {
        Network net = fixture("graph_resnet8");
        DependencyGroups groups = DependencyGroups.of(net);
        assertThat(groups.groups()).hasSize(6);
        for (int block = 0; block < 3; block++) {
            DependencyGroup inside = groupProducedBy(groups, "blocks." + block + ".body1.conv");
            assertThat(inside.coupled()).isFalse();
            assertThat(inside.member("blocks." + block + ".body2.conv", INPUTS)).isNotNull();
        }
        DependencyGroup stage1 = groupProducedBy(groups, "stem.conv", "blocks.0.body2.conv");
        DependencyGroup stage2 = groupProducedBy(groups, "blocks.1.body2.conv", "blocks.1.shortcut.conv");
        DependencyGroup stage3 = groupProducedBy(groups, "blocks.2.body2.conv", "blocks.2.shortcut.conv");
        assertThat(List.of(stage1, stage2, stage3)).allMatch(DependencyGroup::coupled);
        assertThat(List.of(stage1.channels(), stage2.channels(), stage3.channels())).containsExactly(8, 12, 16);
        // the stream is read by the next blocks' first convs and downsample shortcuts, and by the classifier
        assertThat(stage1.members()).filteredOn(m -> m.role() == INPUTS).extracting(GroupMember::layer)
                .containsExactly("blocks.0.body1.conv", "blocks.1.body1.conv", "blocks.1.shortcut.conv");
        assertThat(stage3.member("fc", INPUTS)).isNotNull();
        // the classifier's units are the outputs: in no group
        assertThat(groups.groupsOf("fc")).containsExactly(stage3);
    }

    @Test
    void theMobileNetsDepthwiseConvolutionsShareThePrecedingConvolutionsChannels() {
        Network net = fixture("graph_mobilenet");
        List<Layer> depthwise = net.layers().stream().filter(l -> l instanceof Conv2d c && c.groups() > 1).toList();
        assertThat(depthwise).hasSize(2);
        DependencyGroups groups = DependencyGroups.of(net);
        DependencyGroup stem = groupProducedBy(groups, "features.0.conv");
        assertThat(stem.member(depthwise.get(0).name(), CHANNELWISE).channels())
                .isEqualTo(IntStream.range(0, 8).toArray());
        DependencyGroup expanded = groupProducedBy(groups, "features.6.expand.expand.0.conv");
        assertThat(expanded.channels()).isEqualTo(24);
        assertThat(expanded.coupled()).isFalse();
        assertThat(expanded.member(depthwise.get(1).name(), CHANNELWISE)).isNotNull();
        assertThat(expanded.member("features.6.project.conv", INPUTS)).isNotNull();
        // the inverted residual adds the block's input to its projection
        assertThat(groupProducedBy(groups, "features.4.conv", "features.6.project.conv").coupled()).isTrue();
        // a depthwise convolution produces no channels of its own
        assertThat(groups.groups()).allMatch(g -> depthwise.stream().noneMatch(d -> g.member(d.name(), OUTPUTS) != null));
    }

    @Test
    void aConcatPlacesEachInputsChannelsAtItsOffset() {
        Network net = fixture("graph_concat");
        DependencyGroups groups = DependencyGroups.of(net);
        assertThat(groups.groups()).noneMatch(DependencyGroup::coupled);
        assertThat(groupProducedBy(groups, "stem").member("mix", INPUTS).channels()).containsExactly(0, 1, 2, 3);
        assertThat(groupProducedBy(groups, "branch_a").member("mix", INPUTS).channels()).containsExactly(4, 5, 6);
        assertThat(groupProducedBy(groups, "branch_b").member("mix", INPUTS).channels()).containsExactly(7, 8, 9, 10, 11);
        assertThat(groupProducedBy(groups, "stem").members()).extracting(GroupMember::layer)
                .containsExactly("stem", "branch_a", "branch_b", "mix");
        assertThat(groupProducedBy(groups, "branch_b").member("mix", INPUTS).offset()).isEqualTo(7);
    }

    @Test
    void aPlanKeepingTheSameChannelsInEveryCoupledProducerPasses() {
        for (String model : List.of("graph_resnet8", "graph_mobilenet", "graph_concat")) {
            Network net = fixture(model);
            for (long seed = 0; seed < 5; seed++) {
                PruningPlan plan = TestPlans.groups(net, seed);
                assertThatCode(() -> DependencyGroups.check(net, plan)).as(model).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void aPlanKeepingDifferentChannelsInTwoCoupledMembersIsRefused() {
        Network net = fixture("graph_resnet8");
        PruningPlan differ = new PruningPlan("test", Map.of(), 1,
                Map.of("stem.conv", new int[] {0, 1, 2}, "blocks.0.body2.conv", new int[] {0, 1, 3}));
        assertThatThrownBy(() -> DependencyGroups.check(net, differ)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("layers stem.conv and blocks.0.body2.conv are coupled")
                .hasMessageContaining("keeps group channels {0, 1, 2}");
        PruningPlan oneSide = new PruningPlan("test", Map.of(), 1, Map.of("blocks.1.shortcut.conv", new int[] {0, 5}));
        assertThatThrownBy(() -> DependencyGroups.check(net, oneSide)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("layers blocks.1.body2.conv and blocks.1.shortcut.conv are coupled");
        PruningPlan same = new PruningPlan("test", Map.of(), 1,
                Map.of("stem.conv", new int[] {0, 1, 2}, "blocks.0.body2.conv", new int[] {0, 1, 2}));
        assertThatCode(() -> DependencyGroups.check(net, same)).doesNotThrowAnyException();

        Network mobile = fixture("graph_mobilenet");
        String depthwise = mobile.layers().stream().filter(l -> l instanceof Conv2d c && c.groups() > 1)
                .reduce((a, b) -> b).orElseThrow().name();
        PruningPlan dwDiffers = new PruningPlan("test", Map.of(), 1,
                Map.of("features.6.expand.expand.0.conv", new int[] {0, 1}, depthwise, new int[] {0, 2}));
        assertThatThrownBy(() -> DependencyGroups.check(mobile, dwDiffers)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("are coupled");
    }

    @Test
    void channelsAddedToTheNetworksInputAreInNoGroupAndCannotBePruned() {
        // input [2, 3, 3] -> conv c (1x1, 2 -> 2) -> add(c, input) -> conv out (3x3, 2 -> 4)
        Network net = new Network("skip-from-input", new int[] {2, 3, 3}, List.of(),
                List.of(Conv2d.zeros("c", 2, 2, 1, 1, 0), new Add("a"), Conv2d.zeros("out", 2, 4, 3, 1, 0)),
                List.of(List.of(), List.of("c", Network.INPUT), List.of()), null, null);
        assertThat(DependencyGroups.of(net).groups()).isEmpty();
        PruningPlan plan = new PruningPlan("test", Map.of(), 1, Map.of("c", new int[] {1}));
        assertThatThrownBy(() -> DependencyGroups.check(net, plan)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("removes channels {0} of layer c, which are tied to the network's input");
        assertThatCode(() -> DependencyGroups.check(net, new PruningPlan("test", Map.of(), 1, Map.of("c", new int[] {0, 1}))))
                .doesNotThrowAnyException();
    }

    @Test
    void anAddOfAConcatAndAConvolutionCouplesEachConcatenatedInputWithItsSliceOfTheConvolution() {
        // input [2, 4, 4]; a (2 -> 3) and b (2 -> 5) concatenated, plus c (2 -> 8); out reads the sum
        Network net = new Network("concat-plus-conv", new int[] {2, 4, 4}, List.of(),
                List.of(Conv2d.zeros("a", 2, 3, 1, 1, 0), Conv2d.zeros("b", 2, 5, 1, 1, 0), new Concat("cat"),
                        Conv2d.zeros("c", 2, 8, 1, 1, 0), new Add("sum"), Conv2d.zeros("out", 8, 2, 4, 1, 0)),
                List.of(List.of(), List.of(Network.INPUT), List.of("a", "b"), List.of(Network.INPUT), List.of("cat", "c"),
                        List.of()), null, null);
        DependencyGroups groups = DependencyGroups.of(net);
        assertThat(groups.groups()).hasSize(2).allMatch(DependencyGroup::coupled);
        DependencyGroup withA = groupProducedBy(groups, "a", "c");
        DependencyGroup withB = groupProducedBy(groups, "b", "c");
        assertThat(withA.member("c", OUTPUTS).channels()).containsExactly(0, 1, 2);
        assertThat(withB.member("c", OUTPUTS).channels()).containsExactly(3, 4, 5, 6, 7);
        assertThat(withB.member("out", INPUTS).offset()).isEqualTo(3);
        PruningPlan consistent = new PruningPlan("test", Map.of(), 1,
                Map.of("a", new int[] {1}, "b", new int[] {0, 4}, "c", new int[] {1, 3, 7}));
        assertThatCode(() -> DependencyGroups.check(net, consistent)).doesNotThrowAnyException();
        PruningPlan shifted = new PruningPlan("test", Map.of(), 1,
                Map.of("a", new int[] {1}, "b", new int[] {0, 4}, "c", new int[] {1, 4, 7}));
        assertThatThrownBy(() -> DependencyGroups.check(net, shifted)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("layers b and c are coupled");
    }

    @Test
    void channelsAroundAGroupedConvolutionThatIsNotDepthwiseAreInNoGroup() {
        Network net = new Network("grouped", new int[] {4, 3, 3}, List.of(),
                List.of(Conv2d.zeros("g1", 4, 4, 1, 1, 0),
                        new Conv2d("g2", 4, 4, 1, 1, 0, 2, Tensor.zeros(4, 2, 1, 1), Tensor.zeros(4)),
                        Conv2d.zeros("h", 4, 6, 1, 1, 0), Conv2d.zeros("out", 6, 2, 3, 1, 0)), null, null);
        assertThat(DependencyGroups.of(net).groups()).extracting(DependencyGroup::producerNames)
                .containsExactly(List.of("h"));
        assertThatThrownBy(() -> DependencyGroups.check(net, new PruningPlan("test", Map.of(), 1,
                Map.of("g1", new int[] {0, 1, 2})))).hasMessageContaining("pass a grouped convolution");
    }
}
