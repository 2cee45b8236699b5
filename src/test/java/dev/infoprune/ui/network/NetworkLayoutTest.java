package dev.infoprune.ui.network;

import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkLayoutTest {
    private static List<ColumnSpec> columns(int... units) {
        List<ColumnSpec> out = new java.util.ArrayList<>();
        for (int i = 0; i < units.length; i++) {
            out.add(new ColumnSpec("l" + i, "l" + i, "", units[i], i == 0 ? ColumnSpec.Kind.INPUT : ColumnSpec.Kind.HIDDEN));
        }
        return out;
    }

    @Test
    void smallLayersAreCirclesAndTallLayersBecomeStripsOfCellsThatDoNotOverlap() {
        NetworkLayout layout = NetworkLayout.compute(columns(784, 300, 100, 10), 1000, 700);
        assertThat(layout.columns()).extracting(NetworkLayout.Column::circles).containsExactly(false, false, false, true);
        for (NetworkLayout.Column col : layout.columns()) {
            Set<String> cells = new HashSet<>();
            for (int i = 0; i < col.nodes(); i++) {
                assertThat(cells.add(Math.round(col.x()[i] / col.size()) + "," + Math.round(col.y()[i] / col.size())))
                        .as("node %d of %s has a cell of its own", i, col.spec().title()).isTrue();
                assertThat(col.y()[i]).isGreaterThanOrEqualTo(NetworkLayout.TOP);
                assertThat(col.y()[i] + col.size()).isLessThanOrEqualTo(700 - NetworkLayout.BOTTOM + 1e-9);
            }
        }
        // 784 inputs stay readable: cells of at least 3 px
        assertThat(layout.column(0).size()).isGreaterThanOrEqualTo(3);
        assertThat(layout.column(2).size()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void everyNodeIsFoundAtItsOwnPosition() {
        NetworkLayout layout = NetworkLayout.compute(columns(64, 128, 64, 10), 1100, 650);
        for (int c = 0; c < layout.columns().size(); c++) {
            NetworkLayout.Column col = layout.column(c);
            for (int i = 0; i < col.nodes(); i++) {
                assertThat(layout.nodeAt(col.nodeCenterX(i), col.nodeCenterY(i))).isEqualTo(new NetworkLayout.NodeRef(c, i));
            }
        }
        assertThat(layout.nodeAt(2, 2)).isNull();
    }

    @Test
    void thePictureHasAColumnPerUnitLayerAndEdgesThatFollowTheHeaviestWeights() {
        Network net = RandomNetworks.mlp(3, 6, 5, 4, 3);
        NetworkPicture picture = NetworkPicture.of(net);
        assertThat(picture.columns()).extracting(ColumnSpec::units).containsExactly(6, 5, 4, 3);
        assertThat(picture.columns()).extracting(ColumnSpec::kind).containsExactly(ColumnSpec.Kind.INPUT,
                ColumnSpec.Kind.HIDDEN, ColumnSpec.Kind.HIDDEN, ColumnSpec.Kind.OUTPUT);
        NetworkPicture.Edges e = picture.edges(0);
        assertThat(e.size()).isEqualTo(30);
        var w = ((dev.infoprune.model.Dense) net.layer(0)).weight();
        double max = 0;
        for (float v : w.data()) {
            max = Math.max(max, Math.abs(v));
        }
        for (int k = 0; k < e.size(); k++) {
            assertThat(e.strength()[k]).isCloseTo(Math.abs(w.data()[e.to()[k] * 6 + e.from()[k]]) / max, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void convFiltersAreOneNodeAndAFlattenedFilterFeedsADenseNodeThroughItsWholeMap() {
        Network net = RandomNetworks.cnn(5, 1, 12, 12, 3);
        NetworkPicture picture = NetworkPicture.of(net);
        assertThat(picture.columns()).extracting(ColumnSpec::units).containsExactly(1, 4, 5, 7, 3);
        // conv2 -> fc1: 5 filters × 4 positions each (flat = 20) become 5 × 7 node pairs
        NetworkPicture.Edges e = picture.edges(2);
        assertThat(e.size()).isEqualTo(35);
        assertThat(java.util.Arrays.stream(e.from()).max().getAsInt()).isEqualTo(4);
    }

    private static Network onnxFixture(String model) {
        return dev.infoprune.model.onnx.OnnxImport.read(java.nio.file.Path.of("src/test/resources/onnx", model + "_op17.onnx"));
    }

    @Test
    void aConcatIsAColumnFedAtEachInputsOffsetAndEveryOtherReadIsASkip() {
        // stem -> branch_a, stem -> branch_b; concat1 = [stem (4), branch_a (3), branch_b (5)] -> mix -> fc
        NetworkPicture picture = NetworkPicture.of(onnxFixture("graph_concat"));
        assertThat(picture.columns()).extracting(ColumnSpec::title)
                .containsExactly("input", "stem", "branch_a", "branch_b", "concat1", "mix", "fc");
        assertThat(picture.columns().get(4).kind()).isEqualTo(ColumnSpec.Kind.JOIN);
        assertThat(picture.columns().get(4).units()).isEqualTo(12);
        assertThat(picture.skips()).containsExactlyInAnyOrder(new NetworkPicture.Skip(1, 3, 4),
                new NetworkPicture.Skip(1, 4, 4), new NetworkPicture.Skip(2, 4, 3));
        assertThat(picture.edges(1).size()).as("branch_a reads its left neighbour, the stem").isPositive();
        assertThat(picture.edges(2).size()).as("branch_b does not read branch_a").isZero();
        NetworkPicture.Edges intoConcat = picture.edges(3);
        assertThat(intoConcat.size()).isEqualTo(5);
        for (int k = 0; k < intoConcat.size(); k++) {
            assertThat(intoConcat.to()[k]).isEqualTo(intoConcat.from()[k] + 7);
        }
        // channel 1 of branch_a is channel 5 of the concat: removing it empties that channel only
        java.util.BitSet one = new java.util.BitSet();
        one.set(1);
        assertThat(picture.isRemoved(4, 5, java.util.Map.of("branch_a", one))).isTrue();
        assertThat(picture.isRemoved(4, 1, java.util.Map.of("branch_a", one))).isFalse();
        assertThat(picture.linkedTo(new NodeId("branch_a", 1))).containsExactly(new NodeId("concat1", 5));
        assertThat(picture.linkedTo(new NodeId("concat1", 5))).containsExactly(new NodeId("branch_a", 1));
    }

    @Test
    void arcsRunInLanesAboveTheNodesTheySkipAndOverlappingArcsNeverShareALane() {
        NetworkPicture picture = NetworkPicture.of(onnxFixture("graph_resnet8"));
        NetworkLayout layout = NetworkLayout.compute(picture, 1280, 640);
        assertThat(layout.graph()).isTrue();
        assertThat(layout.arcs()).hasSize(picture.skips().size()).isNotEmpty();
        for (NetworkLayout.Arc a : layout.arcs()) {
            for (int c = a.skip().from(); c <= a.skip().to(); c++) {
                assertThat(a.laneY()).as("%s above column %d", a.skip(), c).isLessThan(layout.column(c).y()[0]);
                assertThat(a.laneY()).isGreaterThan(layout.column(c).titleY() + 13);
            }
            for (NetworkLayout.Arc b : layout.arcs()) {
                boolean overlap = a != b && a.skip().from() <= b.skip().to() && b.skip().from() <= a.skip().to();
                if (overlap) {
                    assertThat(a.laneY()).as("%s and %s", a.skip(), b.skip()).isNotEqualTo(b.laneY());
                }
            }
        }
        // the residual adds of a downsampling block couple its shortcut conv with its second conv
        assertThat(picture.linkedTo(new NodeId("blocks.1.shortcut.conv", 2)))
                .contains(new NodeId("blocks.1.body2.conv", 2), new NodeId("blocks.1", 2));
        assertThat(picture.linkedTo(new NodeId("blocks.1.body1.conv", 2))).as("uncoupled: inside a block").isEmpty();
        // a chain is laid out as before: no arcs, titles on one row
        NetworkLayout chain = NetworkLayout.compute(NetworkPicture.of(RandomNetworks.mlp(3, 6, 5, 4, 3)), 1280, 640);
        assertThat(chain.arcs()).isEmpty();
        assertThat(chain.graph()).isFalse();
        assertThat(chain.columns()).allSatisfy(c -> assertThat(c.titleY()).isEqualTo(20));
    }
}
