package dev.infoprune.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SplitterTest {
    /** A data set whose only feature is the sample's own index, so every split row can be traced back. */
    private static Dataset indexed(int[] labels, int classes) {
        float[] f = new float[labels.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = i;
        }
        return new Dataset("indexed", new int[] {1}, f, labels,
                IntStream.range(0, classes).mapToObj(Integer::toString).toList());
    }

    private static Set<Integer> ids(Dataset d) {
        Set<Integer> s = new HashSet<>();
        for (float v : d.features()) {
            s.add((int) v);
        }
        return s;
    }

    private static int[] unbalancedLabels() {
        // 500 of class 0, 300 of class 1, 150 of class 2, 50 of class 3, interleaved
        int[] labels = new int[1000];
        for (int i = 0; i < 1000; i++) {
            int r = (i * 7919) % 1000;
            labels[i] = r < 500 ? 0 : r < 800 ? 1 : r < 950 ? 2 : 3;
        }
        return labels;
    }

    @Test
    void splitsAreDisjointCompleteStratifiedAndSixtyTwentyTwenty() {
        Dataset d = indexed(unbalancedLabels(), 4);
        Splits s = Splitter.split(DatasetParts.single(d), 11);
        assertThat(s.train().size()).isEqualTo(600);
        assertThat(s.probe().size()).isEqualTo(200);
        assertThat(s.test().size()).isEqualTo(200);
        Set<Integer> all = new HashSet<>(ids(s.train()));
        all.addAll(ids(s.probe()));
        all.addAll(ids(s.test()));
        assertThat(all).hasSize(1000);
        int[][] expected = {{300, 180, 90, 30}, {100, 60, 30, 10}, {100, 60, 30, 10}};
        Dataset[] parts = {s.train(), s.probe(), s.test()};
        for (int p = 0; p < 3; p++) {
            int[] counts = new int[4];
            for (int l : parts[p].labels()) {
                counts[l]++;
            }
            assertThat(counts).containsExactly(expected[p]);
            for (int i = 0; i < parts[p].size(); i++) {
                int id = (int) parts[p].features()[i];
                assertThat(parts[p].label(i)).isEqualTo(d.label(id));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitsAndAnotherSeedOthers() {
        Dataset d = indexed(unbalancedLabels(), 4);
        Splits a = Splitter.split(DatasetParts.single(d), 5);
        Splits b = Splitter.split(DatasetParts.single(d), 5);
        Splits c = Splitter.split(DatasetParts.single(d), 6);
        assertThat(a.probe().features()).isEqualTo(b.probe().features());
        assertThat(a.test().features()).isEqualTo(b.test().features());
        assertThat(a.probe().features()).isNotEqualTo(c.probe().features());
    }

    @Test
    void anOfficialTestSetIsKeptAndTheProbeComesFromTraining() {
        int[] labels = IntStream.range(0, 30000).map(i -> i % 10).toArray();
        Dataset pool = indexed(labels, 10);
        Dataset test = indexed(new int[] {0, 1, 2}, 10);
        Splits s = Splitter.split(DatasetParts.withOfficialTest(pool, test), 3);
        assertThat(s.test()).isSameAs(test);
        assertThat(s.probe().size()).isEqualTo(5000);
        assertThat(s.train().size()).isEqualTo(25000);
        assertThat(Arrays.stream(s.probe().labels()).filter(l -> l == 7).count()).isEqualTo(500);
        Set<Integer> probe = ids(s.probe());
        probe.retainAll(ids(s.train()));
        assertThat(probe).isEmpty();

        Dataset small = indexed(IntStream.range(0, 1000).map(i -> i % 2).toArray(), 2);
        assertThat(Splitter.split(DatasetParts.withOfficialTest(small, test), 3).probe().size()).isEqualTo(200);
    }

    @Test
    void aClassTooSmallToShareStaysInTraining() {
        int[] labels = new int[101];
        labels[100] = 1;
        Splits s = Splitter.split(DatasetParts.single(indexed(labels, 2)), 1);
        assertThat(s.train().labels()).contains(1);
        assertThat(s.probe().size() + s.test().size() + s.train().size()).isEqualTo(101);
    }

    @Test
    void largestRemainderAllocationIsExact() {
        assertThat(Splitter.allocate(new int[] {1, 1, 1}, 2)).containsExactly(1, 1, 0);
        assertThat(Splitter.allocate(new int[] {59, 71, 48}, 36)).containsExactly(12, 14, 10);
        assertThat(Arrays.stream(Splitter.allocate(new int[] {5, 0, 3}, 100)).sum()).isEqualTo(8);
    }
}
