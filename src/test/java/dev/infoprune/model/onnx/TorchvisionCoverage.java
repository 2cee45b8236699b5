package dev.infoprune.model.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.infoprune.core.BadInputException;
import dev.infoprune.model.Network;
import dev.infoprune.prune.RandomGroupSurgery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Java side of {@code docs/onnx/torchvision_coverage.py}: imports every {@code <builder>.onnx} of a folder the
 * script exported, runs it in DJL on the inputs of {@code <builder>.json} and writes {@code results.json}: imported or
 * not (with the importer's message), the largest difference from PyTorch's outputs, the layer count, the time, and
 * for a random group-consistent plan the dependency groups, the share of parameters surgery removes and how far the
 * shrunk network's outputs are from the masked one's.
 * Optional further arguments name the builders to check (the others keep their earlier result).
 * Run: {@code java -Xmx6g -cp <test classpath> dev.infoprune.model.onnx.TorchvisionCoverage /tmp/tvcoverage [builder...]}
 */
public final class TorchvisionCoverage {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TorchvisionCoverage() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Path resultsFile = folder.resolve("results.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> results = Files.exists(resultsFile) ? JSON.readValue(resultsFile.toFile(), LinkedHashMap.class)
                : new LinkedHashMap<>();
        List<String> only = List.of(args).subList(1, args.length);
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".onnx")).sorted().toList();
        }
        for (Path onnx : files) {
            String name = onnx.getFileName().toString().replace(".onnx", "");
            if (!only.isEmpty() && !only.contains(name)) {
                continue;
            }
            results.put(name, check(folder, name));
            JSON.writeValue(resultsFile.toFile(), results);
        }
    }

    private static Map<String, Object> check(Path folder, String name) throws IOException {
        Map<String, Object> r = new LinkedHashMap<>();
        long start = System.nanoTime();
        try {
            Network net = OnnxImport.read(folder.resolve(name + ".onnx"));
            PyTorchFixtureTest.Expected e = PyTorchFixtureTest.expectedFrom(folder.resolve(name + ".json"));
            double diff = OnnxChecks.maxAbsDiff(e.logits(), ActivationFixtureTest.djl(net, e));
            r.put("imported", true);
            r.put("maxAbsDiff", diff);
            r.put("layers", net.layers().size());
            try {
                RandomGroupSurgery.Outcome pruned = RandomGroupSurgery.check(net, e.inputs(), e.batch(), 1);
                r.put("groups", pruned.groups());
                r.put("prunedParameterShare", 1 - (double) pruned.parametersAfter() / pruned.parametersBefore());
                r.put("shrunkVsMasked", pruned.maxAbsDiff());
            } catch (RuntimeException ex) {
                r.put("pruneProblem", ex.getMessage());
            }
        } catch (BadInputException | IllegalArgumentException | IllegalStateException e) {
            r.put("imported", false);
            r.put("reason", e.getMessage());
        }
        r.put("seconds", (System.nanoTime() - start) / 1e9);
        return r;
    }
}
