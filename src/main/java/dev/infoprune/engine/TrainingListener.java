package dev.infoprune.engine;

/** Hears about training as it happens (live loss curves). Called on the training thread; keep it quick. */
public interface TrainingListener {
    /** After every optimisation step: {@code batch} of {@code batches} in {@code epoch} (both from 1). */
    default void onBatch(int epoch, int batch, int batches, double loss) {
    }

    default void onEpoch(EpochResult result) {
    }

    TrainingListener NONE = new TrainingListener() {
    };
}
