package dev.infoprune.study;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.CancelledException;
import dev.infoprune.core.Progress;
import dev.infoprune.engine.Inference;
import dev.infoprune.model.Network;
import dev.infoprune.prune.Surgery;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ExperimentTest {
    @Test
    void matchingRunsTheSelfSizingMethodFirstAndTheOthersAtItsSparsity() {
        Network net = StudyFixtures.mlp();
        var data = StudyFixtures.blobs(1);
        ExperimentResult r = new Experiment(ExperimentSpec.matching(net, data, List.of("itpruner", "cmi"), 7),
                new StudyMethods(), FineTuner.NONE).run(Progress.NONE);
        assertThat(r.results()).extracting(MethodResult::method).containsExactly("cmi", "itpruner", "cmi");
        MethodResult cmi = r.results().get(0);
        assertThat(cmi.setting()).isEqualTo(Experiment.OWN);
        MethodResult it = r.results().get(1);
        assertThat(it.targetSparsity()).isEqualTo(cmi.sparsity());
        assertThat(r.results().get(2).sparsity()).isCloseTo(cmi.sparsity(), within(0.1));
        // numbers are the real pruned network's
        for (MethodResult m : r.results()) {
            Network pruned = Surgery.apply(net, m.plan());
            assertThat(m.parameters()).isEqualTo(pruned.parameterCount());
            assertThat(m.macs()).isEqualTo(pruned.macs());
            assertThat(m.beforeFineTuning().accuracy())
                    .isEqualTo(Inference.evaluate(pruned, data.test(), Progress.NONE).accuracy());
            assertThat(m.afterFineTuning()).isEqualTo(m.beforeFineTuning());
            assertThat(m.information()).extracting(LayerInformation::layer).containsExactly("fc1", "fc2");
            assertThat(m.information().get(1).next()).isEqualTo("out");
        }
        assertThat(r.baseline().accuracy()).isEqualTo(Inference.evaluate(net, data.test(), Progress.NONE).accuracy());
        assertThat(r.parameters()).isEqualTo(net.parameterCount());
        assertThat(r.hiddenWidths()).containsExactly(12, 8);
    }

    @Test
    void aSweepRunsEverySparsityAndKeepingEverythingPreservesAllInformation() {
        Network net = StudyFixtures.mlp();
        ExperimentResult r = new Experiment(ExperimentSpec.sweep(net, StudyFixtures.blobs(2), List.of("itpruner"),
                new double[] {0.75, 0.0}, 1), new StudyMethods(), FineTuner.NONE).run(Progress.NONE);
        assertThat(r.settings()).containsExactly("0.0000", "0.7500");
        MethodResult none = r.find("itpruner", "0.0000").orElseThrow();
        assertThat(none.sparsity()).isZero();
        assertThat(none.afterFineTuning()).isEqualTo(r.baseline());
        for (LayerInformation li : none.information()) {
            assertThat(li.ratio()).isCloseTo(1, within(1e-9));
        }
        MethodResult heavy = r.find("itpruner", "0.7500").orElseThrow();
        assertThat(heavy.macs()).isLessThan(r.macs());
        assertThat(heavy.information().get(0).ratio()).isLessThan(1);
    }

    @Test
    void aPlanThatEmptiesALayerIsScoredAsTheConstantOutputItLeavesAndNotFineTuned() {
        Network net = StudyFixtures.mlp();
        var data = StudyFixtures.blobs(4);
        // 95% of 20 hidden units by global weight magnitude keeps one unit: one of the two layers is emptied
        ExperimentResult r = new Experiment(ExperimentSpec.at(net, data, List.of("global-topk"), 0.95, 1),
                new StudyMethods(), DjlFineTuner.adam(1, 1e-3, 1)).run(Progress.NONE);
        MethodResult m = r.results().get(0);
        assertThat(m.widths().emptiedLayers()).hasSize(1);
        assertThat(m.afterFineTuning()).isEqualTo(m.beforeFineTuning());
        // the cut network itself, run by the independent plain-Java forward pass, gives one output for any input
        Network shrunk = Surgery.apply(net, m.plan());
        double[] x = dev.infoprune.model.ReferenceForward.outputs(shrunk, new float[net.inputShape()[0]]);
        assertThat(dev.infoprune.model.ReferenceForward.outputs(shrunk, data.test().row(0))).containsExactly(x);
        int constant = 0;
        for (int c = 1; c < x.length; c++) {
            if (x[c] > x[constant]) {
                constant = c;
            }
        }
        int[] labels = data.test().labels();
        int hits = 0;
        for (int y : labels) {
            hits += y == constant ? 1 : 0;
        }
        assertThat(m.beforeFineTuning().accuracy()).isCloseTo((double) hits / labels.length, within(1e-9));
    }

    @Test
    void progressCoversTheRunAndCancellingStopsIt() {
        Network net = StudyFixtures.mlp();
        List<Long> seen = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void update(String message, long done, long total) {
                seen.add(total == 0 ? 0 : done * 1_000_000 / total);
            }

            @Override
            public boolean isCancelled() {
                return seen.size() > 5;
            }
        };
        assertThatThrownBy(() -> new Experiment(ExperimentSpec.sweep(net, StudyFixtures.blobs(3), List.of("itpruner", "cmi"),
                new double[] {0.3, 0.6, 0.9}, 1), new StudyMethods(), FineTuner.NONE).run(recording))
                .isInstanceOf(CancelledException.class);
        List<Long> all = new ArrayList<>();
        Progress full = new Progress() {
            @Override
            public void update(String message, long done, long total) {
                all.add(total == 0 ? 0 : done * 1_000_000 / total);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        new Experiment(ExperimentSpec.at(net, StudyFixtures.blobs(3), List.of("itpruner"), 0.5, 1),
                new StudyMethods(), FineTuner.NONE).run(full);
        assertThat(all.get(all.size() - 1)).isEqualTo(1_000_000L);
    }

    @Test
    void unknownMethodsAndAMatchWithoutASelfSizingMethodAreBadInput() {
        Network net = StudyFixtures.mlp();
        assertThatThrownBy(() -> new Experiment(ExperimentSpec.matching(net, StudyFixtures.blobs(1), List.of("magic"), 1),
                new StudyMethods(), FineTuner.NONE)).isInstanceOf(BadInputException.class).hasMessageContaining("magic");
        assertThatThrownBy(() -> new Experiment(ExperimentSpec.matching(net, StudyFixtures.blobs(1), List.of("itpruner"), 1),
                new StudyMethods(), FineTuner.NONE)).isInstanceOf(BadInputException.class).hasMessageContaining("--sparsity");
    }
}
