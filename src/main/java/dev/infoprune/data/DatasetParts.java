package dev.infoprune.data;

import java.util.Optional;

/**
 * A data set as read, before splitting: the samples to split into train and probe (and test), and the
 * official test set when the source has one (Fashion-MNIST's {@code t10k} files), which is then kept as is.
 */
public record DatasetParts(Dataset pool, Optional<Dataset> officialTest) {
    public static DatasetParts single(Dataset all) {
        return new DatasetParts(all, Optional.empty());
    }

    public static DatasetParts withOfficialTest(Dataset train, Dataset test) {
        return new DatasetParts(train, Optional.of(test));
    }

    public String name() {
        return pool.name();
    }

    public int totalSize() {
        return pool.size() + officialTest.map(Dataset::size).orElse(0);
    }
}
