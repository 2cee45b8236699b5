package dev.infoprune.info;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartnerThreadTest {
    @Test
    void runsTheFirstHalfOnTheOtherThreadAndReturnsBothResults() {
        // another test's leftover background work may hold the partner for a moment: then both run here
        boolean onPartner = false;
        for (int attempt = 0; attempt < 100 && !onPartner; attempt++) {
            NativeLinearAlgebra.Pair<String, String> names = PartnerThread.inParallel(
                    () -> Thread.currentThread().getName(), () -> Thread.currentThread().getName());
            assertThat(names.second()).isEqualTo(Thread.currentThread().getName());
            onPartner = names.first().equals("infoprune-partner");
        }
        assertThat(onPartner).isTrue();
    }

    @Test
    void aSplitInsideAHalfRunsOnItsOwnThreadInsteadOfWaitingForItself() {
        NativeLinearAlgebra.Pair<Integer, Integer> nested = PartnerThread.inParallel(
                () -> PartnerThread.inParallel(() -> 1, () -> 2).first() + 10,
                () -> PartnerThread.inParallel(() -> 3, () -> 4).second() + 20);
        assertThat(nested).isEqualTo(new NativeLinearAlgebra.Pair<>(11, 24));
    }

    @Test
    void aFailureInEitherHalfReachesTheCallerAndTheNextSplitStillWorks() {
        assertThatThrownBy(() -> PartnerThread.inParallel(() -> {
            throw new IllegalStateException("first half");
        }, () -> 2)).isInstanceOf(IllegalStateException.class).hasMessage("first half");
        assertThatThrownBy(() -> PartnerThread.inParallel(() -> 1, () -> {
            throw new IllegalArgumentException("second half");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("second half");
        assertThat(PartnerThread.inParallel(() -> 5, () -> 6)).isEqualTo(new NativeLinearAlgebra.Pair<>(5, 6));
    }

    @Test
    void concurrentCallersEachGetTheirOwnResults() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<long[]>> futures = IntStream.range(0, 4).mapToObj(c -> pool.submit(() -> {
                long[] wrong = new long[1];
                for (int k = 0; k < 2000; k++) {
                    long a = 1000L * c + k;
                    NativeLinearAlgebra.Pair<Long, Long> r = PartnerThread.inParallel(() -> a * 2, () -> a * 3);
                    if (r.first() != a * 2 || r.second() != a * 3) {
                        wrong[0]++;
                    }
                }
                return wrong;
            })).toList();
            for (Future<long[]> f : futures) {
                assertThat(f.get()[0]).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
