package dev.infoprune.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.core.AtomicFiles;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a comparison into a folder: {@code report.html} (tables, and the charts embedded so the page stands
 * alone), the charts as {@code .png} and {@code .svg} files, {@code results.csv} (one row per method and
 * setting) and {@code results.json} (everything, plans included). {@link #writeFolder} writes the folder as
 * one unit; {@link #write} puts the files into an existing folder, each atomically, leaving other files alone.
 */
public final class ReportWriter {
    public static final String HTML = "report.html";
    public static final String CSV = "results.csv";
    public static final String JSON = "results.json";
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /**
     * Writes the report as one unit: every file is made in a temporary sibling folder that then takes the place of
     * {@code folder} (replacing what was there) in one rename, so a killed run leaves the previous folder or none.
     * Returns the paths of the files at their final place.
     */
    public static List<Path> writeFolder(ExperimentResult result, Path folder) throws IOException {
        List<String> names = new ArrayList<>();
        AtomicFiles.writeFolder(folder, tmp -> write(result, tmp).forEach(p -> names.add(p.getFileName().toString())));
        return names.stream().map(folder::resolve).toList();
    }

    /** Writes every file into {@code folder}, leaving other files there alone, and returns their paths. */
    public static List<Path> write(ExperimentResult result, Path folder) throws IOException {
        List<Path> written = new ArrayList<>();
        List<String[]> charts = new ArrayList<>(); // title, file stem, base64 png
        int g = 0;
        for (Map.Entry<String, List<MethodResult>> e : result.groups().entrySet()) {
            String stem = "widths-" + (++g);
            charts.add(chart(ReportCharts.widths(result, e.getKey(), e.getValue()), folder, stem, written, e.getKey()));
        }
        charts.add(chart(ReportCharts.accuracyVersusSparsity(result), folder, "accuracy-vs-sparsity", written,
                "accuracy vs sparsity"));
        if (CollapseFrequency.worthShowing(result)) {
            charts.add(chart(ReportCharts.collapseFrequency(CollapseFrequency.of(result)), folder, "layer-collapse",
                    written, "layer collapse"));
        }
        Path csv = folder.resolve(CSV);
        AtomicFiles.writeString(csv, csv(result));
        written.add(csv);
        Path json = folder.resolve(JSON);
        AtomicFiles.writeString(json, MAPPER.writeValueAsString(json(result)));
        written.add(json);
        Path html = folder.resolve(HTML);
        AtomicFiles.writeString(html, html(result, charts));
        written.add(html);
        return written;
    }

    private static String[] chart(JFreeChart chart, Path folder, String stem, List<Path> written, String title)
            throws IOException {
        byte[] png = ReportCharts.png(chart);
        Path p = folder.resolve(stem + ".png");
        AtomicFiles.writeFile(p, out -> out.write(png));
        Path s = folder.resolve(stem + ".svg");
        AtomicFiles.writeString(s, ReportCharts.svg(chart));
        written.add(p);
        written.add(s);
        return new String[] {title, stem, Base64.getEncoder().encodeToString(png)};
    }

    /**
     * One row per method, setting and seed; with several seeds, then two rows per method and setting whose
     * {@code seed} column says {@code mean} or {@code sd}, over the seeds, of the sparsity and the accuracies (other cells empty).
     */
    static String csv(ExperimentResult r) {
        StringBuilder b = new StringBuilder("setting,method,target_sparsity,sparsity,kept_units,parameters,macs,"
                + "accuracy_before,loss_before,accuracy_after,loss_after,collapsed_layers,emptied_layers,widths,"
                + "information_ratio,plan_seconds,finetune_seconds,seed,finetune_epochs,learning_rate,lr_schedule,"
                + "epochs_from\n");
        for (MethodResult m : r.results()) {
            b.append(String.join(",", m.setting(), m.method(), num(m.targetSparsity()), num(m.sparsity()), Integer.toString(m.widths().hiddenAfter()), Long.toString(m.parameters()),
                    Long.toString(m.macs()), num(m.beforeFineTuning().accuracy()), num(m.beforeFineTuning().loss()),
                    num(m.afterFineTuning().accuracy()), num(m.afterFineTuning().loss()),
                    String.join("|", m.collapsedLayers()), String.join("|", m.emptiedLayers()),
                    m.widths().layers().stream().map(w -> Integer.toString(w.after())).collect(Collectors.joining("|")),
                    m.information().stream().map(i -> num(i.ratio())).collect(Collectors.joining("|")),
                    num(m.planSeconds()), num(m.fineTuneSeconds()), Long.toString(m.seed()), budget(r.fineTuning())))
                    .append('\n');
        }
        if (r.seeds() > 1) {
            for (SeedSummary s : r.summaries()) {
                b.append(summaryRow(s, "mean", SeedSummary.Spread::mean, r.fineTuning()));
                b.append(summaryRow(s, "sd", SeedSummary.Spread::sd, r.fineTuning()));
            }
        }
        return b.toString();
    }

    private static String summaryRow(SeedSummary s, String what, java.util.function.ToDoubleFunction<SeedSummary.Spread> of,
                                     FineTuningBudget budget) {
        return String.join(",", s.setting(), s.method(), "", num(of.applyAsDouble(s.sparsity())), "", "", "",
                num(of.applyAsDouble(s.accuracyBefore())), "", num(of.applyAsDouble(s.accuracyAfter())), "", "", "", "",
                "", "", "", what, budget(budget)) + "\n";
    }

    private static String budget(FineTuningBudget b) {
        return String.join(",", Integer.toString(b.epochs()), num(b.learningRate()), b.scheduleName(), b.sourceName());
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    /** The JSON document of {@code results.json} ({@link ExperimentResultJson#write}). */
    public static ObjectNode json(ExperimentResult r) {
        return ExperimentResultJson.write(r);
    }

    static String html(ExperimentResult r, List<String[]> charts) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>InfoPrune comparison: ")
                .append(esc(r.model())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1100px}table{border-collapse:collapse;margin:1em 0}")
                .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#eee}")
                .append("td.l{text-align:left}tr.collapsed td{background:#fde2e2}.warn{color:#b00000;font-weight:bold}")
                .append("img{max-width:100%}</style></head><body>\n");
        h.append("<h1>Pruning comparison: ").append(esc(r.model())).append(" on ").append(esc(r.dataset())).append("</h1>\n");
        h.append("<p>Unpruned: ").append(r.parameters()).append(" parameters, ").append(r.macs())
                .append(" MACs, hidden widths ").append(widths(r.hiddenLayers(), r.hiddenWidths()))
                .append(", test accuracy ").append(pct(r.baseline().accuracy())).append(", loss ")
                .append(f4(r.baseline().loss())).append(".</p>\n");
        h.append("<p>Same conditions for every method: probe split ").append(r.probeSamples())
                .append(" samples (pruning decisions), fine-tuning on ").append(r.trainSamples())
                .append(" training samples: ").append(esc(r.fineTuning().describe()))
                .append("; test split ").append(r.testSamples()).append(" samples, seed ").append(r.seed())
                .append(r.seeds() > 1 ? " to " + (r.seed() + r.seeds() - 1) + " (every method ran with each of these "
                        + r.seeds() + " seeds on the same splits; the tables and bars per setting show seed " + r.seed() + ")" : "")
                .append(r.origin() == null ? "" : "; data " + esc(r.origin().data()) + " split with seed " + r.origin().splitSeed())
                .append(". Run took ").append(String.format(Locale.ROOT, "%.1f", r.seconds())).append(" s.</p>\n");
        if (r.atInit()) {
            h.append("<p><b>Pruned at initialisation:</b> for every seed the network was re-initialised with that seed, "
                    + "every method pruned it untrained, and each pruned network was trained from scratch with the budget "
                    + "above; the unpruned accuracy is the trained model's, for reference.</p>\n");
        }
        h.append("<p>Sparsity is the share of hidden units removed. A layer left with one unit or none is "
                + "<span class=\"warn\">collapsed</span>. The information column gives, per hidden layer, "
                + "the dependence between the kept units and the kept units of the next layer over the one between all "
                + "units of both, measured apart from how the methods decided: ")
                .append(esc(InformationPreserved.describe(r.testSamples()))).append(".</p>\n");
        int c = 0;
        for (Map.Entry<String, List<MethodResult>> e : r.groups().entrySet()) {
            h.append("<h2>").append(esc(e.getKey())).append("</h2>\n");
            table(h, r, e.getValue());
            image(h, charts.get(c++));
        }
        if (r.seeds() > 1) {
            h.append("<h2>Mean ± standard deviation over ").append(r.seeds()).append(" seeds</h2>\n");
            summaries(h, r);
            h.append("<h2>Every seed</h2>\n");
            table(h, r, r.results());
        }
        h.append("<h2>Accuracy versus sparsity</h2>\n");
        image(h, charts.get(c++));
        if (c < charts.size()) {
            h.append("<h2>Layer collapse</h2>\n<p>Every run of every setting and seed, binned by the sparsity it reached: "
                    + "the share of runs that left some layer with one unit or none.</p>\n");
            collapse(h, CollapseFrequency.of(r));
            image(h, charts.get(c));
        }
        h.append("<p>Data: <a href=\"").append(CSV).append("\">").append(CSV).append("</a>, <a href=\"").append(JSON)
                .append("\">").append(JSON).append("</a>.</p>\n</body></html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, ExperimentResult r, List<MethodResult> rows) {
        boolean seeds = r.seeds() > 1;
        h.append("<table><tr><th>method</th>").append(seeds ? "<th>seed</th>" : "").append("<th>setting</th><th>sparsity</th><th>kept widths</th><th>parameters</th>"
                + "<th>MACs</th><th>accuracy before</th><th>accuracy after</th><th>loss after</th>"
                + "<th>information kept per layer</th><th>collapsed</th><th>plan s</th><th>fine-tune s</th></tr>\n");
        for (MethodResult m : rows) {
            boolean collapsed = !m.collapsedLayers().isEmpty();
            h.append(collapsed ? "<tr class=\"collapsed\">" : "<tr>")
                    .append("<td class=\"l\">").append(esc(ReportCharts.label(m, rows))).append("</td>")
                    .append(seeds ? "<td>" + m.seed() + "</td>" : "")
                    .append("<td>").append(esc(m.setting())).append("</td>")
                    .append("<td>").append(pct(m.sparsity())).append("</td>")
                    .append("<td class=\"l\">").append(m.widths().layers().stream().map(w -> Integer.toString(w.after()))
                            .collect(Collectors.joining(" / "))).append("</td>")
                    .append("<td>").append(m.parameters()).append("</td>")
                    .append("<td>").append(m.macs()).append("</td>")
                    .append("<td>").append(pct(m.beforeFineTuning().accuracy())).append("</td>")
                    .append("<td>").append(pct(m.afterFineTuning().accuracy())).append("</td>")
                    .append("<td>").append(f4(m.afterFineTuning().loss())).append("</td>")
                    .append("<td class=\"l\">").append(m.information().stream().map(i -> Double.isNaN(i.ratio()) ? "–"
                            : String.format(Locale.ROOT, "%.2f", i.ratio())).collect(Collectors.joining(" / "))).append("</td>")
                    .append("<td class=\"l\">").append(collapsed ? "<span class=\"warn\">" + esc(String.join(", ",
                            m.collapsedLayers())) + "</span>" : "").append("</td>")
                    .append("<td>").append(String.format(Locale.ROOT, "%.2f", m.planSeconds())).append("</td>")
                    .append("<td>").append(String.format(Locale.ROOT, "%.2f", m.fineTuneSeconds())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void collapse(StringBuilder h, CollapseFrequency f) {
        h.append("<table><tr><th>method</th><th>sparsity bin</th><th>runs</th><th>runs with a collapsed layer</th>"
                + "<th>share</th><th>collapsed layers (runs)</th></tr>\n");
        for (CollapseFrequency.Bin b : f.bins()) {
            h.append(b.collapsed() > 0 ? "<tr class=\"collapsed\">" : "<tr>")
                    .append("<td class=\"l\">").append(esc(b.method())).append("</td><td>").append(b.label())
                    .append("</td><td>").append(b.runs()).append("</td><td>").append(b.collapsed()).append("</td><td>")
                    .append(pct(b.share())).append("</td><td class=\"l\">")
                    .append(esc(b.perLayer().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                            .collect(Collectors.joining(", ")))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void summaries(StringBuilder h, ExperimentResult r) {
        h.append("<table><tr><th>method</th><th>setting</th><th>sparsity</th><th>accuracy before</th>"
                + "<th>accuracy after</th><th>after, per seed</th></tr>\n");
        for (SeedSummary s : r.summaries()) {
            h.append("<tr><td class=\"l\">").append(esc(s.method())).append("</td><td>").append(esc(s.setting()))
                    .append("</td><td>").append(spread(s.sparsity())).append("</td><td>").append(spread(s.accuracyBefore()))
                    .append("</td><td>").append(spread(s.accuracyAfter())).append("</td><td class=\"l\">")
                    .append(s.runs().stream().map(m -> pct(m.afterFineTuning().accuracy())).collect(Collectors.joining(" / ")))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** "93.10% ± 0.84" (points). */
    static String spread(SeedSummary.Spread s) {
        return pct(s.mean()) + " ± " + String.format(Locale.ROOT, "%.2f", 100 * s.sd());
    }

    private static void image(StringBuilder h, String[] chart) {
        h.append("<p><img alt=\"").append(esc(chart[0])).append("\" src=\"data:image/png;base64,").append(chart[2])
                .append("\"><br>Files: <a href=\"").append(chart[1]).append(".png\">").append(chart[1])
                .append(".png</a>, <a href=\"").append(chart[1]).append(".svg\">").append(chart[1]).append(".svg</a></p>\n");
    }

    private static String widths(List<String> layers, int[] widths) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            parts.add(esc(layers.get(i)) + " " + widths[i]);
        }
        return String.join(", ", parts);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }

    private static String f4(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
