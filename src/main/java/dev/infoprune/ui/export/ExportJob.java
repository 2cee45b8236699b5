package dev.infoprune.ui.export;

import dev.infoprune.core.AtomicFiles;
import dev.infoprune.core.Progress;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;
import dev.infoprune.model.onnx.OnnxExport;
import dev.infoprune.prune.PlanFiles;
import dev.infoprune.prune.PruningPlan;
import dev.infoprune.prune.mipp.MippTrace;
import dev.infoprune.prune.mipp.TraceFiles;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.ReportWriter;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes the chosen artefacts into a folder, one after another, each atomically (a temporary file or folder,
 * then a move), so a failure or a cancel leaves every file either complete or untouched. Runs off the FX thread.
 *
 * @param network  the network to export (pruned, perhaps fine-tuned)
 * @param unpruned the network the plan refers to (for plan.json's widths); may be null
 * @param view     the current view, already rendered; null when not exported
 */
record ExportJob(Path folder, String name, Set<Artefact> artefacts, Network network, Network unpruned, PruningPlan plan,
                 MippTrace trace, ExperimentResult report, BufferedImage view) {

    List<Path> run(Progress progress) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        int done = 0;
        for (Artefact a : Artefact.values()) {
            if (!artefacts.contains(a)) {
                continue;
            }
            progress.checkCancelled();
            Path target = folder.resolve(a.fileName(name));
            progress.update("Writing " + target.getFileName(), done++, artefacts.size());
            switch (a) {
                case MODEL_FOLDER -> ModelFolder.write(network.withName(name), target);
                case ONNX -> OnnxExport.write(network.withName(name), target);
                case PLAN -> PlanFiles.write(plan, unpruned, target);
                case TRACE -> TraceFiles.write(trace, target);
                case REPORT -> AtomicFiles.writeFolder(target, tmp -> ReportWriter.write(report, tmp));
                case VIEW_PNG -> AtomicFiles.writeFile(target, out -> {
                    if (!ImageIO.write(view, "png", out)) {
                        throw new IOException("no PNG writer available");
                    }
                });
            }
            written.add(target);
        }
        progress.update("Export done", 1, 1);
        return written;
    }
}
