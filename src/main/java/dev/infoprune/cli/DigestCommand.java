package dev.infoprune.cli;

import dev.infoprune.core.AtomicFiles;
import dev.infoprune.core.BadInputException;
import dev.infoprune.core.BoundedReads;
import dev.infoprune.core.IoMessages;
import dev.infoprune.study.ReportWriter;
import dev.infoprune.study.ResultsDigest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** {@code infoprune digest DIR... --out FILE}: one Markdown page from several comparison folders. */
@Command(name = "digest", mixinStandardHelpOptions = true,
        description = {"Write one Markdown page from comparison folders (each written by compare): per comparison its "
                + "conditions and command (the folder's command.txt, when there), mean ± sd with every seed's value, "
                + "MIPP's wins, ties and losses against the others at the same sparsity, layer collapse and links to "
                + "the charts; then the tally. docs/results/run.sh writes docs/results.md with it."})
final class DigestCommand implements Runnable {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Comparison folders (with results.json), in page order.")
    List<Path> folders;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The Markdown file to write (replaced).")
    Path out;

    @Option(names = "--title", defaultValue = "Results", paramLabel = "T", description = "The page's title (default ${DEFAULT-VALUE}).")
    String title;

    @Option(names = "--intro", paramLabel = "FILE", description = "Markdown put under the title.")
    Path intro;

    @Option(names = "--note", defaultValue = "", paramLabel = "TEXT", description = "A closing line, e.g. how long the runs took.")
    String note;

    @Option(names = "--redraw", description = "First re-draw every folder's report.html, charts and results.csv from its "
            + "results.json with this build (after a change to the charts; results.json itself is re-written unchanged, "
            + "other files are left alone).")
    boolean redraw;

    @Mixin
    Console console;

    @Override
    public void run() {
        String introText = intro == null ? ""
                : new String(BoundedReads.readFile(intro, 1 << 20, "an introduction"), StandardCharsets.UTF_8);
        List<ResultsDigest.Entry> entries = ResultsDigest.readAll(folders, out);
        if (redraw) {
            for (int i = 0; i < folders.size(); i++) {
                try {
                    ReportWriter.write(entries.get(i).result(), folders.get(i));
                } catch (IOException e) {
                    throw new BadInputException(folders.get(i), "cannot be re-drawn: " + IoMessages.describe(e), e);
                }
            }
        }
        String page = ResultsDigest.markdown(title, introText, entries, note);
        try {
            AtomicFiles.writeString(out, page);
        } catch (IOException e) {
            throw new BadInputException(out, "cannot be written: " + IoMessages.describe(e), e);
        }
        if (console.json()) {
            JsonOutput.print(console.out(), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("out", out.toString()).put("comparisons", entries.size()));
            return;
        }
        console.out().printf("Wrote %s from %d comparison%s%n", out, entries.size(), entries.size() == 1 ? "" : "s");
        console.out().flush();
    }
}
