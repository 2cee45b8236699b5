package dev.infoprune.engine;

import dev.infoprune.core.Progress;
import dev.infoprune.data.Dataset;
import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Normalizations;
import dev.infoprune.model.Network;
import org.junit.jupiter.api.Test;

class SpeedProbeTest {
    @Test
    void probe() {
        Dataset train = DatasetLocator.resolve("fashion-mnist", 1).train().head(6400);
        for (String arch : System.getProperty("archs", "lenet300").split(",")) {
            for (int batch : new int[] {64, 256}) {
                Network net = ArchitectureSpec.parse(arch).build(arch, train.inputShape(), train.classes(), 1)
                        .withNormalization(Normalizations.fit(train));
                long t0 = System.nanoTime();
                Trainer.train(net, train, null, TrainingConfig.adam(1, 1).withBatchSize(batch), TrainingListener.NONE, Progress.NONE);
                long t1 = System.nanoTime();
                System.out.printf("%s batch %d: 6400 samples %.2fs -> 55k epoch ~%.0fs%n", arch, batch,
                        (t1 - t0) / 1e9, (t1 - t0) / 1e9 * 55000 / 6400);
            }
        }
    }
}
