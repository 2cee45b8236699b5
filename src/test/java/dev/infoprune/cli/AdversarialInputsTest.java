package dev.infoprune.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.data.IdxReader;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.NpzFiles;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The bad inputs of issue 13, each as the exact file that used to pass (or crash) and now gives one line naming
 * the file and the problem, exit status 2, and nothing at the output path; big-endian weights give the same
 * result as little-endian ones.
 */
class AdversarialInputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Status 2, one line on stderr starting with the file, containing the problem. */
    private static void refused(CliRun run, Path file, String problem) {
        assertThat(run.status()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("infoprune: " + file).contains(problem).doesNotContain("\n");
    }

    private Path model(String name) throws Exception {
        Path dir = tmp.resolve(name);
        ModelFolder.write(RandomNetworks.mlp(1, 4, 5, 3, 3), dir);
        return dir;
    }

    private Path csv(String name, String text) throws Exception {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** 30 rows of 4 features and a label 0..2. */
    private Path goodData() throws Exception {
        StringBuilder sb = new StringBuilder();
        Random r = new Random(1);
        for (int i = 0; i < 30; i++) {
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%d%n", r.nextGaussian(), r.nextGaussian(),
                    r.nextGaussian(), r.nextGaussian(), i % 3));
        }
        return csv("good.csv", sb.toString());
    }

    private Path withModelJson(String name, Consumer<ObjectNode> edit) throws Exception {
        Path dir = model(name);
        ObjectNode root = (ObjectNode) JSON.readTree(dir.resolve("model.json").toFile());
        edit.accept(root);
        Files.writeString(dir.resolve("model.json"), root.toString());
        return dir;
    }

    private CliRun evaluate(Path model, Path data) {
        return CliRun.of("evaluate", model.toString(), "--data", data.toString());
    }

    @Test
    void bigEndianWeightsEvaluateExactlyLikeTheLittleEndianOriginal() throws Exception {
        Path data = goodData();
        Path original = model("le");
        CliRun le = CliRun.of("evaluate", original.toString(), "--data", data.toString(), "--json");
        assertThat(le.status()).as(le.err()).isZero();
        for (String descr : new String[] {">f4", ">f8"}) {
            Path be = model("be" + descr.charAt(2));
            Files.write(be.resolve("weights.npz"), NpzFiles.weights(ModelFolder.weightsOf(ModelFolder.read(original)), descr));
            CliRun run = CliRun.of("evaluate", be.toString(), "--data", data.toString(), "--json");
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.json().path("accuracy").asDouble()).isEqualTo(le.json().path("accuracy").asDouble());
            assertThat(run.json().path("loss").asDouble()).isEqualTo(le.json().path("loss").asDouble()).isFinite();
        }
    }

    @Test
    void nanWeightsAndLyingNpzArchivesAreRefused() throws Exception {
        Path data = goodData();
        Path nan = model("nan");
        var weights = new java.util.LinkedHashMap<>(ModelFolder.weightsOf(ModelFolder.read(nan)));
        float[] w = weights.get("fc1.weight").copyData();
        w[3] = Float.NaN;
        weights.put("fc1.weight", new dev.infoprune.model.Tensor(weights.get("fc1.weight").shape(), w));
        Files.write(nan.resolve("weights.npz"), NpzFiles.weights(weights, "<f4"));
        refused(evaluate(nan, data), nan.resolve("weights.npz"), "array fc1.weight holds NaN at index 3");

        Path gigabytes = model("gigabytes");
        Files.write(gigabytes.resolve("weights.npz"), NpzFiles.zip(Map.of("fc1.weight",
                NpzFiles.npy("<f4", false, "(1000000, 2700)", new byte[64])), false));
        refused(evaluate(gigabytes, data), gigabytes.resolve("weights.npz"), "declares shape [1000000, 2700], more than");

        Path cut = model("cut");
        byte[] npz = Files.readAllBytes(cut.resolve("weights.npz"));
        Files.write(cut.resolve("weights.npz"), Arrays.copyOf(npz, npz.length - 25));
        refused(evaluate(cut, data), cut.resolve("weights.npz"), "truncated or corrupt");
    }

    @Test
    void modelJsonValuesAreCheckedExactly() throws Exception {
        Path data = goodData();
        String[][] cases = {
                {"mean1e300", "normalization.mean[0] is 1.0E300, not a finite float32 number"},
                {"norm5", "\"normalization\" must be an object"},
                {"norm3", "\"normalization\" has 3 means and 3 standard deviations; it needs 1 of each or one per input value (4)"},
                {"out", "layer 2 (dense): \"out\" must be a positive integer, got 4294967424"},
                {"classes", "\"classes\" must be a list of class names, got \"str\""},
                {"rate", "\"rate\" must be a finite number, got \"x\""},
                {"shape", "input shape [64,67108865] has more than 16777216 values"},
        };
        for (String[] c : cases) {
            Path dir = withModelJson(c[0], root -> {
                switch (c[0]) {
                    case "mean1e300" -> {
                        ObjectNode n = root.putObject("normalization");
                        n.putArray("mean").add(1e300);
                        n.putArray("std").add(1.0);
                    }
                    case "norm5" -> root.put("normalization", 5);
                    case "norm3" -> {
                        ObjectNode n = root.putObject("normalization");
                        n.putArray("mean").add(0.0).add(0.0).add(0.0);
                        n.putArray("std").add(1.0).add(1.0).add(1.0);
                    }
                    case "out" -> ((ObjectNode) root.get("layers").get(2)).put("out", 4294967424L);
                    case "classes" -> root.put("classes", "str");
                    case "rate" -> ((ArrayNode) root.get("layers")).insertObject(1).put("type", "dropout").put("name", "d")
                            .put("rate", "x");
                    default -> ((ObjectNode) root.get("input")).putArray("shape").add(64).add(67108865);
                }
            });
            refused(evaluate(dir, data), dir.resolve("model.json"), c[1]);
        }
        Path deep = model("deep");
        Files.writeString(deep.resolve("model.json"), "[".repeat(100_000));
        refused(evaluate(deep, data), deep.resolve("model.json"), "not valid JSON");
    }

    @Test
    void csvValuesBeyondFloatRangeAndHugeLabelsAreRefused() throws Exception {
        Path model = model("m");
        String rows = Files.readString(goodData());
        for (String big : new String[] {"1e39", "1e308", "-1e39"}) {
            Path f = csv("big" + big + ".csv", rows.replaceFirst("(?m)^([^,]+),([^,]+),", "$1," + big + ","));
            refused(evaluate(model, f), f, "line 1, column 2: \"" + big + "\" is beyond the float32 range");
            Path out = tmp.resolve("trained" + big);
            refused(CliRun.of("train", "--arch", "mlp:4", "--data", f.toString(), "--epochs", "1", "--out", out.toString()),
                    f, "is beyond the float32 range");
            assertThat(out).doesNotExist();
        }
        Path label = csv("label.csv", rows + "0.1,0.2,0.3,0.4,999999999\n");
        long start = System.nanoTime();
        refused(evaluate(model, label), label, "line 31, column 5: label 999999999 would make 1000000000 classes");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    }

    @Test
    void aNanInTheFirstRowIsABadValueNotAHeader() throws Exception {
        StringBuilder sb = new StringBuilder("0.5,NaN,1,2\n");
        for (int i = 1; i < 20; i++) {
            sb.append(i).append(",1,2,3\n");
        }
        Path inputs = csv("inputs.csv", sb.toString());
        Path out = tmp.resolve("predictions.csv");
        refused(CliRun.of("predict", model("m").toString(), inputs.toString(), "--out", out.toString()), inputs,
                "line 1, column 2: \"NaN\" is not a number");
        assertThat(out).doesNotExist();
        Path labelled = csv("labelled.csv", Files.readString(goodData()).replaceFirst("^[^,]+,", "inf,"));
        refused(evaluate(model("m2"), labelled), labelled, "line 1, column 1: \"inf\" is not a finite number");
    }

    @Test
    void anEmptyTestSplitIsRefused() throws Exception {
        for (int n = 1; n <= 2; n++) {
            Path f = csv("rows" + n + ".csv", "1,2,3,4,0\n5,6,7,8,1\n".repeat(2).lines().limit(n)
                    .reduce("", (a, b) -> a + b + "\n"));
            refused(evaluate(model("m" + n), f), f, "too few to leave any for the test split");
        }
    }

    private static byte[] idx(int magic, int... headerAndBody) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int v : headerAndBody) {
            out.writeInt(v);
        }
        return bytes.toByteArray();
    }

    @Test
    void idxHeadersAreCheckedAgainstTheFileAndGzipChecksumsAreVerified() throws Exception {
        Path model = model("m");
        Path huge = Files.createDirectories(tmp.resolve("huge-idx"));
        Files.write(huge.resolve("train-images-idx3-ubyte"), idx(IdxReader.IMAGES_MAGIC, 1, 2, 2, 0x01020304));
        Files.write(huge.resolve("train-labels-idx1-ubyte"), idx(IdxReader.LABELS_MAGIC, Integer.MAX_VALUE, 0, 0));
        assertThat(Files.size(huge.resolve("train-labels-idx1-ubyte"))).isEqualTo(16);
        refused(CliRun.of("evaluate", model.toString(), "--data", huge.toString()), huge.resolve("train-labels-idx1-ubyte"),
                "the IDX header announces 2147483647 labels; InfoPrune reads at most 1073741824");

        Path gz = Files.createDirectories(tmp.resolve("crc-idx"));
        Files.write(gz.resolve("train-images-idx3-ubyte"), idx(IdxReader.IMAGES_MAGIC, 3, 2, 2, 1, 2, 3));
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(labels)) {
            z.write(idx(IdxReader.LABELS_MAGIC, 3));
            z.write(new byte[] {0, 1, 2});
        }
        byte[] bytes = labels.toByteArray();
        bytes[bytes.length - 8] ^= 0x5A; // the CRC-32 in the gzip trailer no longer matches the data
        Files.write(gz.resolve("train-labels-idx1-ubyte.gz"), bytes);
        refused(CliRun.of("evaluate", model.toString(), "--data", gz.toString()), gz.resolve("train-labels-idx1-ubyte.gz"),
                "corrupt gzip data");
    }

    @Test
    void anEstimatorOptionThatWouldOverflowIsRefused() throws Exception {
        Path data = goodData();
        CliRun run = CliRun.of("mi", data.toString(), "--x", "0", "--y", "1", "-e", "ksg", "-o", "k=2147483647");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("infoprune: estimator ksg: k must be at most 1000000, got 2147483647");
    }

    @Test
    void importAndExportOutputPathErrorsAreOneLine() throws Exception {
        Path onnx = Path.of(getClass().getResource("/onnx/mlp_op17.onnx").toURI());
        Path file = csv("plain-file", "x");
        Path underFile = file.resolve("model");
        String longName = "n".repeat(300);
        Path model = model("m");
        for (Path out : new Path[] {underFile, tmp.resolve(longName)}) {
            CliRun imported = CliRun.of("import", onnx.toString(), "--out", out.toString());
            refused(imported, out, "cannot be written: ");
            CliRun exported = CliRun.of("export", model.toString(), "--format", "onnx", "--out", out + ".onnx");
            refused(exported, Path.of(out + ".onnx"), "cannot be written: ");
        }
        // permissions do not stop root: this case needs an ordinary user
        assumeFalse("root".equals(System.getProperty("user.name")), "running as root: a read-only folder is writable");
        Path readOnly = Files.createDirectories(tmp.resolve("read-only"));
        assertThat(readOnly.toFile().setWritable(false)).isTrue();
        refused(CliRun.of("import", onnx.toString(), "--out", readOnly.resolve("m").toString()), readOnly.resolve("m"),
                "cannot be written: permission denied");
        refused(CliRun.of("export", model.toString(), "--out", readOnly.resolve("m.npz").toString()), readOnly.resolve("m.npz"),
                "cannot be written: permission denied");
    }

    @Test
    void compareRefusesANonEmptyFolderWithoutOverwrite() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("precious"));
        Files.writeString(out.resolve("thesis.tex"), "mine");
        CliRun run = CliRun.of("compare", model("m").toString(), "--data", goodData().toString(), "--methods",
                "local-magnitude", "--sparsity", "0.5", "--finetune-epochs", "0", "--out", out.toString());
        refused(run, out, "exists and is not empty (give --overwrite to replace it)");
        assertThat(out.resolve("thesis.tex")).hasContent("mine");
    }

    @Test
    void runningOutOfMemoryWhileReadingIsOneLineNamingTheFile() throws Exception {
        Path big = tmp.resolve("big.csv");
        try (var w = Files.newBufferedWriter(big)) {
            for (int i = 0; i < 600_000; i++) {
                w.write(i + ".5,1.25,2.5,3.75,4.5,5.25,6.5,7.75\n");
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx24m", "-cp", System.getProperty("java.class.path"),
                InfoPruneCli.class.getName(), "mi", big.toString(), "--x", "0", "--y", "1")
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor()).as(output).isEqualTo(2);
        assertThat(output.strip()).startsWith("infoprune: " + big + ": too large: memory ran out while reading it")
                .doesNotContain("\n");
    }
}
