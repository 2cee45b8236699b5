package dev.infoprune.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.BoundedReads;
import dev.infoprune.core.JsonLimits;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One Markdown page from several comparison folders (what {@code docs/results/run.sh} writes docs/results.md with):
 * per comparison its conditions, the mean ± sd table with every seed's value (with MACs and seed 0's widths), MIPP's
 * wins, ties and losses against every other method at the same sparsity, each {@link Pairing}'s verdicts (ITPruner
 * against uniform width at the same MACs budget), the layer-collapse table and links to the charts; then the tallies.
 *
 * <p>A verdict pairs a method's runs with MIPP's runs of nearest mean sparsity, when that is within
 * {@link #SAME_SPARSITY}. With several seeds on both sides MIPP wins (loses) when its mean fine-tuned accuracy is
 * higher (lower) by more than twice the standard error of the difference and by at least half a point; with one seed,
 * by more than one point; else it is a tie.
 */
public final class ResultsDigest {
    static final double SAME_SPARSITY = 0.03;
    private static final long MAX_RESULTS_BYTES = 64L << 20;
    /** The file in a comparison folder that holds the command that made it (optional). */
    public static final String COMMAND = "command.txt";

    private ResultsDigest() {
    }

    /**
     * One comparison: the link to its folder (relative to the page), the command that made it ("" when unknown), and
     * its result.
     */
    public record Entry(String link, String command, ExperimentResult result) {
    }

    /** MIPP's outcome against one other method at one sparsity. */
    public enum Outcome { WIN, TIE, LOSS }

    /** One method's runs (MIPP's, or a {@link Pairing}'s method) against another method's; the outcome is the first's. */
    public record Verdict(SeedSummary subject, SeedSummary other, Outcome outcome) {
        double difference() {
            return subject.accuracyAfter().mean() - other.accuracyAfter().mean();
        }

        /** "**NAME better**", "tie" or "**NAME worse**". */
        String label(String name) {
            return switch (outcome) {
                case WIN -> "**" + name + " better**";
                case TIE -> "tie";
                case LOSS -> "**" + name + " worse**";
            };
        }
    }

    /**
     * A method judged against its control in the same comparison, run for run at the same setting (same target
     * sparsity): ITPruner against uniform width, which keeps the same share of every layer by the same L1 choice of
     * filters, so that at one setting both meet the same MACs budget and only the allocation differs.
     */
    public record Pairing(String method, String control, String title) {
    }

    static final List<Pairing> PAIRINGS = List.of(new Pairing("itpruner", "local-magnitude",
            "ITPruner's allocation against uniform width (local magnitude: the same share of every layer, filters by L1) "
                    + "at the same MACs budget"));

    /** {@code pairing}'s verdicts in one comparison (its method as the subject, the control as the other); often empty. */
    public static List<Verdict> paired(ExperimentResult r, Pairing pairing) {
        List<SeedSummary> summaries = r.summaries();
        List<Verdict> out = new ArrayList<>();
        for (SeedSummary s : summaries) {
            if (!s.method().equals(pairing.method())) {
                continue;
            }
            summaries.stream().filter(c -> c.method().equals(pairing.control()) && c.setting().equals(s.setting()))
                    .findFirst().ifPresent(c -> out.add(new Verdict(s, c, outcome(s, c))));
        }
        return out;
    }

    /**
     * Reads the comparison in {@code folder} ({@link ReportWriter#JSON} and, when present, {@link #COMMAND}); the link
     * is the folder relative to {@code page}'s folder.
     */
    public static Entry read(Path folder, Path page) {
        Path json = folder.resolve(ReportWriter.JSON);
        byte[] bytes = BoundedReads.readFile(json, MAX_RESULTS_BYTES, "comparison results");
        ExperimentResult result;
        try {
            result = ExperimentResultJson.read(JsonLimits.mapper().readTree(bytes), json.toString());
        } catch (JsonProcessingException e) {
            throw new BadInputException(json, JsonLimits.describe(e), e);
        } catch (java.io.IOException e) {
            throw new BadInputException(json, "cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            // values the result itself refuses (each field was well-formed)
            throw new BadInputException(json, e.getMessage(), e);
        }
        Path commandFile = folder.resolve(COMMAND);
        String command = Files.isRegularFile(commandFile)
                ? new String(BoundedReads.readFile(commandFile, 1 << 16, "a command"), StandardCharsets.UTF_8).strip() : "";
        Path base = page.toAbsolutePath().getParent();
        String link = base.relativize(folder.toAbsolutePath()).toString().replace('\\', '/');
        return new Entry(link, command, result);
    }

    /** MIPP's verdicts in one comparison, in the order of its summaries; empty without MIPP. */
    public static List<Verdict> verdicts(ExperimentResult r) {
        List<SeedSummary> summaries = r.summaries();
        List<SeedSummary> mipp = summaries.stream().filter(s -> s.method().equals("mipp")).toList();
        List<Verdict> out = new ArrayList<>();
        if (mipp.isEmpty()) {
            return out;
        }
        for (SeedSummary other : summaries) {
            if (other.method().equals("mipp")) {
                continue;
            }
            double at = other.sparsity().mean();
            SeedSummary nearest = mipp.stream().min(Comparator.comparingDouble(m -> Math.abs(m.sparsity().mean() - at)))
                    .orElseThrow();
            if (Math.abs(nearest.sparsity().mean() - at) <= SAME_SPARSITY) {
                out.add(new Verdict(nearest, other, outcome(nearest, other)));
            }
        }
        return out;
    }

    static Outcome outcome(SeedSummary mipp, SeedSummary other) {
        double diff = mipp.accuracyAfter().mean() - other.accuracyAfter().mean();
        int n1 = mipp.runs().size();
        int n2 = other.runs().size();
        double margin;
        if (n1 > 1 && n2 > 1) {
            double sd1 = mipp.accuracyAfter().sd();
            double sd2 = other.accuracyAfter().sd();
            margin = Math.max(0.005, 2 * Math.sqrt(sd1 * sd1 / n1 + sd2 * sd2 / n2));
        } else {
            margin = 0.01;
        }
        return diff > margin ? Outcome.WIN : diff < -margin ? Outcome.LOSS : Outcome.TIE;
    }

    /** The page: {@code title}, {@code intro} (Markdown, may be empty), every comparison, the tally, {@code note}. */
    public static String markdown(String title, String intro, List<Entry> entries, String note) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        md.append("*Generated by `infoprune digest` from the comparison folders below; edit the script or the code, "
                + "not this page.*\n\n");
        if (!intro.isBlank()) {
            md.append(intro.strip()).append("\n\n");
        }
        Tally mipp = new Tally();
        for (Entry e : entries) {
            mipp.add(heading(e), comparison(md, e));
        }
        md.append("## MIPP's wins, ties and losses\n\n");
        if (mipp.rows.isEmpty()) {
            md.append("No comparison ran MIPP beside another method at the same sparsity.\n\n");
        } else {
            md.append("Against every other method at about the same sparsity (within ")
                    .append(Math.round(100 * SAME_SPARSITY)).append(" points), fine-tuned test accuracy:\n\n");
            mipp.appendTable(md, "MIPP");
        }
        for (Pairing pairing : PAIRINGS) {
            Tally tally = new Tally();
            entries.forEach(e -> tally.add(heading(e), paired(e.result(), pairing)));
            if (!tally.rows.isEmpty()) {
                md.append("## ").append(pairing.title()).append("\n\n").append("Fine-tuned test accuracy, ")
                        .append(pairing.method()).append(" against ").append(pairing.control()).append(" at each setting:\n\n");
                tally.appendTable(md, pairing.method());
            }
        }
        if (!note.isBlank()) {
            md.append(note.strip()).append('\n');
        }
        return md.toString();
    }

    /** Outcomes counted per comparison (a row for each comparison with a verdict) and over all of them. */
    private static final class Tally {
        final List<String> rows = new ArrayList<>();
        final int[] all = new int[Outcome.values().length];

        void add(String comparison, List<Verdict> verdicts) {
            if (verdicts.isEmpty()) {
                return;
            }
            int[] counts = new int[Outcome.values().length];
            verdicts.forEach(v -> counts[v.outcome().ordinal()]++);
            for (int i = 0; i < counts.length; i++) {
                all[i] += counts[i];
            }
            rows.add("| " + comparison + " | " + counts[0] + " | " + counts[1] + " | " + counts[2] + " |");
        }

        /** The table of rows and the total, the columns named for {@code subject}. */
        void appendTable(StringBuilder md, String subject) {
            md.append("| comparison | ").append(subject).append(" better | tie | ").append(subject)
                    .append(" worse |\n|---|---|---|---|\n");
            rows.forEach(row -> md.append(row).append('\n'));
            md.append("| **all** | **").append(all[0]).append("** | **").append(all[1]).append("** | **")
                    .append(all[2]).append("** |\n\n");
        }
    }

    private static String heading(Entry e) {
        ExperimentResult r = e.result();
        return r.model() + " on " + r.dataset() + (r.atInit() ? ", at initialisation" : "") + " (" + e.link() + ")";
    }

    private static List<Verdict> comparison(StringBuilder md, Entry e) {
        ExperimentResult r = e.result();
        md.append("## ").append(heading(e)).append("\n\n");
        if (!e.command().isEmpty()) {
            md.append("```\n").append(e.command()).append("\n```\n\n");
        }
        md.append(String.format(Locale.ROOT, "Unpruned: %s test accuracy, %,d parameters, %,d MACs. %d probe, %d train, %d "
                        + "test samples. Every pruned network retrained for %s. Seeds %d to %d. Information kept: %s. "
                        + "[Full report](%s/report.html).%n%n", pct(r.baseline().accuracy()), r.parameters(), r.macs(),
                r.probeSamples(), r.trainSamples(), r.testSamples(), r.fineTuning().describe(), r.seed(),
                r.seed() + r.seeds() - 1, InformationPreserved.describe(r.testSamples()), e.link()));
        if (r.atInit()) {
            md.append("Pruned at initialisation: every seed's network re-initialised, pruned untrained and trained from "
                    + "scratch; the unpruned accuracy is the trained model's.\n\n");
        }
        md.append("Hidden layers: ").append(layers(r)).append(".\n\n");
        md.append("| method | setting | sparsity | MACs | widths (seed ").append(r.seed())
                .append(") | acc. pruned | acc. retrained | retrained, per seed | info kept (seed ").append(r.seed())
                .append(") | runs collapsed |\n|---|---|---|---|---|---|---|---|---|---|\n");
        for (SeedSummary s : r.summaries()) {
            MethodResult first = s.runs().get(0);
            long collapsed = s.runs().stream().filter(m -> !m.collapsedLayers().isEmpty()).count();
            md.append("| ").append(s.method()).append(" | ").append(s.setting()).append(" | ").append(spread(s.sparsity()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,.0f", meanMacs(s)))
                    .append(" | ").append(first.widths().layers().stream().map(l -> Integer.toString(l.after()))
                            .collect(Collectors.joining("/")))
                    .append(" | ").append(spread(s.accuracyBefore())).append(" | ").append(spread(s.accuracyAfter()))
                    .append(" | ").append(s.runs().stream().map(m -> pct(m.afterFineTuning().accuracy()))
                            .collect(Collectors.joining(" / ")))
                    .append(" | ").append(first.information().stream().map(i -> Double.isNaN(i.ratio()) ? "–"
                            : String.format(Locale.ROOT, "%.2f", i.ratio())).collect(Collectors.joining(" / ")))
                    .append(" | ").append(collapsed).append(" of ").append(s.runs().size()).append(" |\n");
        }
        md.append('\n');
        List<Verdict> verdicts = verdicts(r);
        if (!verdicts.isEmpty()) {
            md.append("MIPP against the others at about the same sparsity (retrained accuracy):\n\n");
            for (Verdict v : verdicts) {
                md.append(String.format(Locale.ROOT, "* %s against %s at %s: MIPP (%s) %s vs %s (%+.2f points)%s%n",
                        v.label("MIPP"), v.other().method(), pct(v.other().sparsity().mean()), v.subject().setting(),
                        spread(v.subject().accuracyAfter()), spread(v.other().accuracyAfter()), 100 * v.difference(),
                        v.subject().runs().size() > 1 && v.other().runs().size() > 1 ? "" : " (one seed)"));
            }
            md.append('\n');
        }
        for (Pairing pairing : PAIRINGS) {
            List<Verdict> paired = paired(r, pairing);
            if (paired.isEmpty()) {
                continue;
            }
            md.append(pairing.title()).append(" (retrained accuracy):\n\n");
            for (Verdict v : paired) {
                md.append(String.format(Locale.ROOT, "* %s at setting %s: %s %s (MACs %,.0f) vs %s %s (MACs %,.0f), %+.2f points%n",
                        v.label(pairing.method()), v.subject().setting(), pairing.method(),
                        spread(v.subject().accuracyAfter()), meanMacs(v.subject()),
                        pairing.control(), spread(v.other().accuracyAfter()), meanMacs(v.other()), 100 * v.difference()));
            }
            md.append('\n');
        }
        md.append("![accuracy against sparsity](").append(e.link()).append("/accuracy-vs-sparsity.png)\n\n");
        if (CollapseFrequency.worthShowing(r)) {
            md.append("Layer collapse (runs that left a layer with at most one unit), per sparsity bin:\n\n")
                    .append("![layer collapse](").append(e.link()).append("/layer-collapse.png)\n\n")
                    .append("| method | sparsity | runs | collapsed | share | layers |\n|---|---|---|---|---|---|\n");
            for (CollapseFrequency.Bin b : CollapseFrequency.of(r).bins()) {
                md.append("| ").append(b.method()).append(" | ").append(b.label()).append(" | ").append(b.runs())
                        .append(" | ").append(b.collapsed()).append(" | ")
                        .append(String.format(Locale.ROOT, "%.0f %%", 100 * b.share())).append(" | ")
                        .append(b.perLayer().isEmpty() ? "–" : b.perLayer().entrySet().stream()
                                .map(x -> x.getKey() + " " + x.getValue()).collect(Collectors.joining(", ")))
                        .append(" |\n");
            }
            md.append('\n');
        }
        return verdicts;
    }

    private static double meanMacs(SeedSummary s) {
        return s.runs().stream().mapToLong(MethodResult::macs).average().orElseThrow();
    }

    private static String layers(ExperimentResult r) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < r.hiddenLayers().size(); i++) {
            out.append(i == 0 ? "" : ", ").append(r.hiddenLayers().get(i)).append(' ').append(r.hiddenWidths()[i]);
        }
        return out.toString();
    }

    private static String pct(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.2f %%", 100 * share);
    }

    private static String spread(SeedSummary.Spread s) {
        return String.format(Locale.ROOT, "%.2f %% ± %.2f", 100 * s.mean(), 100 * s.sd());
    }

    /** The entries in {@code folders}' order; an unreadable one is a {@link BadInputException} naming its file. */
    public static List<Entry> readAll(List<Path> folders, Path page) {
        return folders.stream().map(f -> read(f, page)).toList();
    }
}
