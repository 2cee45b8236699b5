package dev.infoprune.ui.finetune;

import dev.infoprune.engine.EpochResult;
import dev.infoprune.engine.TrainingListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hears the trainer on its thread and hands what it heard to the FX thread in bunches, at most about
 * {@code 1000 / intervalMs} times a second, so a fast training loop never floods the event queue. Losses of
 * {@code every} consecutive batches are averaged into one point. Epoch ends are always delivered at once.
 */
final class ThrottledTrainingFeed implements TrainingListener {
    /** What one delivery carries: new loss points and finished epochs, in order. */
    record Bunch(List<FineTuneModel.LossPoint> losses, List<EpochResult> epochs) {
    }

    private final Consumer<Runnable> fxThread;
    private final Consumer<Bunch> deliver;
    private final long intervalNanos;
    private final int every;
    private final ConcurrentLinkedQueue<FineTuneModel.LossPoint> losses = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<EpochResult> epochs = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long lastDelivery;
    private double sum;
    private int count;

    /**
     * @param fxThread runs a task on the FX thread ({@code Platform::runLater})
     * @param deliver  called on the FX thread with what arrived since the last delivery
     * @param every    batches averaged into one loss point
     */
    ThrottledTrainingFeed(Consumer<Runnable> fxThread, Consumer<Bunch> deliver, long intervalMs, int every) {
        this.fxThread = fxThread;
        this.deliver = deliver;
        this.intervalNanos = intervalMs * 1_000_000L;
        this.every = Math.max(1, every);
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, double loss) {
        sum += loss;
        count++;
        if (count == every || batch == batches) {
            losses.add(new FineTuneModel.LossPoint(epoch - 1 + (double) batch / batches, sum / count));
            sum = 0;
            count = 0;
            if (System.nanoTime() - lastDelivery >= intervalNanos) {
                schedule();
            }
        }
    }

    @Override
    public void onEpoch(EpochResult result) {
        epochs.add(result);
        schedule();
    }

    /** Delivers whatever is still pending (call when training ends). */
    void flush() {
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            fxThread.accept(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false);
        lastDelivery = System.nanoTime();
        List<FineTuneModel.LossPoint> l = new ArrayList<>();
        for (FineTuneModel.LossPoint p; (p = losses.poll()) != null; ) {
            l.add(p);
        }
        List<EpochResult> e = new ArrayList<>();
        for (EpochResult r; (r = epochs.poll()) != null; ) {
            e.add(r);
        }
        if (!l.isEmpty() || !e.isEmpty()) {
            deliver.accept(new Bunch(l, e));
        }
    }
}
