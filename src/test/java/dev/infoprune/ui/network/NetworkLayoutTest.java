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
}
