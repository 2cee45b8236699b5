package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.data.BundledDatasets;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Splits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

/** {@code infoprune datasets [DS]}: the bundled data sets, or one data set's splits. */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = {"List the bundled data sets, or show how one data set (a bundled name, a CSV file or a "
                + "folder of IDX files) is split for a seed.",
                "Splits: a set with an official test set (Fashion-MNIST, an IDX folder with t10k files) keeps it and "
                        + "takes a stratified probe of 5000 from its training set; any other set is split stratified "
                        + "60% train / 20% probe / 20% test."})
final class DatasetsCommand implements Runnable {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DS",
            description = "A data set to describe: bundled name, CSV file (#label=COLUMN to choose the label) or IDX folder.")
    String dataset;

    @Mixin
    SplitOptions.WithOldSpelling split;

    @Mixin
    Console console;

    @Override
    public void run() {
        PrintWriter out = console.out();
        if (dataset == null) {
            listBundled(out);
        } else {
            describe(out, DatasetLocator.resolve(dataset, split.orDefault()));
        }
    }

    private void listBundled(PrintWriter out) {
        List<BundledDatasets.Entry> catalog = BundledDatasets.catalog();
        if (console.json()) {
            ObjectNode root = JsonOutput.object();
            ArrayNode list = root.putArray("datasets");
            for (BundledDatasets.Entry e : catalog) {
                ObjectNode n = list.addObject();
                n.put("name", e.name());
                n.put("description", e.description());
                n.put("samples", e.size());
                ArrayNode shape = n.putArray("inputShape");
                Arrays.stream(e.inputShape()).forEach(shape::add);
                ArrayNode classes = n.putArray("classes");
                e.classes().forEach(classes::add);
                n.put("splits", e.parts());
                n.put("source", e.source());
                n.put("licence", e.licence());
            }
            root.put("alsoAccepted", "a CSV file (numeric features, label in the last column unless #label=COLUMN) "
                    + "or a folder of IDX files (MNIST layout, gzipped or not)");
            JsonOutput.print(out, root);
            return;
        }
        TextTable table = new TextTable("NAME", "SAMPLES", "INPUT", "CLASSES", "SPLITS", "LICENCE");
        for (BundledDatasets.Entry e : catalog) {
            table.row(e.name(), e.size(), Arrays.toString(e.inputShape()), e.classes().size(), e.parts(), e.licence());
        }
        table.print(out);
        out.println();
        for (BundledDatasets.Entry e : catalog) {
            out.println(e.name() + ": " + e.description() + "; classes " + String.join(", ", e.classes())
                    + "; source: " + e.source());
        }
        out.println();
        out.println("Also accepted wherever a data set is asked for: a CSV file (numeric features, label in the last "
                + "column unless FILE.csv#label=COLUMN) or a folder of IDX files (MNIST layout, gzipped or not).");
        out.flush();
    }

    private void describe(PrintWriter out, Splits splits) {
        Dataset train = splits.train();
        if (console.json()) {
            ObjectNode root = JsonOutput.object();
            root.put("name", train.name());
            ArrayNode shape = root.putArray("inputShape");
            Arrays.stream(train.inputShape()).forEach(shape::add);
            ArrayNode classes = root.putArray("classes");
            train.classes().forEach(classes::add);
            root.put("seed", split.orDefault());
            ObjectNode parts = root.putObject("splits");
            for (String part : List.of("train", "probe", "test")) {
                Dataset d = splits.get(part);
                ObjectNode p = parts.putObject(part);
                p.put("samples", d.size());
                ArrayNode counts = p.putArray("perClass");
                Arrays.stream(classCounts(d)).forEach(counts::add);
            }
            JsonOutput.print(out, root);
            return;
        }
        out.println(train.name() + ": input " + Arrays.toString(train.inputShape()) + ", " + train.classCount()
                + " classes (" + String.join(", ", train.classes()) + "), split with seed " + split.orDefault());
        TextTable table = new TextTable("SPLIT", "SAMPLES", "PER CLASS");
        for (String part : List.of("train", "probe", "test")) {
            Dataset d = splits.get(part);
            table.row(part, d.size(), Arrays.toString(classCounts(d)));
        }
        table.print(out);
    }

    private static int[] classCounts(Dataset d) {
        int[] counts = new int[d.classCount()];
        for (int l : d.labels()) {
            counts[l]++;
        }
        return counts;
    }
}
