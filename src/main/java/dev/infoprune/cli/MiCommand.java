package dev.infoprune.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Matrix;
import dev.infoprune.data.CsvReader;
import dev.infoprune.data.NumericRows;
import dev.infoprune.info.Estimate;
import dev.infoprune.info.Estimators;
import dev.infoprune.info.InformationEstimator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** {@code infoprune mi FILE.csv --x COLS --y COLS [--z COLS] --estimator E}: I(X;Y) or I(X;Y|Z) of CSV columns. */
@Command(name = "mi", mixinStandardHelpOptions = true,
        description = {"Estimate the mutual information I(X;Y), or with --z the conditional I(X;Y|Z), between column "
                + "groups of a numeric CSV file (a header line is detected). Columns are zero-based, like 0,3-5.",
                "Estimators and their options (-o KEY=VALUE): gaussian (ridge), ksg (k, algorithm, noise, seed), "
                        + "binned (bins, binning, millerMadow), renyi (alpha, width), hsic (kernel, width, unbiased, "
                        + "normalized; a dependence score, not nats), predictive (hidden, epochs, learningRate, holdout, seed)."})
final class MiCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "FILE", description = "A numeric CSV file.")
    Path file;

    @Option(names = "--x", required = true, paramLabel = "COLS", description = "Columns of X.")
    String x;

    @Option(names = "--y", required = true, paramLabel = "COLS", description = "Columns of Y.")
    String y;

    @Option(names = "--z", paramLabel = "COLS", description = "Columns to condition on.")
    String z;

    @Mixin
    EstimatorOption estimator;

    @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE", description = "An estimator option, e.g. -o k=5 (repeatable).")
    List<String> options = new ArrayList<>();

    @Option(names = "--labels", description = "Y is one column of class labels (whole numbers), a discrete variable.")
    boolean labels;

    @Option(names = "--bits", description = "Report bits instead of nats.")
    boolean bits;

    @Mixin
    Console console;

    @Mixin
    DeviceOption device;

    @Override
    public void run() {
        device.apply();
        InformationEstimator est = Estimators.create(estimator.name(), Estimators.parseOptions(options));
        NumericRows rows = CsvReader.readRows(file);
        Matrix all = Matrix.fromFloats(rows.rows(), rows.cols(), rows.values());
        int[] xc = ColumnList.parse("--x", x, rows.cols());
        int[] yc = ColumnList.parse("--y", y, rows.cols());
        int[] zc = z == null ? null : ColumnList.parse("--z", z, rows.cols());
        Matrix mx = all.selectColumns(xc);
        Matrix my = all.selectColumns(yc);
        Estimate e;
        String quantity;
        try {
            if (labels) {
                int[] l = labelColumn(my);
                e = zc == null ? est.mutualInformationWithLabels(mx, l) : est.conditionalMutualInformationWithLabels(mx, l, all.selectColumns(zc));
            } else {
                e = zc == null ? est.mutualInformation(mx, my) : est.conditionalMutualInformation(mx, my, all.selectColumns(zc));
            }
        } catch (BadInputException bad) {
            throw new BadInputException(file + " " + bad.source(), bad.problem(), bad);
        }
        quantity = zc == null ? "I(X;Y)" : "I(X;Y|Z)";
        double value = bits ? e.bits() : e.nats();
        String unit = est.spec().name().equals("hsic") ? "" : bits ? "bits" : "nats";
        PrintWriter out = console.out();
        if (console.json()) {
            ObjectNode doc = JsonOutput.object();
            doc.put("file", file.toString());
            doc.put("quantity", quantity);
            doc.put("value", value);
            doc.put("unit", unit.isEmpty() ? "score" : unit);
            doc.put("samples", rows.rows());
            doc.set("x", JsonOutput.MAPPER.valueToTree(xc));
            doc.set("y", JsonOutput.MAPPER.valueToTree(yc));
            if (zc != null) {
                doc.set("z", JsonOutput.MAPPER.valueToTree(zc));
            }
            doc.put("labels", labels);
            ObjectNode est2 = doc.putObject("estimator");
            est2.put("name", est.spec().name());
            est2.set("parameters", JsonOutput.MAPPER.valueToTree(est.spec().parameters()));
            JsonOutput.print(out, doc);
            return;
        }
        out.printf(Locale.ROOT, "%s = %.5f %s%n", quantity, value, unit);
        out.printf(Locale.ROOT, "X = columns %s, Y = columns %s%s%s; %d samples; estimator %s%n", Arrays.toString(xc),
                Arrays.toString(yc), labels ? " (labels)" : "", zc == null ? "" : ", Z = columns " + Arrays.toString(zc),
                rows.rows(), est.spec().describe());
        out.flush();
    }

    private int[] labelColumn(Matrix my) {
        if (my.cols() != 1) {
            throw new BadInputException("--y", "with --labels Y must be one column, got " + my.cols());
        }
        int[] l = new int[my.rows()];
        for (int i = 0; i < l.length; i++) {
            double v = my.get(i, 0);
            if (v != Math.rint(v) || v < 0) {
                throw new BadInputException(file.toString(), "row " + i + ": label " + v + " is not a whole number ≥ 0");
            }
            l[i] = (int) v;
        }
        return l;
    }
}
