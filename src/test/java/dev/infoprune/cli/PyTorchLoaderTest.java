package dev.infoprune.cli;

import dev.infoprune.core.Progress;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.SampleModels;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.RandomPruning;
import dev.infoprune.prune.Surgery;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PyTorch loader in docs/onnx/load_infoprune.py builds a pruned graph network (the ResNet sample cut by a
 * group-consistent random plan) from its model folder, and its outputs equal {@code infoprune predict}'s. Needs
 * Debian's PyTorch (/usr/bin/python3 with torch); skipped without it.
 */
class PyTorchLoaderTest {
    private static final Path SCRIPT = Path.of("docs/onnx/load_infoprune.py");
    private static final int ROWS = 6;

    @TempDir
    Path tmp;

    @Test
    void theDocumentedLoaderRebuildsAPrunedResNetThatMatchesPredict() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python) && run(List.of(python.toString(), "-c", "import torch")).exit == 0,
                "PyTorch (python3-torch) is not installed");
        Network net = SampleModels.load("resnet8-fashion");
        PruningPlan plan = new RandomPruning(0.5, 3).plan(net, null, Progress.NONE).plan();
        Network pruned = Surgery.apply(net, plan);
        assertThat(pruned.parameterCount()).isLessThan(net.parameterCount());
        Path folder = tmp.resolve("pruned");
        ModelFolder.write(pruned, folder);

        Random r = new Random(5);
        Path inputs = tmp.resolve("inputs.csv");
        Files.writeString(inputs, IntStream.range(0, ROWS).mapToObj(i -> IntStream.range(0, net.inputSize())
                .mapToObj(j -> Float.toString((float) r.nextGaussian())).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n")) + "\n");
        Path predicted = tmp.resolve("predicted.csv");
        assertThat(InfoPruneCli.execute("predict", folder.toString(), inputs.toString(), "--out", predicted.toString())).isZero();
        List<String> lines = Files.readAllLines(predicted);
        Path expected = tmp.resolve("expected.csv");
        Files.write(expected, lines.subList(1, lines.size()));   // the header line names the classes

        Result loaded = run(List.of(python.toString(), SCRIPT.toAbsolutePath().toString(), folder.toString(),
                inputs.toString(), expected.toString()));
        assertThat(loaded.exit).as(loaded.output).isZero();
        assertThat(loaded.output).as("the module follows the graph's adds").contains("InfoPruneNet").contains("res2_add");
        Matcher m = Pattern.compile("max \\|PyTorch - InfoPrune\\| = (\\S+)").matcher(loaded.output);
        assertThat(m.find()).as(loaded.output).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isLessThan(1e-4);
    }

    private record Result(int exit, String output) {
    }

    private static Result run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        return new Result(p.waitFor(), out);
    }
}
