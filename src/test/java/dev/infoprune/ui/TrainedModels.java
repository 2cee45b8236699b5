package dev.infoprune.ui;

import dev.infoprune.core.Progress;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Normalizations;
import dev.infoprune.data.Splits;
import dev.infoprune.engine.ArchitectureSpec;
import dev.infoprune.engine.FreshTraining;
import dev.infoprune.engine.TrainingConfig;
import dev.infoprune.engine.TrainingListener;
import dev.infoprune.model.ModelFolder;
import dev.infoprune.model.Network;

import java.io.IOException;
import java.nio.file.Path;

/** Small networks really trained through DJL for the GUI tests, trained once per test JVM. */
public final class TrainedModels {
    private static Network digits;

    private TrainedModels() {
    }

    /** A 64-24-12-10 ReLU MLP trained for 8 epochs on the bundled digits' train split (seed 1). */
    public static synchronized Network digitsMlp() {
        if (digits == null) {
            Splits splits = DatasetLocator.resolve("digits", 1);
            Network fresh = ArchitectureSpec.parse("mlp:24-12").build("digits-mlp", new int[] {64},
                    splits.train().classes(), 1);
            digits = FreshTraining.train(fresh, "digits", splits, TrainingConfig.adam(8, 1).withLearningRate(0.01),
                    Normalizations::fit, TrainingListener.NONE, Progress.NONE).network();
        }
        return digits;
    }

    /** {@link #digitsMlp()} written as a model folder {@code dir/digits-mlp}. */
    public static Path digitsMlpFolder(Path dir) throws IOException {
        Path folder = dir.resolve("digits-mlp");
        ModelFolder.write(digitsMlp(), folder);
        return folder;
    }
}
