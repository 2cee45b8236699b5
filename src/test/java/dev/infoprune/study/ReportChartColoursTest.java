package dev.infoprune.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

import java.awt.Paint;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A method has one colour in every chart of a report: the accuracy chart has an "unpruned" series first and the
 * collapse chart has not, so colours by series position (JFreeChart's default) would shift by one between them.
 */
class ReportChartColoursTest {
    private static ExperimentResult pinned(int seeds) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode doc;
        try (InputStream in = ReportChartColoursTest.class.getResourceAsStream("/pins/compare.json")) {
            doc = (ObjectNode) json.readTree(in);
        }
        ArrayNode one = (ArrayNode) doc.get("results");
        ArrayNode all = json.createArrayNode();
        for (int seed = 0; seed < seeds; seed++) {
            for (int i = 0; i < one.size(); i++) {
                all.add(((ObjectNode) one.get(i).deepCopy()).put("seed", seed));
            }
        }
        doc.set("results", all);
        doc.put("seeds", seeds);
        return ExperimentResultJson.read(doc, "pinned comparison");
    }

    private static Map<String, Paint> xyPaints(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        Map<String, Paint> out = new HashMap<>();
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            out.put(plot.getDataset().getSeriesKey(i).toString(), plot.getRenderer().getSeriesPaint(i));
        }
        return out;
    }

    @Test
    void everyMethodHasItsPaletteColourInTheAccuracyAndTheCollapseCharts() throws IOException {
        for (int seeds : new int[] {1, 3}) {
            ExperimentResult r = pinned(seeds);
            Map<String, Paint> accuracy = xyPaints(ReportCharts.accuracyVersusSparsity(r));
            assertThat(accuracy).containsKeys("unpruned", "mipp", "local-magnitude", "random", "global-topk");
            accuracy.forEach((method, paint) -> assertThat(paint).as(method).isEqualTo(MethodPalette.awt(method)));

            CategoryPlot collapse = ReportCharts.collapseFrequency(CollapseFrequency.of(r)).getCategoryPlot();
            assertThat(collapse.getDataset().getRowCount()).isEqualTo(4);
            for (int i = 0; i < collapse.getDataset().getRowCount(); i++) {
                String method = collapse.getDataset().getRowKey(i).toString();
                assertThat(collapse.getRenderer().getSeriesPaint(i)).as(method).isEqualTo(accuracy.get(method));
            }
        }
        assertThat(MethodPalette.awt("mipp")).isNotEqualTo(MethodPalette.awt("random@mipp"));
    }
}
