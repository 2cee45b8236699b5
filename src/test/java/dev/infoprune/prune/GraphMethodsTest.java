package dev.infoprune.prune;

import dev.infoprune.core.BadInputException;
import dev.infoprune.core.Progress;
import dev.infoprune.model.Network;
import dev.infoprune.model.onnx.OnnxImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** local-magnitude, random and global-topk on graph networks: a dependency group at a time. */
class GraphMethodsTest {
    private static Network fixture(String model) {
        return OnnxImport.read(Path.of("src/test/resources/onnx", model + "_op17.onnx"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"graph_resnet8", "graph_mobilenet", "graph_concat"})
    void theirPlansKeepGroupsConsistentAndShrinkTheNetwork(String model) {
        Network net = fixture(model);
        for (PruningMethod method : List.of(new LocalMagnitude(0.5), new RandomPruning(0.5, 3),
                new GlobalTopK(UnitScore.L1, 0.5, 0))) {
            PruningPlan plan = method.plan(net, null, Progress.NONE).plan();
            assertThatCode(() -> DependencyGroups.check(net, plan)).as(method.name()).doesNotThrowAnyException();
            assertThat(Surgery.apply(net, plan).parameterCount()).as(method.name()).isLessThan(net.parameterCount());
        }
    }

    @Test
    void localMagnitudeKeepsTheSameShareOfEveryGroupByTheSumOverItsProducers() {
        Network net = fixture("graph_resnet8");
        PruningPlan plan = new LocalMagnitude(0.5).plan(net, null, Progress.NONE).plan();
        DependencyGroup coupled = DependencyGroups.of(net).groups().stream().filter(DependencyGroup::coupled)
                .findFirst().orElseThrow();
        double[] sum = new double[coupled.channels()];
        for (GroupMember p : coupled.producers()) {
            double[] s = UnitScore.L1.score(net, net.indexOf(p.layer()), null);
            for (int j = 0; j < sum.length; j++) {
                sum[j] += s[p.channels()[j]];
            }
        }
        int[] best = Ranking.topK(sum, Ranking.keptCount(sum.length, 0.5));
        for (GroupMember p : coupled.producers()) {
            assertThat(IntStream.of(plan.keptIn(p.layer())).filter(u -> p.channelsStream().anyMatch(c -> c == u)).toArray())
                    .as(p.layer()).containsExactly(IntStream.of(best).map(j -> p.channels()[j]).sorted().toArray());
        }
    }

    @Test
    void otherMethodsAreRefusedOnGraphsByName() {
        Network net = fixture("graph_concat");
        assertThatThrownBy(() -> ChainsOnly.require(net, ThiNet.NAME)).isInstanceOf(BadInputException.class)
                .hasMessageContaining(ThiNet.NAME + " does not prune graph networks yet");
        assertThatCode(() -> ChainsOnly.require(net, "mipp")).doesNotThrowAnyException();
        assertThatCode(() -> ChainsOnly.require(net, LocalMagnitude.NAME)).doesNotThrowAnyException();
    }
}
