package dev.infoprune.ui.finetune;

import dev.infoprune.engine.EpochResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottledTrainingFeedTest {
    private final List<Runnable> queued = new ArrayList<>();
    private final List<ThrottledTrainingFeed.Bunch> delivered = new ArrayList<>();

    private void runQueued() {
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void aFastLoopIsDeliveredInFewBunchesWithNothingLostAndInOrder() {
        ThrottledTrainingFeed feed = new ThrottledTrainingFeed(queued::add, delivered::add, 60_000, 1);
        for (int b = 1; b <= 500; b++) {
            feed.onBatch(1, b, 500, b);
        }
        // one delivery was scheduled for the first point; the interval keeps the others from scheduling more
        assertThat(queued).hasSize(1);
        runQueued();
        feed.flush();
        runQueued();
        List<Double> losses = delivered.stream().flatMap(d -> d.losses().stream()).map(FineTuneModel.LossPoint::loss).toList();
        assertThat(losses).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(losses.get(i)).isEqualTo(i + 1.0);
        }
        assertThat(delivered.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void batchesAreAveragedIntoPointsAndEpochEndsAreDeliveredAtOnce() {
        ThrottledTrainingFeed feed = new ThrottledTrainingFeed(queued::add, delivered::add, 0, 4);
        for (int b = 1; b <= 10; b++) {
            feed.onBatch(2, b, 10, b);
        }
        EpochResult end = new EpochResult(2, 5.5, 0.5, 6, 0.4, 1);
        feed.onEpoch(end);
        runQueued();
        List<FineTuneModel.LossPoint> points = delivered.stream().flatMap(d -> d.losses().stream()).toList();
        // batches 1-4, 5-8 and the epoch's last two
        assertThat(points).containsExactly(new FineTuneModel.LossPoint(1.4, 2.5), new FineTuneModel.LossPoint(1.8, 6.5),
                new FineTuneModel.LossPoint(2.0, 9.5));
        assertThat(delivered.stream().flatMap(d -> d.epochs().stream())).containsExactly(end);
    }
}
