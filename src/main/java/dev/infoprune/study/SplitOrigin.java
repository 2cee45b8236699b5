package dev.infoprune.study;

import java.util.Objects;

/**
 * Where a comparison's splits came from: the data set as the user gave it (a bundled name, a CSV file with its
 * options, an IDX folder) and the seed its train / probe / test split was cut with. With the comparison's
 * probe and train sample counts and its seed this reproduces the exact samples every method saw.
 */
public record SplitOrigin(String data, long splitSeed) {
    public SplitOrigin {
        Objects.requireNonNull(data, "data");
    }
}
