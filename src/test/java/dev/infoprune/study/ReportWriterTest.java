package dev.infoprune.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.infoprune.core.Progress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWriterTest {
    private static ExperimentResult result;

    @BeforeAll
    static void runSweep() {
        result = new Experiment(ExperimentSpec.sweep(StudyFixtures.mlp(), StudyFixtures.blobs(4),
                List.of("cmi", "itpruner"), new double[] {0.5, 0.95}, 3), new StudyMethods(), FineTuner.NONE)
                .run(Progress.NONE);
    }

    @Test
    void writesTheHtmlCsvJsonAndEveryChartAsPngAndSvg(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        List<Path> files = ReportWriter.write(result, dir);
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("report.html", "results.csv",
                "results.json", "accuracy-vs-sparsity.png", "accuracy-vs-sparsity.svg", "widths-1.png", "widths-3.svg");
        assertThat(Files.readString(dir.resolve("notes.txt"))).isEqualTo("mine");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        BufferedImage png = ImageIO.read(dir.resolve("widths-1.png").toFile());
        assertThat(png.getWidth()).isEqualTo(ReportCharts.WIDTH);
        assertThat(Files.readString(dir.resolve("accuracy-vs-sparsity.svg"))).contains("<svg", "itpruner", "</svg>");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("data:image/png;base64,", "target sparsity 0.9500", "itpruner", "own sparsity", "target sparsity 0.5000");
    }

    @Test
    void theCsvHasOneRowPerMethodAndSettingWithTheMeasuredNumbers(@TempDir Path dir) throws IOException {
        ReportWriter.write(result, dir);
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        assertThat(lines).hasSize(1 + result.results().size());
        String[] header = lines.get(0).split(",", -1);
        for (int i = 1; i < lines.size(); i++) {
            String[] row = lines.get(i).split(",", -1);
            assertThat(row).hasSize(header.length);
            MethodResult m = result.results().get(i - 1);
            assertThat(row[1]).isEqualTo(m.method());
            assertThat(Double.parseDouble(row[9])).isCloseTo(m.afterFineTuning().accuracy(),
                    org.assertj.core.api.Assertions.within(1e-5));
            assertThat(Long.parseLong(row[5])).isEqualTo(m.parameters());
        }
    }

    @Test
    void theJsonCarriesPlansWidthsAndCollapsedLayers(@TempDir Path dir) throws IOException {
        ReportWriter.write(result, dir);
        JsonNode root = ReportWriter.MAPPER.readTree(dir.resolve("results.json").toFile());
        assertThat(root.get("format").asText()).isEqualTo("infoprune-comparison");
        assertThat(root.get("results")).hasSize(result.results().size());
        MethodResult heavy = result.find("itpruner", "0.9500").orElseThrow();
        JsonNode node = null;
        for (JsonNode n : root.get("results")) {
            if (n.get("method").asText().equals("itpruner") && n.get("setting").asText().equals("0.9500")) {
                node = n;
            }
        }
        assertThat(node).isNotNull();
        assertThat(node.get("plan").get("kept").get("fc1")).hasSize(heavy.plan().keptCount("fc1"));
        assertThat(node.get("collapsedLayers")).hasSize(heavy.collapsedLayers().size());
        assertThat(node.get("layers").get(1).get("after").asInt()).isEqualTo(heavy.plan().keptCount("fc2"));
    }

    @Test
    void aCollapsedLayerIsFlaggedInTheTableAndTheChart() {
        // 95% of 20 hidden units leaves one unit: at least one layer collapses
        MethodResult heavy = result.find("itpruner", "0.9500").orElseThrow();
        assertThat(heavy.collapsedLayers()).isNotEmpty();
        String html = ReportWriter.html(result, List.of(new String[] {"a", "widths-1", ""}, new String[] {"b", "widths-2", ""},
                new String[] {"c", "widths-3", ""}, new String[] {"d", "accuracy-vs-sparsity", ""}));
        assertThat(html).contains("<tr class=\"collapsed\">");
        var chart = ReportCharts.widths(result, "x", result.at("0.9500"));
        assertThat(chart.getSubtitleCount()).isGreaterThan(1);
    }
}
