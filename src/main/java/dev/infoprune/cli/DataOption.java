package dev.infoprune.cli;

import dev.infoprune.data.DatasetLocator;
import dev.infoprune.data.Splits;
import picocli.CommandLine.Option;

/** {@code --data DS}: the data set a command splits into train, probe and test. */
final class DataOption {
    @Option(names = "--data", required = true, paramLabel = "DS", description = "A bundled data set, a CSV file or an IDX folder.")
    String data;

    Splits split(long splitSeed) {
        return DatasetLocator.resolve(data, splitSeed);
    }

    String name() {
        return data;
    }
}
