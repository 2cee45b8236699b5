package dev.infoprune.ui.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.infoprune.study.ExperimentResult;
import dev.infoprune.study.ExperimentResultJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison table gives one row per method and setting over all seeds, as mean ± sd; one seed reads as before. */
class CompareRowSeedsTest {
    private static ObjectNode pinnedComparison() throws IOException {
        try (InputStream in = CompareRowSeedsTest.class.getResourceAsStream("/pins/compare.json")) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        }
    }

    @Test
    void twoSeedsGiveOneRowPerMethodWithMeanAndSd() throws IOException {
        ObjectNode doc = pinnedComparison();
        ArrayNode results = (ArrayNode) doc.get("results");
        int n = results.size();
        for (int i = 0; i < n; i++) {
            ObjectNode again = results.get(i).deepCopy();
            again.put("seed", 1);
            results.add(again);
        }
        doc.put("seeds", 2);
        ExperimentResult r = ExperimentResultJson.read(doc, "two seeds");
        List<CompareRow> rows = CompareRow.of(r);
        assertThat(rows).hasSize(1 + n);
        assertThat(rows.get(1).accuracyAfter()).contains(" ± 0.0");
        assertThat(rows.get(1).result().seed()).isZero();
    }

    @Test
    void oneSeedGivesTheRowsAsBefore() throws IOException {
        ExperimentResult r = ExperimentResultJson.read(pinnedComparison(), "one seed");
        List<CompareRow> rows = CompareRow.of(r);
        assertThat(rows).hasSize(1 + r.results().size());
        assertThat(rows.get(1).accuracyAfter()).doesNotContain("±").endsWith("%");
    }
}
