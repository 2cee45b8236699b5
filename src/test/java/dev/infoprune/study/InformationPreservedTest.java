package dev.infoprune.study;

import dev.infoprune.core.Matrix;
import dev.infoprune.core.Progress;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.ActivationCapture;
import dev.infoprune.engine.Activations;
import dev.infoprune.info.GaussianEstimator;
import dev.infoprune.info.HsicEstimator;
import dev.infoprune.model.Network;
import dev.infoprune.prune.PruningPlan;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The information column is measured apart from how the methods decided: on held-out (test) samples, with kernel CKA,
 * and with the Gaussian estimator for a method that planned with HSIC (issue 14).
 */
class InformationPreservedTest {
    /** h: units 0 and 1 drive the next layer, units 2 and 3 are noise; next = (h0 + h1, h0 − h1) plus a little noise. */
    private static Activations planted(int n) {
        Random r = new Random(5);
        double[][] h = new double[n][4];
        double[][] next = new double[n][2];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                h[i][j] = r.nextGaussian();
            }
            next[i][0] = h[i][0] + h[i][1] + 0.1 * r.nextGaussian();
            next[i][1] = h[i][0] - h[i][1] + 0.1 * r.nextGaussian();
            labels[i] = i % 2;
        }
        Map<String, Matrix> layers = new LinkedHashMap<>();
        layers.put("h", Matrix.of(h));
        layers.put("out", Matrix.of(next));
        return new Activations(layers, "out", labels);
    }

    private static PruningPlan keep(String estimator, int... units) {
        Map<String, Object> settings = estimator == null ? Map.of() : Map.of("estimator", estimator);
        return new PruningPlan("m", settings, 0, Map.of("h", units));
    }

    @Test
    void theUnitsTheNextLayerReadsKeepItsDependenceAndNoiseUnitsDoNot() {
        InformationPreserved measure = new InformationPreserved(planted(300));
        LayerInformation all = measure.of(keep(null, 0, 1, 2, 3)).get(0);
        LayerInformation drivers = measure.of(keep(null, 0, 1)).get(0);
        LayerInformation noise = measure.of(keep(null, 2, 3)).get(0);
        assertThat(all.ratio()).isCloseTo(1, within(1e-12));
        assertThat(drivers.ratio()).isGreaterThan(0.9);
        assertThat(noise.ratio()).isLessThan(0.3);
        assertThat(drivers.estimator()).startsWith(HsicEstimator.NAME).contains("kernel=rbf").contains("width=median");
        assertThat(drivers.next()).isEqualTo("out");
    }

    @Test
    void aMethodThatPlannedWithHsicIsMeasuredWithTheGaussianEstimatorInstead() {
        InformationPreserved measure = new InformationPreserved(planted(300));
        LayerInformation info = measure.of(keep("hsic(kernel=linear)", 0, 1)).get(0);
        assertThat(info.estimator()).startsWith(GaussianEstimator.NAME);
        assertThat(measure.of(keep("ridge-cv(lambda=1.0)", 0, 1)).get(0).estimator()).startsWith(HsicEstimator.NAME);
        assertThat(info.ratio()).isGreaterThan(0.9);
    }

    @Test
    void aComparisonMeasuresOnTheTestSplitNotOnTheProbeSplitTheMethodsDecidedOn() {
        Network net = StudyFixtures.mlp();
        Splits data = StudyFixtures.blobs(4);
        ExperimentResult r = new Experiment(ExperimentSpec.at(net, data, List.of("local-magnitude"), 0.5, 1),
                new StudyMethods(), FineTuner.NONE).run(Progress.NONE);
        LayerInformation first = r.results().get(0).information().get(0);
        HsicEstimator cka = new HsicEstimator(HsicEstimator.Kernel.RBF, 0, false, true);
        String layer = first.layer();
        Activations test = ActivationCapture.capture(net, data.test(), Progress.NONE);
        Activations probe = ActivationCapture.capture(net, data.probe(), Progress.NONE);
        double onTest = cka.mutualInformation(test.of(layer), test.of(first.next())).nats();
        double onProbe = cka.mutualInformation(probe.of(layer), probe.of(first.next())).nats();
        assertThat(first.full()).isCloseTo(onTest, within(1e-9));
        assertThat(Math.abs(onTest - onProbe)).as("the splits differ, so the check can tell them apart").isGreaterThan(1e-6);
        assertThat(ReportWriter.json(r).path("informationMeasure").asText()).contains("CKA").contains("200 held-out test samples");
    }

    @Test
    void atMostAThousandHeldOutSamplesAreMeasured() {
        Splits data = StudyFixtures.blobs(4);
        assertThat(InformationPreserved.heldOut(data.test(), 3).size()).isEqualTo(200);
        assertThat(InformationPreserved.describe(10_000)).contains("1000 held-out");
    }
}
