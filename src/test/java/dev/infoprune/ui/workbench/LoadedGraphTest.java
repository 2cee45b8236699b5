package dev.infoprune.ui.workbench;

import dev.infoprune.model.Network;
import dev.infoprune.model.onnx.OnnxImport;
import dev.infoprune.ui.network.ColumnSpec;
import dev.infoprune.ui.network.NodeScore;
import dev.infoprune.workspace.ModelSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A graph network is prepared for the workbench like a chain: its picture with the concat, and its weight scores. */
class LoadedGraphTest {
    @Test
    void aGraphIsPreparedWithItsJoinColumnAndAWeightScorePerConvFilter() throws Exception {
        Path file = Path.of(LoadedGraphTest.class.getResource("/onnx/graph_concat_op13.onnx").toURI());
        Network graph = OnnxImport.read(file);
        LoadedModel loaded = LoadedModel.prepare(ModelSource.of(file.toString()), graph);
        assertThat(loaded.picture().columns()).filteredOn(c -> c.kind() == ColumnSpec.Kind.JOIN).hasSize(1);
        assertThat(loaded.picture().skips()).isNotEmpty();
        NodeScore l1 = loaded.scores().get(0);
        for (String layer : graph.prunableLayerNames()) {
            int units = graph.layer(graph.indexOf(layer)).units();
            for (int i = 0; i < units; i++) {
                assertThat(l1.value(layer, i)).as("%s:%d", layer, i).isNotNaN().isPositive();
            }
        }
    }
}
