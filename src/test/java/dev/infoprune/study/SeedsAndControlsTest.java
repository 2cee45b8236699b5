package dev.infoprune.study;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.model.Network;
import dev.infoprune.prune.LayerWidthsSelection;
import dev.infoprune.prune.mipp.Mipp;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Several seeds per method, and the controls that keep MIPP's widths with another selection (issue 14). */
class SeedsAndControlsTest {
    @org.junit.jupiter.api.io.TempDir
    Path tmp;

    /** MIPP with the Gaussian estimator: the paper's loss-based one trains a network per decision. */
    private static final dev.infoprune.prune.MethodSettings FAST_MIPP =
            dev.infoprune.prune.PruningMethods.type(Mipp.NAME).defaults().withText("estimator", "gaussian");

    private static ExperimentResult matched(List<String> methods, int seeds) {
        Network net = StudyFixtures.mlp();
        return new Experiment(ExperimentSpec.matching(net, StudyFixtures.blobs(1), methods, 7).withSeeds(seeds),
                new StudyMethods(Map.of(Mipp.NAME, FAST_MIPP)), DjlFineTuner.adam(1, 1e-3, 7)).run(Progress.NONE);
    }

    @Test
    void everySeedRunsEveryMethodMatchingItsOwnMippAndTheSummaryHoldsEverySeedsValue() throws Exception {
        ExperimentResult r = matched(List.of("mipp", "random", "random@mipp", "local-magnitude@mipp"), 3);
        assertThat(r.seeds()).isEqualTo(3);
        assertThat(r.results()).hasSize(12);
        assertThat(r.results()).extracting(MethodResult::seed).containsExactly(7L, 7L, 7L, 7L, 8L, 8L, 8L, 8L, 9L, 9L, 9L, 9L);
        for (long seed = 7; seed <= 9; seed++) {
            long s = seed;
            List<MethodResult> of = r.results().stream().filter(m -> m.seed() == s).toList();
            MethodResult mipp = of.get(0);
            assertThat(mipp.method()).isEqualTo(Mipp.NAME);
            assertThat(of.get(1).targetSparsity()).isEqualTo(mipp.sparsity());
            // the controls keep exactly MIPP's widths, layer by layer
            for (MethodResult control : of.subList(2, 4)) {
                assertThat(LayerWidthsSelection.widthsOf(control.plan())).isEqualTo(LayerWidthsSelection.widthsOf(mipp.plan()));
            }
        }
        assertThat(r.groups().values().iterator().next()).hasSize(4); // the first seed's
        List<SeedSummary> summaries = r.summaries();
        assertThat(summaries).extracting(SeedSummary::method)
                .containsExactly("mipp", "random", "random@mipp", "local-magnitude@mipp");
        SeedSummary random = summaries.get(1);
        assertThat(random.setting()).isEqualTo(SeedSummary.MATCHED);
        double[] after = random.runs().stream().mapToDouble(m -> m.afterFineTuning().accuracy()).toArray();
        double mean = (after[0] + after[1] + after[2]) / 3;
        double sd = Math.sqrt(((after[0] - mean) * (after[0] - mean) + (after[1] - mean) * (after[1] - mean)
                + (after[2] - mean) * (after[2] - mean)) / 2);
        assertThat(random.accuracyAfter().mean()).isCloseTo(mean, within(1e-12));
        assertThat(random.accuracyAfter().sd()).isCloseTo(sd, within(1e-12));

        var json = ExperimentResultJson.write(r);
        assertThat(json.path("summary")).hasSize(4);
        assertThat(json.path("summary").get(1).path("accuracyAfter").path("perSeed")).hasSize(3);
        assertThat(ExperimentResultJson.read(json, "x")).isEqualTo(r);
        String csv = ReportWriter.csv(r);
        assertThat(csv.lines()).hasSize(1 + 12 + 2 * 4);
        // every seed's row at its own matched sparsity, then the mean and sd rows over them
        assertThat(csv.lines().filter(l -> l.startsWith("matched,random,")).toList()).hasSize(2)
                .anyMatch(l -> l.contains(",mean,")).anyMatch(l -> l.contains(",sd,"));
        ReportWriter.write(r, tmp);
        String html = Files.readString(tmp.resolve(ReportWriter.HTML));
        assertThat(html).contains("Mean ± standard deviation over 3 seeds", "Every seed", "seed 7 to 9 (every method ran");
    }

    @Test
    void oneSeedWritesNoSummaryAndOlderFilesReadAsOneSeed() {
        ExperimentResult r = matched(List.of("mipp", "random"), 1);
        var json = ExperimentResultJson.write(r);
        assertThat(json.has("summary")).isFalse();
        json.remove("seeds");
        json.withArray("results").forEach(m -> ((com.fasterxml.jackson.databind.node.ObjectNode) m).remove("seed"));
        json.remove("lrSchedule");
        json.remove("fineTuneEpochsFrom");
        ExperimentResult old = ExperimentResultJson.read(json, "old");
        assertThat(old.seeds()).isEqualTo(1);
        assertThat(old.results()).extracting(MethodResult::seed).containsOnly(7L);
        assertThat(old.fineTuning().source()).isEqualTo(FineTuningBudget.Source.UNRECORDED);
        assertThat(ReportWriter.csv(r).lines()).hasSize(1 + 2);
    }

    @Test
    void aControlWithoutMippOrWithoutASelectionRuleIsRefused() {
        Network net = StudyFixtures.mlp();
        assertThatThrownBy(() -> new Experiment(ExperimentSpec.at(net, StudyFixtures.blobs(1), List.of("random@mipp", "random"),
                0.5, 1), new StudyMethods(), FineTuner.NONE)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("mipp must be among the methods");
        assertThatThrownBy(() -> WidthControl.parse("global-topk@mipp")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("random@mipp and local-magnitude@mipp");
        assertThatThrownBy(() -> WidthControl.parse("random@cmi")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("random@mipp");
    }

    @Test
    void theMagnitudeControlKeepsTheLargestL1UnitsOfEachLayerAtTheGivenWidths() {
        Network net = StudyFixtures.mlp();
        var plan = new LayerWidthsSelection(LayerWidthsSelection.Rule.L1, "mipp", Map.of("fc1", 3, "fc2", 2), 0)
                .plan(net, null, Progress.NONE).plan();
        assertThat(plan.method()).isEqualTo("local-magnitude@mipp");
        assertThat(plan.keptIn("fc1")).hasSize(3);
        assertThat(plan.keptIn("fc2")).hasSize(2);
        var half = new dev.infoprune.prune.LocalMagnitude(0.75).plan(net, null, Progress.NONE).plan();
        assertThat(plan.keptIn("fc1")).containsExactly(half.keptIn("fc1"));
        assertThat(plan.keptIn("fc2")).containsExactly(half.keptIn("fc2"));
    }
}
