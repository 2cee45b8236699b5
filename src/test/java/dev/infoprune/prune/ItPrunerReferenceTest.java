package dev.infoprune.prune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Activations;
import dev.infoprune.model.Network;
import dev.infoprune.model.RandomNetworks;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * ITPruner against a NumPy re-implementation of their {@code feature_extract.py} formulas (linear CKA of flattened
 * maps, similarity sums normalised by their sum, α = exp(−β·s̄)) and of our continuous relaxation and rounding,
 * on the committed activations of {@code src/test/resources/itpruner} (written by {@code make_expected.py}).
 */
class ItPrunerReferenceTest {
    private static final String DIR = "/itpruner/";

    @Test
    void alphaAndWidthsMatchTheNumpyReimplementation() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(resource("expected.json"));
        int samples = expected.get("samples").asInt();
        Map<String, Matrix> byLayer = new LinkedHashMap<>();
        for (JsonNode layer : expected.get("layers")) {
            byLayer.put(layer.asText(), csv(layer.asText() + ".csv"));
        }
        byLayer.put("out", Matrix.wrap(samples, 3, new double[samples * 3]));
        Activations acts = new Activations(byLayer, "out", new int[samples]);
        Network net = RandomNetworks.cnn(1, 1, 8, 8, 3);
        assertThat(net.prunableLayerNames()).containsExactly("conv1", "conv2", "fc1");
        assertThat(WidthFlops.wholeNetwork(net).fullMacs()).isEqualTo(expected.get("fullMacs").asDouble());

        assertThat(expected.get("betas")).hasSize(2);
        List<int[]> widths = new ArrayList<>();
        for (JsonNode run : expected.get("betas")) {
            double beta = run.get("beta").asDouble();
            ItPrunerAllocation.Result res = new ItPrunerAllocation(ItPrunerAllocation.Settings
                    .atMacsFraction(expected.get("macsFraction").asDouble()).withBeta(beta).withBatch(samples))
                    .allocate(net, acts, Progress.NONE);
            assertThat(res.budget()).isCloseTo(expected.get("budget").asDouble(), within(1e-9));
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertThat(res.cka()[i][j]).as("CKA(%d, %d)", i, j)
                            .isCloseTo(expected.get("cka").get(i).get(j).asDouble(), within(1e-10));
                }
                assertThat(res.importance()[i]).isCloseTo(expected.get("similaritySums").get(i).asDouble(), within(1e-10));
                assertThat(res.normalised()[i]).isCloseTo(expected.get("normalised").get(i).asDouble(), within(1e-10));
                double a = run.get("alpha").get(i).asDouble();
                assertThat(res.alpha()[i]).as("beta %s alpha %d", beta, i).isCloseTo(a, within(1e-8 * a));
                assertThat(res.relaxed()[i]).as("beta %s relaxed x%d", beta, i)
                        .isCloseTo(run.get("relaxed").get(i).asDouble(), within(1e-8));
            }
            int[] kept = new int[3];
            for (int i = 0; i < 3; i++) {
                kept[i] = run.get("kept").get(i).asInt();
            }
            assertThat(res.allocation().kept()).as("beta %s", beta).containsExactly(kept);
            assertThat(res.plan().keptCount("conv2")).isEqualTo(kept[1]);
            assertThat(res.allocation().macs()).isLessThanOrEqualTo(res.budget());
            widths.add(kept);
        }
        // the fixture is chosen so that the two betas give different widths: the comparison covers both regimes
        assertThat(widths.get(0)).isNotEqualTo(widths.get(1));
    }

    private static InputStream resource(String name) {
        InputStream in = ItPrunerReferenceTest.class.getResourceAsStream(DIR + name);
        assertThat(in).as(DIR + name).isNotNull();
        return in;
    }

    private static Matrix csv(String name) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(resource(name), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
                }
            }
        }
        return Matrix.of(rows.toArray(double[][]::new));
    }
}
