package dev.infoprune.ui.workbench;

import dev.infoprune.core.BadInputException;
import dev.infoprune.model.Network;
import dev.infoprune.model.onnx.OnnxImport;
import dev.infoprune.workspace.ModelSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workbench prunes and draws chains: opening a graph network is refused with the pruning message. */
class GraphRefusalTest {
    @Test
    void openingAGraphIsRefusedWithOneMessage() throws Exception {
        Path file = Path.of(GraphRefusalTest.class.getResource("/onnx/graph_concat_op13.onnx").toURI());
        Network graph = OnnxImport.read(file);
        assertThatThrownBy(() -> LoadedModel.prepare(ModelSource.of(file.toString()), graph))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("pruning graph networks is not supported yet: ");
    }
}
