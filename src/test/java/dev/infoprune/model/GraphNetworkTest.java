package dev.infoprune.model;

import dev.infoprune.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Graph networks: wiring, shapes at the joins, grouped convs, and model.json version 2 with its checks. */
class GraphNetworkTest {
    @TempDir
    Path dir;

    /** input [2, 4, 4] -> a (conv) -> relu; add(a, relu); concat(add, a) -> grouped conv -> gap -> flatten -> fc. */
    static Network graph() {
        List<Layer> layers = List.of(Conv2d.zeros("a", 2, 2, 1, 1, 0), new Activation("relu", Activation.Kind.RELU),
                new Add("sum"), new Concat("cat"),
                new Conv2d("grouped", 4, 4, 3, 1, 1, 2, Tensor.zeros(4, 2, 3, 3), Tensor.zeros(4)),
                new GlobalAvgPool("gap"), new Flatten("flatten"), Dense.zeros("fc", 4, 3));
        List<List<String>> inputs = List.of(List.of("input"), List.of("a"), List.of("a", "relu"), List.of("sum", "a"),
                List.of(), List.of(), List.of(), List.of());
        return new Network("g", new int[] {2, 4, 4}, List.of("x", "y", "z"), layers, inputs, null, null);
    }

    @Test
    void aGraphKnowsItsWiringShapesAndParameters() {
        Network g = graph();
        assertThat(g.isGraph()).isTrue();
        assertThat(g.sourcesOf(0)).containsExactly(-1);
        assertThat(g.sourcesOf(3)).containsExactly(2, 0);
        assertThat(g.outputShapeOf(3)).containsExactly(4, 4, 4);
        assertThat(g.outputShape()).containsExactly(3);
        assertThat(g.layer(4).parameterCount()).isEqualTo(4 * 2 * 9 + 4);
        // inputs naming the previous layer are a chain
        assertThat(g.inputs().get(1)).isEmpty();
        Network chain = new Network("c", new int[] {3}, List.of(), List.of(Dense.zeros("fc", 3, 2)),
                List.of(List.of("input")), null, null);
        assertThat(chain.isGraph()).isFalse();
    }

    @Test
    void version2KeepsTheWiringAndVersion1ChainsStayVersion1() throws IOException {
        Path folder = dir.resolve("g");
        ModelFolder.write(graph(), folder);
        String json = Files.readString(folder.resolve(ModelFolder.MODEL_JSON));
        assertThat(json).contains("\"version\" : 2", "\"groups\" : 2", "\"inputs\" : [ \"sum\", \"a\" ]");
        Network back = ModelFolder.read(folder);
        assertThat(back.sameWeightsAs(graph())).isTrue();
        assertThat(back.inputs()).isEqualTo(graph().inputs());

        Network chain = new Network("c", new int[] {3}, List.of(), List.of(Dense.zeros("fc", 3, 2)), null, null);
        ModelFolder.write(chain, dir.resolve("c"));
        assertThat(Files.readString(dir.resolve("c").resolve(ModelFolder.MODEL_JSON))).contains("\"version\" : 1")
                .doesNotContain("inputs");
    }

    @Test
    void everyWiringMistakeIsOneMessageNamingModelJson() throws IOException {
        refused("\"inputs\" : [ \"sum\", \"a\" ]", "\"inputs\" : [ \"sum\", \"nowhere\" ]",
                "reads nowhere, which is neither \"input\" nor the name of a layer");
        refused("\"inputs\" : [ \"sum\", \"a\" ]", "\"inputs\" : [ \"sum\", \"grouped\" ]", "which comes after it");
        refused("\"version\" : 2", "\"version\" : 1", "\"inputs\" needs \"version\": 2");
        refused("\"groups\" : 2", "\"groups\" : 3", "groups 3 must divide");
        refused("\"inputs\" : [ \"a\", \"relu\" ]", "\"inputs\" : [ \"a\" ]", "add sum needs at least two inputs");
        refused("\"inputs\" : [ \"a\", \"relu\" ]", "\"inputs\" : [ \"a\", \"a\" ]", "relu is read by no layer");
    }

    @Test
    void anAddNeedsOneShapeAndAConcatImagesOfOneSize() {
        assertThatThrownBy(() -> new Add("sum").outputShape(List.of(new int[] {2, 4, 4}, new int[] {3, 4, 4})))
                .hasMessageContaining("add sum sums inputs of one shape, got [[2, 4, 4], [3, 4, 4]]");
        assertThatThrownBy(() -> new Concat("c").outputShape(List.of(new int[] {2, 4, 4}, new int[] {2, 3, 4})))
                .hasMessageContaining("concat c joins [c, h, w] inputs of one height and width");
    }

    @Test
    void aMultiplyBroadcastsAChannelGateOverTheMapsInEitherOrderAndRefusesOtherShapes() {
        Multiply gate = new Multiply("gate");
        assertThat(gate.outputShape(List.of(new int[] {4, 1, 1}, new int[] {4, 5, 5}))).containsExactly(4, 5, 5);
        assertThat(gate.outputShape(List.of(new int[] {4, 5, 5}, new int[] {4, 1, 1}))).containsExactly(4, 5, 5);
        assertThat(gate.outputShape(List.of(new int[] {6}, new int[] {6}))).containsExactly(6);
        for (int[] other : List.of(new int[] {3, 1, 1}, new int[] {4, 5, 1}, new int[] {4, 2, 2}, new int[] {4})) {
            assertThatThrownBy(() -> gate.outputShape(List.of(new int[] {4, 5, 5}, other)))
                    .as(java.util.Arrays.toString(other))
                    .hasMessageContaining("mul gate multiplies inputs of one shape or [c, 1, 1] gates of the same channels");
        }
        assertThatThrownBy(() -> gate.outputShape(List.of(new int[] {4}, new int[] {4, 5, 5})))
                .hasMessageContaining("mul gate multiplies");
    }

    private void refused(String find, String replace, String message) throws IOException {
        Path folder = dir.resolve("bad");
        ModelFolder.write(graph(), folder);
        Path json = folder.resolve(ModelFolder.MODEL_JSON);
        String text = Files.readString(json);
        assertThat(text).contains(find);
        Files.writeString(json, text.replace(find, replace));
        assertThatThrownBy(() -> ModelFolder.read(folder)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(ModelFolder.MODEL_JSON).hasMessageContaining(message);
    }
}
