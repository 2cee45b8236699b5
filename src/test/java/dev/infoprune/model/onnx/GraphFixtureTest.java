package dev.infoprune.model.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.engine.Inference;
import dev.infoprune.engine.Trainer;
import dev.infoprune.engine.TrainingConfig;
import dev.infoprune.engine.TrainingListener;
import dev.infoprune.model.Add;
import dev.infoprune.model.ChannelShuffle;
import dev.infoprune.model.ChannelSlice;
import dev.infoprune.model.Concat;
import dev.infoprune.model.Conv2d;
import dev.infoprune.model.Layer;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Multiply;
import dev.infoprune.model.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static dev.infoprune.model.onnx.ActivationFixtureTest.djl;
import static dev.infoprune.model.onnx.OnnxChecks.TOLERANCE;
import static dev.infoprune.model.onnx.PyTorchFixtureTest.expected;
import static dev.infoprune.model.onnx.PyTorchFixtureTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PyTorch's exports of graph networks ({@code src/test/resources/onnx/make_graph_fixtures.py}, torch 1.13, opsets 13
 * and 17): a CIFAR-style ResNet, a depthwise-separable MobileNet-like network with an inverted residual, and a
 * DenseNet-style concat. Each imports as a graph that reproduces PyTorch's outputs in DJL, survives the model folder
 * (version 2) and our ONNX export in ONNX Runtime. {@code make_torchvision_fixtures.py} adds torchvision's own resnet18
 * (narrowed), mobilenet_v2 (width 0.25), mobilenet_v3_small (width 0.25: squeeze-and-excitation gates) and a small
 * DenseNet, the CIFAR ResNet-20 and an EfficientNet-style block with a sigmoid gate.
 */
class GraphFixtureTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"graph_resnet8_op13", "graph_resnet8_op17", "graph_mobilenet_op13", "graph_mobilenet_op17",
            "graph_concat_op13", "graph_concat_op17", "tv_resnet18_op13", "tv_mobilenet_v2_op13", "tv_mobilenet_v3_op13",
            "tv_densenet_op13", "tv_shufflenet_op13", "tv_mnasnet_op13", "resnet20_op13", "resnet20_op17", "graph_se_op13", "graph_se_op17"})
    void importReproducesPyTorchOutputsAndSurvivesTheModelFolderAndExport(String file) throws IOException {
        String model = file.substring(0, file.lastIndexOf("_op"));
        PyTorchFixtureTest.Expected e = expected(model);
        Network net = OnnxImport.read(fixture(file + ".onnx"));
        assertThat(net.isGraph()).isTrue();
        assertThat(net.inputShape()).isEqualTo(e.inputShape());
        assertThat(OnnxChecks.maxAbsDiff(e.logits(), djl(net, e))).as("imported network (DJL) vs PyTorch").isLessThan(TOLERANCE);

        Path folder = dir.resolve(file);
        ModelFolder.write(net, folder);
        assertThat(Files.readString(folder.resolve(ModelFolder.MODEL_JSON))).contains("\"version\" : 2", "\"inputs\"");
        Network back = ModelFolder.read(folder);
        assertThat(back.sameWeightsAs(net)).as("model folder round trip").isTrue();
        assertThat(back.inputs()).isEqualTo(net.inputs());
        assertThat(djl(back, e)).isEqualTo(djl(net, e));

        try (OnnxRuntimeRunner exported = OnnxRuntimeRunner.open(OnnxExport.toBytes(net), "re-export")) {
            assertThat(OnnxChecks.maxAbsDiff(e.logits(), exported.run(e.inputs(), e.batch())))
                    .as("our re-export in ONNX Runtime vs PyTorch").isLessThan(TOLERANCE);
        }
        Network reimported = OnnxImport.fromBytes(OnnxExport.toBytes(net), "re-export", net.name());
        assertThat(reimported.sameWeightsAs(net)).as("re-import of our export").isTrue();
    }

    @Test
    void theResNetKeepsItsShortcutsAndTheMobileNetItsDepthwiseConvolution() {
        Network resnet = OnnxImport.read(fixture("graph_resnet8_op17.onnx"));
        List<Layer> adds = resnet.layers().stream().filter(l -> l instanceof Add).toList();
        assertThat(adds).hasSize(3);
        int firstAdd = resnet.layers().indexOf(adds.get(0));
        // the identity shortcut reads the stem's ReLU, which the block's first conv reads too
        int[] sources = resnet.sourcesOf(firstAdd);
        assertThat(sources).hasSize(2);
        assertThat(resnet.layer(sources[1]).type()).isEqualTo("relu");

        Network mobile = OnnxImport.read(fixture("graph_mobilenet_op13.onnx"));
        assertThat(mobile.layers()).filteredOn(l -> l instanceof Conv2d c && c.groups() == c.in() && c.groups() > 1)
                .hasSize(2);
        assertThat(OnnxImport.read(fixture("graph_concat_op13.onnx")).layers()).filteredOn(l -> l instanceof Concat)
                .hasSize(1);
    }

    @Test
    void aSqueezeAndExcitationGateBecomesAMultiplyOfTheTrunkAndAChannelVector() {
        for (String file : List.of("graph_se_op13", "tv_mobilenet_v3_op13")) {
            Network net = OnnxImport.read(fixture(file + ".onnx"));
            List<Integer> gates = java.util.stream.IntStream.range(0, net.layers().size())
                    .filter(i -> net.layer(i) instanceof Multiply).boxed().toList();
            assertThat(gates).as(file).isNotEmpty();
            for (int g : gates) {
                int[] out = net.outputShapeOf(g);
                List<Integer> sources = java.util.Arrays.stream(net.sourcesOf(g)).boxed().toList();
                assertThat(sources).as(file).hasSize(2)
                        .anySatisfy(s -> assertThat(net.outputShapeOf(s)).isEqualTo(out))
                        .anySatisfy(s -> {
                            assertThat(net.outputShapeOf(s)).containsExactly(out[0], 1, 1);
                            assertThat(net.layer(s).type()).isIn("sigmoid", "hardsigmoid");
                        });
            }
        }
        // each dense layer concatenates the features before it, the first a one-tensor list (no join layer for it),
        // and each block ends in a concat of them all: 24 + 2 concats for blocks of 24 and 2 layers
        Network dense = OnnxImport.read(fixture("tv_densenet_op13.onnx"));
        assertThat(dense.layers()).filteredOn(l -> l instanceof Concat).hasSize(24 + 2);
    }

    @Test
    void shuffleNetsChunksAndShufflesBecomeChannelSlicesAndShuffles() {
        Network net = OnnxImport.read(fixture("tv_shufflenet_op13.onnx"));
        // six units, each ending in a shuffle of two groups; the four stride-1 units split their input in halves
        assertThat(net.layers()).filteredOn(l -> l instanceof ChannelShuffle s && s.groups() == 2).hasSize(6);
        List<ChannelSlice> slices = net.layers().stream().filter(l -> l instanceof ChannelSlice).map(l -> (ChannelSlice) l)
                .toList();
        assertThat(slices).hasSize(6);
        for (int i = 0; i < slices.size(); i += 2) {
            int channels = net.inputShapeOf(net.indexOf(slices.get(i).name()))[0];
            assertThat(List.of(slices.get(i).start(), slices.get(i).end(), slices.get(i + 1).start(), slices.get(i + 1).end()))
                    .containsExactly(0, channels / 2, channels / 2, channels);
        }
        // MNASNet's x.mean([2, 3]) is a global average pooling and a flatten (the exporter drops the eval-mode dropout)
        Network mnas = OnnxImport.read(fixture("tv_mnasnet_op13.onnx"));
        assertThat(mnas.layers().subList(mnas.layers().size() - 4, mnas.layers().size())).extracting(Layer::type)
                .containsExactly("relu", "globalavgpool", "flatten", "dense");
    }

    @Test
    void activationCaptureReadsEachConvOfAGraphAndItsOutputsAreTheNetworks() throws IOException {
        PyTorchFixtureTest.Expected e = expected("graph_resnet8");
        Network net = OnnxImport.read(fixture("graph_resnet8_op13.onnx"));
        Dataset data = new Dataset("x", net.inputShape(), e.inputs(), new int[e.batch()], net.classes());
        Activations a = ActivationCapture.capture(net, data, Progress.NONE);
        assertThat(a.hiddenLayers()).hasSize(net.prunableLayerIndices().length);
        // a conv whose output goes into an add is read before the add, one whose ReLU follows it after the ReLU
        int shortcut = net.indexOf(a.hiddenLayers().stream().filter(n -> net.layer(net.indexOf(n) + 1) instanceof Add
                && net.sourcesOf(net.indexOf(n) + 1)[0] != net.indexOf(n)).findFirst().orElseThrow());
        assertThat(ActivationCapture.capturePoint(net, shortcut)).isEqualTo(shortcut);
        assertThat(ActivationCapture.capturePoint(net, 0)).isEqualTo(1);
        float[][] outputs = new float[e.batch()][];
        for (int b = 0; b < e.batch(); b++) {
            outputs[b] = new float[a.outputs().cols()];
            for (int i = 0; i < outputs[b].length; i++) {
                outputs[b][i] = (float) a.outputs().get(b, i);
            }
        }
        assertThat(OnnxChecks.maxAbsDiff(e.logits(), outputs)).isLessThan(TOLERANCE);
    }

    @Test
    void aBranchThatNeverJoinsKeepsTheBranchMessage() throws IOException {
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(fixture("graph_concat_op13.onnx")));
        // a second ReLU of the stem leads nowhere: a head that is not the output
        GraphProto.Builder g = m.getGraph().toBuilder().addNode(NodeProto.newBuilder().setOpType("Relu")
                .setName("/dangling/Relu").addInput("/relu/Relu_output_0").addOutput("/dangling/Relu_output_0"));
        Path file = dir.resolve("dangling.onnx");
        Files.write(file, m.toBuilder().setGraph(g).build().toByteArray());
        assertThatThrownBy(() -> OnnxImport.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("the graph branches at tensor /relu/Relu_output_0 and tensor /dangling/Relu_output_0 on one "
                        + "branch is used by no node");
    }

    @Test
    void oneFineTuningEpochRunsOnAGraphAndChangesItsWeights() {
        Network net = OnnxImport.read(fixture("graph_resnet8_op13.onnx"));
        Random random = new Random(5);
        int n = 8;
        float[] x = new float[n * net.inputSize()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        int[] labels = random.ints(n, 0, net.outputSize()).toArray();
        Dataset data = new Dataset("random", net.inputShape(), x, labels, net.classes());
        Network tuned = Trainer.train(net, data, null, TrainingConfig.adam(1, 3).withBatchSize(4), TrainingListener.NONE,
                Progress.NONE).network();
        assertThat(tuned.isGraph()).isTrue();
        assertThat(tuned.inputs()).isEqualTo(net.inputs());
        assertThat(tuned.sameWeightsAs(net)).isFalse();
        assertThat(Inference.outputs(tuned, data, Progress.NONE).rows()).isEqualTo(n);
    }
}
